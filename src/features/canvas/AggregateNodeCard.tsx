import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { useSignalbox } from '../../editor/react';
import type { AggregateFlowNode } from './viewElements';
import './viewElements.css';

/** A collapsed group or team: its name, what it holds, its worst finding; Expand opens it in place. */
export const AggregateNodeCard = memo(function AggregateNodeCard({ data }: NodeProps<AggregateFlowNode>) {
  const { aggregate } = data;
  const editor = useSignalbox();
  const what = aggregate.grouping === 'group' ? 'Group' : 'Team';
  const holds = Object.entries(aggregate.kinds)
    .map(
      ([kind, n]) =>
        `${n} ${(NODE_KIND_LABELS[kind as keyof typeof NODE_KIND_LABELS] ?? kind).toLowerCase()}${n === 1 ? '' : 's'}`,
    )
    .join(', ');
  return (
    <div
      className="sb-aggregate"
      title={`${what} ${aggregate.key}: ${aggregate.members.length} nodes (${holds}); double-click to expand`}
      onDoubleClick={() => editor.viewActions.expand(aggregate.key)}
    >
      <Handle type="target" position={Position.Left} id="in" isConnectable={false} />
      <span className="sb-aggregate__text">
        <span className="sb-aggregate__name">{aggregate.key}</span>
        <span className="sb-aggregate__meta">
          {what} · {aggregate.members.length} node{aggregate.members.length === 1 ? '' : 's'}
        </span>
      </span>
      {aggregate.worst && (
        <span className={`sb-badge sb-badge--${aggregate.worst}`} role="img" aria-label={`${aggregate.worst} finding inside`}>
          {aggregate.worst === 'info' ? 'i' : '!'}
        </span>
      )}
      <button
        type="button"
        className="sb-aggregate__expand nodrag"
        aria-label={`Expand ${aggregate.key}`}
        onClick={() => editor.viewActions.expand(aggregate.key)}
      >
        +
      </button>
      <Handle type="source" position={Position.Right} id="out" isConnectable={false} />
    </div>
  );
});
