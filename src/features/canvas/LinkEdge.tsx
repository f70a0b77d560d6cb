import { useDiffOverlayStore, useFindingsStore, useIsRenaming, useSignalbox } from '../../editor/react';
import { memo, useMemo } from 'react';
import type { Link } from '../../core/model/types';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Position, type EdgeProps } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { getLinkLabel, getShortLabel, parseLinkLabel, type LinkFlowEdge } from './flowElements';
import { InlineNameInput } from './InlineNameInput';
import { getBadgeTitle } from './badgeTitle';
import type { Signalbox } from '../../editor/createSignalbox';

function commitLinkLabel(editor: Signalbox, id: string, link: Link, text: string): string | undefined {
  const parsed = parseLinkLabel(link, text);
  if (!parsed.ok) return parsed.error;
  const result = editor.design.getState().updateLink(id, parsed.patch);
  return result.ok ? undefined : result.error;
}

const CHAR_WIDTH = 6.4;

/**
 * Pick the sides a link leaves and enters by where the nodes are, as draw.io does: a consumer
 * left of its broker is reached from the broker's left side, not by a loop around it. Every node
 * has the same size, so the boxes follow from the handle points without reading the DOM.
 */
export function routeLink(sx: number, sy: number, tx: number, ty: number, sourcePosition: Position, targetPosition: Position) {
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

/** How far one lane of parallel links sits from the next, across the link. */
const LANE_GAP = 30;

function controlPoint(pos: Position, x1: number, y1: number, x2: number, y2: number): [number, number] {
  // React Flow's own bezier control distance (curvature 0.25), so a bent link matches the others.
  const reach = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  if (pos === Position.Left) return [x1 - reach(x1 - x2), y1];
  if (pos === Position.Right) return [x1 + reach(x2 - x1), y1];
  if (pos === Position.Top) return [x1, y1 - reach(y1 - y2)];
  return [x1, y1 + reach(y2 - y1)];
}

/**
 * The path of a link and its label point. A link sharing its two nodes with others is bent out
 * to its lane (both control points moved across the link), and its label sits on its own curve:
 * stacked labels made a click select whichever link was drawn last.
 */
export function getLinkPath(route: ReturnType<typeof routeLink>, lane: number): [string, number, number] {
  if (lane === 0) {
    const [path, x, y] = getBezierPath(route);
    return [path, x, y];
  }
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = route;
  const dx = tx - sx;
  const dy = ty - sy;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  // Labels are wide: lanes of a vertical link (labels side by side) need more room.
  const gap = LANE_GAP + Math.abs(nx) * 70;
  // The middle of a cubic moves by 3/4 of what both control points move.
  const shift = (lane * gap) / 0.75;
  const [c1x, c1y] = controlPoint(route.sourcePosition, sx, sy, tx, ty);
  const [c2x, c2y] = controlPoint(route.targetPosition, tx, ty, sx, sy);
  const p1: [number, number] = [c1x + nx * shift, c1y + ny * shift];
  const p2: [number, number] = [c2x + nx * shift, c2y + ny * shift];
  const x = (sx + 3 * p1[0] + 3 * p2[0] + tx) / 8;
  const y = (sy + 3 * p1[1] + 3 * p2[1] + ty) / 8;
  return [`M${sx},${sy} C${p1[0]},${p1[1]} ${p2[0]},${p2[1]} ${tx},${ty}`, x, y];
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
  const editor = useSignalbox();
  const severity = useFindingsStore((s) => s.worstByLink[id]);
  const renaming = useIsRenaming('link', id);
  const lane = data?.lane ?? 0;
  const [path, labelX, labelY] = getLinkPath(routeLink(sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition), lane);
  const diff = useDiffOverlayStore((s) => s.links[id]);
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
            onMouseEnter={(e) => {
              // SVG shows a <title> child as its tooltip; filled on hover from the findings.
              const title = e.currentTarget.querySelector('title');
              if (title) title.textContent = getBadgeTitle(editor.findings.getState().findings, 'link', id);
            }}
          >
            <title />
            <circle r={7} />
            {/* Drawn, not text: the label's text stays exactly its protocol or channel. */}
            <rect className="sb-edge-badge__glyph" x={-1} y={severity === 'info' ? -1 : -4} width={2} height={5} rx={1} />
            <circle className="sb-edge-badge__glyph" cy={severity === 'info' ? -3.5 : 3} r={1.1} />
          </g>
        )}
      </g>
      {renaming && (
        <EdgeLabelRenderer>
          <div className="sb-edge-rename" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            <InlineNameInput
              initial={fullLabel}
              label={link.kind === 'async' ? 'Link label: channel' : 'Link label: protocol and version'}
              onCommit={(text) => commitLinkLabel(editor, id, link, text)}
              onClose={editor.uiActions.endRename}
            />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
