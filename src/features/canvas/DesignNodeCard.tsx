import { useDiffOverlayStore, useFindingsStore, useIsRenaming, useSignalbox, useWhatIfStore } from '../../editor/react';
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NodeIcon } from '../../components/NodeIcon';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { nodeSchema } from '../../core/model/schema';
import type { DesignFlowNode } from './flowElements';
import { InlineNameInput } from './InlineNameInput';
import { getBadgeTitle } from './badgeTitle';
import type { Signalbox } from '../../editor/createSignalbox';

function commitNodeName(editor: Signalbox, id: string, text: string): string | undefined {
  const name = text.trim();
  const checked = nodeSchema.shape.name.safeParse(name);
  if (!checked.success) return checked.error.issues[0]?.message ?? 'not a valid name';
  const result = editor.design.getState().renameNode(id, name);
  return result.ok ? undefined : result.error;
}

/**
 * One node on the canvas. Memoised, and it subscribes only to its own badge and what-if state,
 * so a change elsewhere never re-renders it (React Flow's performance guide).
 */
export const DesignNodeCard = memo(function DesignNodeCard({ id, data, selected, isConnectable }: NodeProps<DesignFlowNode>) {
  const { node } = data;
  const editor = useSignalbox();
  const severity = useFindingsStore((s) => s.worstByNode[id]);
  const state = useWhatIfStore((s) => (s.active ? s.states[id] : undefined));
  const renaming = useIsRenaming('node', id);
  const diff = useDiffOverlayStore((s) => s.nodes[id]);
  const meta = [NODE_KIND_LABELS[node.kind] ?? node.kind, node.tech, node.team].filter(Boolean).join(' · ');
  const className = [
    'sb-node',
    `sb-node--${node.kind}`,
    selected ? 'sb-node--selected' : '',
    state ? `sb-node--state-${state}` : '',
    diff ? `sb-node--diff-${diff}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid={`node-${id}`} title={node.notes ?? node.name}>
      {/* Named, so a screen reader (and a test) finds where a link starts and ends. */}
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        isConnectable={isConnectable}
        role="button"
        aria-label={`Link to ${node.name}`}
      />
      <span className="sb-node__icon">
        <NodeIcon kind={node.kind} size={20} />
      </span>
      <span className="sb-node__text">
        {renaming ? (
          <InlineNameInput
            initial={node.name}
            label={`Name of ${node.name}`}
            onCommit={(text) => commitNodeName(editor, id, text)}
            onClose={editor.uiActions.endRename}
          />
        ) : (
          <span className="sb-node__name">{node.name}</span>
        )}
        <span className="sb-node__meta">{meta}</span>
      </span>
      {node.replicas !== undefined && node.replicas > 1 && <span className="sb-node__replicas">×{node.replicas}</span>}
      {severity && (
        <span
          className={`sb-badge sb-badge--${severity}`}
          role="img"
          aria-label={`${severity} finding`}
          data-testid={`badge-${id}`}
          onMouseEnter={(e) => {
            e.currentTarget.title = getBadgeTitle(editor.findings.getState().findings, 'node', id);
          }}
        >
          {severity === 'info' ? 'i' : '!'}
        </span>
      )}
      {state && <span className={`sb-node__state sb-node__state--${state}`}>{state}</span>}
      {diff && <span className={`sb-node__diff sb-node__diff--${diff}`}>{diff}</span>}
      <Handle
        type="source"
        position={Position.Right}
        id="out"
        isConnectable={isConnectable}
        role="button"
        aria-label={`Link from ${node.name}`}
      />
    </div>
  );
});
