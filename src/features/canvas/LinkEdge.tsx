import { useDiffOverlayStore, useFindingsStore, useIsRenaming, useSignalbox } from '../../editor/react';
import { memo, useMemo } from 'react';
import type { Link } from '../../core/model/types';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { getCurveRoute, pickLinkEnds } from '../../core/layout/linkRoutes';
import { getLabelWidth } from '../../core/model/linkLabel';
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

/**
 * The live curve of a link from React Flow's handle points (the shared geometry of
 * `core/layout/linkRoutes`): used while a drag moves its ends, and in large designs.
 */
export function getLinkPath(sx: number, sy: number, tx: number, ty: number, lane: number): [string, number, number] {
  const route = getCurveRoute(pickLinkEnds(sx, sy, tx, ty), lane);
  return [route.path, route.label[0], route.label[1]];
}

/** How far React Flow's handle point may sit from the card's side for a route to still fit it. */
const ANCHOR_SLACK = 8;

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
  data,
  selected,
  markerEnd,
}: EdgeProps<LinkFlowEdge>) {
  const editor = useSignalbox();
  const severity = useFindingsStore((s) => s.worstByLink[id]);
  const renaming = useIsRenaming('link', id);
  const lane = data?.lane ?? 0;
  const route = data?.route;
  const anchor = data?.anchor;
  // The routed line while both ends stand where it was routed for; mid-drag, the live curve.
  const routed =
    route &&
    anchor &&
    Math.abs(sourceX - anchor[0]) <= ANCHOR_SLACK &&
    Math.abs(sourceY - anchor[1]) <= ANCHOR_SLACK &&
    Math.abs(targetX - anchor[2]) <= ANCHOR_SLACK &&
    Math.abs(targetY - anchor[3]) <= ANCHOR_SLACK;
  const [path, labelX, labelY] = routed
    ? [route.path, route.label[0], route.label[1]]
    : getLinkPath(sourceX, sourceY, targetX, targetY, lane);
  const diff = useDiffOverlayStore((s) => s.links[id]);
  // A drag re-renders the edges of the moved nodes every frame: the label depends on the link only.
  const link = data?.link;
  const { fullLabel, label, width } = useMemo(() => {
    const full = link ? getLinkLabel(link) : '';
    const short = getShortLabel(full);
    return { fullLabel: full, label: short, width: getLabelWidth(short) };
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
            <circle className="sb-edge-badge__dot" r={7} />
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
