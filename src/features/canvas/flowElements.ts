/**
 * The design adapted to React Flow's nodes and edges. Derived, never owned: each sync reuses the
 * previous object for every element whose design object and selection did not change, so React
 * Flow re-renders only what changed (a 1,000-node design edits one node, not a thousand).
 */
import { Position, type Edge, type Node } from '@xyflow/react';
import type { DesignNode, Link } from '../../core/model/types';
import { PROTOCOLS } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { PROTOCOL_LABELS, getLabelWidth, getLinkLabel, getShortLabel } from '../../core/model/linkLabel';
import { AVOID_CARDS_UP_TO, getCardBox, getLinkLanes, routeLinks, type Box, type LinkRoute } from '../../core/layout/linkRoutes';

export type DesignFlowNode = Node<{ node: DesignNode }, 'design'>;
/** `lane`: where this link sits among the links joining the same two nodes (0 = alone, ±1...). */
/**
 * `route`: where the link is drawn while its cards stand where the design has them (routed around
 * other cards, `core/layout/linkRoutes`); `anchor` the handle points it was routed for, so a drag
 * that moves an end falls back to the live curve until the drop.
 */
export type LinkFlowEdge = Edge<
  { link: Link; dense: boolean; lane: number; route?: LinkRoute; anchor?: readonly [number, number, number, number] },
  'link'
>;

/**
 * Where a card's handles sit until React Flow has measured the card (as measured in Chromium on a
 * 184x64 card: the 14 px handles of canvas.css, 6 px out on the left, 176 px in on the right). React
 * Flow renders every node it has no handle bounds for, on screen or not, so without these opening
 * a 15,000-node design created, measured and removed again every card (8 s of the open); with
 * them only the cards on screen are. A measured card drops them (`measured` is set), so React
 * Flow keeps what it measured.
 */
const HANDLE_SIZE = 14;
const HANDLE_Y = NODE_HEIGHT / 2 - HANDLE_SIZE / 2;
const CARD_HANDLES: NonNullable<DesignFlowNode['handles']> = [
  { id: 'in', type: 'target', position: Position.Left, x: -6, y: HANDLE_Y, width: HANDLE_SIZE, height: HANDLE_SIZE },
  {
    id: 'out',
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - 8,
    y: HANDLE_Y,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];

/** Above this many links, async links are drawn solid (dashes cost frames at scale, RECIPES.md). */
export const DENSE_LINKS = 1200;

export function syncFlowNodes(
  previous: readonly DesignFlowNode[],
  designNodes: Record<string, DesignNode>,
  selected: ReadonlySet<string>,
): DesignFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const next: DesignFlowNode[] = [];
  let changed = previous.length !== Object.keys(designNodes).length;
  let i = 0;
  for (const [id, node] of Object.entries(designNodes)) {
    const prev = byId.get(id);
    const isSelected = selected.has(id);
    const x = node.at?.[0] ?? 0;
    const y = node.at?.[1] ?? 0;
    if (prev && prev.data.node === node && !!prev.selected === isSelected && prev.position.x === x && prev.position.y === y) {
      next.push(prev);
      if (previous[i] !== prev) changed = true;
    } else {
      next.push({
        ...prev,
        id,
        type: 'design',
        position: { x, y },
        data: { node },
        selected: isSelected,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        handles: prev?.measured ? undefined : CARD_HANDLES,
      });
      changed = true;
    }
    i++;
  }
  return changed ? next : (previous as DesignFlowNode[]);
}

export function syncFlowEdges(
  previous: ReadonlyMap<string, LinkFlowEdge>,
  links: readonly Link[],
  selected: ReadonlySet<string>,
  designNodes?: Record<string, DesignNode>,
  /** From `getDesignLinkRoutes(designNodes, links)`, memoised apart: a selection change re-routes nothing. */
  routes: readonly (LinkRoute | null)[] = [],
): LinkFlowEdge[] {
  const dense = links.length > DENSE_LINKS;
  const lanes = getLinkLanes(links);
  return links.map((link, i) => {
    const id = getLinkId(link);
    const prev = previous.get(id);
    const isSelected = selected.has(id);
    const lane = lanes[i] ?? 0;
    const route = routes[i] ?? undefined;
    const from = designNodes?.[link.from]?.at;
    const to = designNodes?.[link.to]?.at;
    const anchor =
      route && from && to
        ? ([from[0] + NODE_WIDTH, from[1] + NODE_HEIGHT / 2, to[0], to[1] + NODE_HEIGHT / 2] as const)
        : undefined;
    if (
      prev &&
      prev.data?.link === link &&
      !!prev.selected === isSelected &&
      prev.data.dense === dense &&
      prev.data.lane === lane &&
      prev.data.route?.path === route?.path &&
      prev.data.route?.label[0] === route?.label[0] &&
      prev.data.route?.label[1] === route?.label[1]
    )
      return prev;
    return {
      id,
      type: 'link',
      source: link.from,
      target: link.to,
      sourceHandle: 'out',
      targetHandle: 'in',
      selected: isSelected,
      data: { link, dense, lane, route, anchor },
    };
  });
}

/** The routes of the drawn links over the drawn cards (labels sized as `LinkEdge` draws them). */
export function getDesignLinkRoutes(designNodes: Record<string, DesignNode>, links: readonly Link[]): (LinkRoute | null)[] {
  // Large designs keep the plain curves: routing tests every card, and the canvas culls there.
  if (Object.keys(designNodes).length > AVOID_CARDS_UP_TO) return [];
  const cards = new Map<string, Box>();
  for (const [id, node] of Object.entries(designNodes)) if (node.at) cards.set(id, getCardBox(node.at));
  const labelWidths = links.map((l) => getLabelWidth(getShortLabel(getLinkLabel(l))));
  return routeLinks(cards, links, { labelWidths });
}

export { getLinkLanes } from '../../core/layout/linkRoutes';

export { LABEL_MAX_CHARS, getShortLabel, getLinkLabel } from '../../core/model/linkLabel';

/**
 * A label typed on the canvas, back into the link: a message's label is its channel; a call's
 * is its protocol and optional version (`gRPC v2`), as `getLinkLabel` draws it.
 */
export function parseLinkLabel(
  link: Link,
  text: string,
): { ok: true; patch: Pick<Link, 'channel'> | Pick<Link, 'protocol' | 'version'> } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (link.kind === 'async') {
    if (trimmed === '') return { ok: false, error: 'a channel name is required' };
    if (/\s/.test(trimmed)) return { ok: false, error: 'no spaces in a channel name' };
    return { ok: true, patch: { channel: trimmed } };
  }
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const protocol = PROTOCOLS.find((p) => p === word || PROTOCOL_LABELS[p]?.toLowerCase() === word);
  if (!protocol && word !== 'call') {
    return { ok: false, error: `start with a protocol: ${PROTOCOLS.map((p) => PROTOCOL_LABELS[p] ?? p).join(', ')}` };
  }
  const version = rest.join(' ');
  return { ok: true, patch: { protocol, version: version === '' ? undefined : version } };
}

/** A rectangle in flow coordinates: [left, top, right, bottom]. */
export type FlowRect = readonly [number, number, number, number];

/**
 * The links worth drawing in a culled design: those with an end near the screen (in `area`) or
 * touching a selected node (a dragged node is selected and may leave the area mid-drag). React
 * Flow's own culling keeps every edge whose bounding box crosses the screen, so at 100% a few
 * dozen nodes came with a thousand long edges to paint each drag frame; those hairlines cross
 * the screen between two far-away nodes and say little.
 */
export function keepLinksNear(
  edges: readonly LinkFlowEdge[],
  designNodes: Record<string, DesignNode>,
  area: FlowRect,
  selectedNodes: ReadonlySet<string>,
): LinkFlowEdge[] {
  const [left, top, right, bottom] = area;
  const near = (id: string) => {
    const at = designNodes[id]?.at;
    if (!at) return true;
    return at[0] + NODE_WIDTH >= left && at[0] <= right && at[1] + NODE_HEIGHT >= top && at[1] <= bottom;
  };
  return edges.filter(
    (e) => e.selected || selectedNodes.has(e.source) || selectedNodes.has(e.target) || near(e.source) || near(e.target),
  );
}

/**
 * The area `keepLinksNear` uses for a viewport: the screen snapped outward to a grid of cells a
 * quarter to half a screen wide (a power of two), so panning and zooming change it only every
 * cell, not every frame: each change re-filters the links and hands React Flow a new edge array. Returned as a
 * string so a store selector can compare it by value; '' while the canvas has no size yet.
 */
export function getLinkAreaKey(transform: readonly [number, number, number], width: number, height: number): string {
  const [tx, ty, zoom] = transform;
  if (width <= 0 || height <= 0 || zoom <= 0) return '';
  const cell = 2 ** Math.ceil(Math.log2(Math.max(width, height) / zoom / 4));
  const snap = (v: number, round: (x: number) => number) => round(v / cell) * cell;
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + width / zoom;
  const bottom = top + height / zoom;
  return [snap(left, Math.floor), snap(top, Math.floor), snap(right, Math.ceil), snap(bottom, Math.ceil)].join(',');
}

export function parseLinkAreaKey(key: string): FlowRect | null {
  const [left, top, right, bottom] = key.split(',').map(Number);
  if (left === undefined || top === undefined || right === undefined || bottom === undefined) return null;
  return [left, top, right, bottom];
}
