import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { getRollupLabel, type RollupFlowEdge } from './viewElements';
import { getLinkPath } from './LinkEdge';

const CHAR_WIDTH = 6.4;

/** Links folded into one by a collapsed group: thicker, labelled with what it stands for. */
export const RollupEdge = memo(function RollupEdge(props: EdgeProps<RollupFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, markerEnd } = props;
  // The same sides as a plain link picks, so a folded edge never loops around its ends.
  const [path, labelX, labelY] = getLinkPath(sourceX, sourceY, targetX, targetY, 0);
  if (!data) return null;
  const { rollup } = data;
  const label = getRollupLabel(rollup);
  const width = Math.ceil(label.length * CHAR_WIDTH) + 14;
  const kind = rollup.sync > 0 ? 'sync' : 'async';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`sb-edge sb-edge--rollup sb-edge--rollup-${kind}`} />
      <g className="sb-edge-label sb-rollup-label" transform={`translate(${labelX} ${labelY})`}>
        <title>{rollup.links.join('\n')}</title>
        <rect x={-width / 2} y={-10} width={width} height={20} rx={10} />
        <text textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
        {rollup.worst && <circle className={`sb-rollup-badge sb-rollup-badge--${rollup.worst}`} cx={width / 2} cy={-10} r={5} />}
      </g>
    </>
  );
});
