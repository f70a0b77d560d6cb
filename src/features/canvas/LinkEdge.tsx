import { memo, useMemo } from 'react';
import { BaseEdge, getBezierPath, Position, type EdgeProps } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { useFindingsStore } from '../../state/overlayStores';
import { useDiffOverlayStore } from '../../state/diffOverlay';
import { getLinkLabel, getShortLabel, type LinkFlowEdge } from './flowElements';

const CHAR_WIDTH = 6.4;

/**
 * Pick the sides a link leaves and enters by where the nodes are, as draw.io does: a consumer
 * left of its broker is reached from the broker's left side, not by a loop around it. Every node
 * has the same size, so the boxes follow from the handle points without reading the DOM.
 */
function routeLink(sx: number, sy: number, tx: number, ty: number, sourcePosition: Position, targetPosition: Position) {
  const sourceLeft = sx - NODE_WIDTH;
  const targetRight = tx + NODE_WIDTH;
  if (tx >= sx) return { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, sourcePosition, targetPosition };
  if (targetRight <= sourceLeft) {
    return {
      sourceX: sourceLeft,
      sourceY: sy,
      targetX: targetRight,
      targetY: ty,
      sourcePosition: Position.Left,
      targetPosition: Position.Right,
    };
  }
  // Overlapping columns: leave from the bottom or the top, enter at the other.
  const sourceMidX = sx - NODE_WIDTH / 2;
  const targetMidX = tx + NODE_WIDTH / 2;
  const down = ty > sy;
  const half = NODE_HEIGHT / 2;
  return {
    sourceX: sourceMidX,
    sourceY: down ? sy + half : sy - half,
    targetX: targetMidX,
    targetY: down ? ty - half : ty + half,
    sourcePosition: down ? Position.Bottom : Position.Top,
    targetPosition: down ? Position.Top : Position.Bottom,
  };
}

/**
 * A link: sync solid, async dashed (solid but violet in dense designs, where dashes cost frames).
 * The label is plain SVG sized from its text, so no edge measures the DOM.
 */
export const LinkEdge = memo(function LinkEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<LinkFlowEdge>) {
  const severity = useFindingsStore((s) => s.worstByLink[id]);
  const diff = useDiffOverlayStore((s) => s.links[id]);
  const [path, labelX, labelY] = getBezierPath(routeLink(sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition));
  // A drag re-renders the edges of the moved nodes every frame: the label depends on the link only.
  const link = data?.link;
  const { fullLabel, label, width } = useMemo(() => {
    const full = link ? getLinkLabel(link) : '';
    const short = getShortLabel(full);
    return { fullLabel: full, label: short, width: Math.ceil(Array.from(short).length * CHAR_WIDTH) + 14 };
  }, [link]);
  if (!data || !link) return null;
  const { dense } = data;
  const kindClass = link.kind === 'async' ? (dense ? 'sb-edge--async-dense' : 'sb-edge--async') : 'sb-edge--sync';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`sb-edge ${kindClass}${selected ? ' sb-edge--selected' : ''}${diff ? ` sb-edge--diff-${diff}` : ''}`}
        interactionWidth={16}
      />
      <g
        className={`sb-edge-label${selected ? ' sb-edge-label--selected' : ''}${diff ? ` sb-edge-label--diff-${diff}` : ''}`}
        transform={`translate(${labelX} ${labelY})`}
        data-testid={`edge-label-${id}`}
      >
        {(label !== fullLabel || diff) && <title>{diff ? `${fullLabel} (${diff})` : fullLabel}</title>}
        <rect x={-width / 2} y={-10} width={width} height={20} rx={10} />
        <text textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
        {severity && (
          <g
            className={`sb-edge-badge sb-edge-badge--${severity}`}
            transform={`translate(${width / 2} -10)`}
            role="img"
            aria-label={`${severity} finding`}
          >
            <circle r={7} />
            {/* Drawn, not text: the label's text stays exactly its protocol or channel. */}
            <rect className="sb-edge-badge__glyph" x={-1} y={severity === 'info' ? -1 : -4} width={2} height={5} rx={1} />
            <circle className="sb-edge-badge__glyph" cy={severity === 'info' ? -3.5 : 3} r={1.1} />
          </g>
        )}
      </g>
    </>
  );
});
