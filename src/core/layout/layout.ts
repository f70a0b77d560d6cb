/**
 * Node placement as pure functions: the ELK graph a design lays out as, the design with the
 * positions ELK returned, and a cheap placement for a few nodes without `at` next to the nodes
 * they link to. The ELK call itself (a Web Worker) lives in features/canvas.
 */
import type { Design, DesignNode } from '../model/types';
import { moveNodes } from '../model/edit';

/** The size every node has on the canvas; the canvas draws nodes at exactly this size. */
export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
const GAP = 48;

/** The plain ELK JSON graph (elkjs `ElkNode`), with `layered` left to right. */
export interface LayoutGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export function toLayoutGraph(design: Design): LayoutGraph {
  const ids = Object.keys(design.nodes);
  const known = new Set(ids);
  const seen = new Set<string>();
  const edges: LayoutGraph['edges'] = [];
  design.links.forEach((link, i) => {
    if (!known.has(link.from) || !known.has(link.to) || link.from === link.to) return;
    const key = `${link.from}\u0000${link.to}`;
    if (seen.has(key)) return; // parallel links do not change the layering
    seen.add(key);
    edges.push({ id: `e${i}`, sources: [link.from], targets: [link.to] });
  });
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.spacing.componentComponent': '64',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.separateConnectedComponents': 'true',
    },
    children: ids.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges,
  };
}

/** Apply ELK's result (`children` with x, y) as node positions. */
export function applyLayout(design: Design, children: readonly { id: string; x?: number; y?: number }[]): Design {
  const positions: Record<string, [number, number]> = {};
  for (const child of children) positions[child.id] = [child.x ?? 0, child.y ?? 0];
  return moveNodes(design, positions);
}

export function countUnplacedNodes(design: Design): number {
  let n = 0;
  for (const node of Object.values(design.nodes)) if (!node.at) n++;
  return n;
}

function overlaps(at: [number, number], placed: readonly [number, number][]): boolean {
  return placed.some(([x, y]) => Math.abs(x - at[0]) < NODE_WIDTH + GAP / 2 && Math.abs(y - at[1]) < NODE_HEIGHT + GAP / 2);
}

/**
 * Positions for the nodes that have no `at`: right of a node that calls them (or left of one they
 * call), else below everything; stepped down until nothing overlaps. Good for a handful of nodes
 * added in code; a whole file without positions goes through ELK instead.
 */
export function placeUnplacedNodes(design: Design): Record<string, [number, number]> {
  const placed: [number, number][] = [];
  let maxY = 0;
  let minX = Infinity;
  for (const node of Object.values(design.nodes)) {
    if (!node.at) continue;
    placed.push(node.at);
    maxY = Math.max(maxY, node.at[1]);
    minX = Math.min(minX, node.at[0]);
  }
  if (!Number.isFinite(minX)) minX = 0;
  const positions: Record<string, [number, number]> = {};
  const at = (id: string): [number, number] | undefined => positions[id] ?? design.nodes[id]?.at;
  let fallbackX = minX;
  for (const [id, node] of Object.entries(design.nodes) as [string, DesignNode][]) {
    if (node.at) continue;
    let start: [number, number] | undefined;
    for (const link of design.links) {
      if (link.to === id && link.from !== id) {
        const p = at(link.from);
        if (p) start = [p[0] + NODE_WIDTH + GAP * 2, p[1]];
      } else if (link.from === id && link.to !== id) {
        const p = at(link.to);
        if (p) start = [p[0] - NODE_WIDTH - GAP * 2, p[1]];
      }
      if (start) break;
    }
    if (!start) {
      start = [fallbackX, placed.length ? maxY + NODE_HEIGHT + GAP * 2 : 0];
      fallbackX += NODE_WIDTH + GAP;
    }
    const candidate: [number, number] = [Math.round(start[0]), Math.round(start[1])];
    for (let i = 0; overlaps(candidate, placed) && i < 200; i++) candidate[1] += NODE_HEIGHT + GAP / 2;
    positions[id] = candidate;
    placed.push(candidate);
  }
  return positions;
}

/** Whether a card at `at` would touch another card (with a small gap between them). */
function touchesAny(at: readonly [number, number], design: Design, gap: number): boolean {
  return Object.values(design.nodes).some(
    (n) => n.at && Math.abs(n.at[0] - at[0]) < NODE_WIDTH + gap && Math.abs(n.at[1] - at[1]) < NODE_HEIGHT + gap,
  );
}

/**
 * The free spot nearest `at` for a new card: `at` itself when nothing is there, else the closest
 * place on a grid of card-sized steps around it, so a click-added node never lands on another.
 */
export function findFreeSpot(design: Design, at: readonly [number, number]): [number, number] {
  const gap = GAP / 2;
  const start: [number, number] = [Math.round(at[0]), Math.round(at[1])];
  if (!touchesAny(start, design, gap)) return start;
  const stepX = NODE_WIDTH + gap;
  const stepY = NODE_HEIGHT + gap;
  for (let ring = 1; ring <= 40; ring++) {
    const steps: [number, number][] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) steps.push([dx, dy]);
    }
    // Fewest steps first, counted in cards (a card is wide: pixels would always favour below);
    // then right, then below: designs read left to right, so a new card lands where links go.
    steps.sort((p, q) => Math.abs(p[0]) + Math.abs(p[1]) - (Math.abs(q[0]) + Math.abs(q[1])) || q[0] - p[0] || q[1] - p[1]);
    for (const [dx, dy] of steps) {
      const candidate: [number, number] = [start[0] + dx * stepX, start[1] + dy * stepY];
      if (!touchesAny(candidate, design, gap)) return candidate;
    }
  }
  return start;
}
