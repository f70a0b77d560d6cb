/**
 * Node placement as pure functions: the ELK graph a design lays out as, the design with the
 * positions ELK returned, and the one placement routine for new cards (findFreeSpot,
 * placeUnplacedNodes) that the palette, the canvas, the code view and import share, with the one
 * card size the canvas draws. The ELK call itself (a Web Worker) lives in features/canvas.
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

type Point = [number, number];

/** The gap a placed card keeps from every other card, on each side. */
export const NODE_GAP = GAP / 2;
/** How far right of its caller (or left of the node it calls) a linked node is placed. */
const LINK_SPAN = GAP * 2;
const STEP_X = NODE_WIDTH + NODE_GAP;
const STEP_Y = NODE_HEIGHT + NODE_GAP;
/** How many card-steps around the asked spot are tried before giving up (a spot 40 cards away). */
const MAX_RINGS = 40;

/**
 * The cards already on the canvas, bucketed by card-step cells, so "does a card at p touch one"
 * looks at nine cells instead of every node of a 10,000-node design.
 */
class TakenSpots {
  private readonly cells = new Map<number, Point[]>();

  constructor(points: Iterable<readonly [number, number]>) {
    for (const p of points) this.add([p[0], p[1]]);
  }

  /**
   * A number per cell. Far-out cells may share one (2^26 columns wrap): that only adds cards to
   * compare with, it never hides one, since every comparison measures the real distance.
   */
  private static key(cx: number, cy: number): number {
    return cx * 0x4000000 + cy;
  }

  add(p: Point): void {
    const key = TakenSpots.key(Math.floor(p[0] / STEP_X), Math.floor(p[1] / STEP_Y));
    const cell = this.cells.get(key);
    if (cell) cell.push(p);
    else this.cells.set(key, [p]);
  }

  /** Whether a card at `p` would touch a taken card (closer than NODE_GAP on both axes). */
  touches(p: readonly [number, number]): boolean {
    const cx = Math.floor(p[0] / STEP_X);
    const cy = Math.floor(p[1] / STEP_Y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const cell = this.cells.get(TakenSpots.key(cx + dx, cy + dy));
        if (!cell) continue;
        for (const q of cell) if (Math.abs(q[0] - p[0]) < STEP_X && Math.abs(q[1] - p[1]) < STEP_Y) return true;
      }
    }
    return false;
  }
}

/**
 * The free spot nearest `at` among `taken`: `at` itself when nothing is there, else the closest
 * place on a grid of card-sized steps around it.
 */
function nearestFreeSpot(taken: TakenSpots, at: readonly [number, number]): Point {
  const start: Point = [Math.round(at[0]), Math.round(at[1])];
  if (!taken.touches(start)) return start;
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const steps: Point[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) steps.push([dx, dy]);
    }
    // Fewest steps first, counted in cards (a card is wide: pixels would always favour below);
    // then right, then below: designs read left to right, so a new card lands where links go.
    steps.sort((p, q) => Math.abs(p[0]) + Math.abs(p[1]) - (Math.abs(q[0]) + Math.abs(q[1])) || q[0] - p[0] || q[1] - p[1]);
    for (const [dx, dy] of steps) {
      const candidate: Point = [start[0] + dx * STEP_X, start[1] + dy * STEP_Y];
      if (!taken.touches(candidate)) return candidate;
    }
  }
  return start;
}

/**
 * The first free spot going down from `start`, then in further columns to the right: for a node
 * nobody pointed at, so it stays on the side it was meant for (right of its caller, in the
 * reading order of the design) rather than the nearest spot, which may be behind it.
 */
function freeSpotDownThenRight(taken: TakenSpots, at: readonly [number, number]): Point {
  const start: Point = [Math.round(at[0]), Math.round(at[1])];
  for (let column = 0; column < MAX_RINGS; column++) {
    for (let row = 0; row < MAX_RINGS; row++) {
      const candidate: Point = [start[0] + column * STEP_X, start[1] + row * STEP_Y];
      if (!taken.touches(candidate)) return candidate;
    }
  }
  return start;
}

function placedSpots(design: Design): Point[] {
  const points: Point[] = [];
  for (const node of Object.values(design.nodes)) if (node.at) points.push(node.at);
  return points;
}

/**
 * The free spot nearest `at` for a new card: `at` itself when nothing is there, else the closest
 * place on a grid of card-sized steps around it, so a click-added node never lands on another.
 */
export function findFreeSpot(design: Design, at: readonly [number, number]): [number, number] {
  return nearestFreeSpot(new TakenSpots(placedSpots(design)), at);
}

/**
 * Positions for the nodes that have no `at` (typed in the code view, pasted bare, added by an
 * action that had no spot): the one they had in `previous` when there is one; else right of a
 * placed node that calls them, or left of one they call (round after round, so a chain of new
 * nodes follows its placed end); else near the middle of what is placed. Each goes to the first
 * free spot from there going down, then right, never on another card. Good for a handful of nodes; a whole file without
 * positions goes through ELK instead.
 */
export function placeUnplacedNodes(design: Design, previous?: Design): Record<string, [number, number]> {
  const positions: Record<string, [number, number]> = {};
  const missing: string[] = [];
  const placedAt = new Map<string, Point>();
  for (const [id, node] of Object.entries(design.nodes) as [string, DesignNode][]) {
    if (node.at) placedAt.set(id, node.at);
    else missing.push(id);
  }
  if (missing.length === 0) return positions;
  const taken = new TakenSpots(placedAt.values());
  const place = (id: string, at: Point) => {
    positions[id] = at;
    placedAt.set(id, at);
    taken.add(at);
  };

  let pending: string[] = [];
  for (const id of missing) {
    const kept = previous?.nodes[id]?.at;
    if (kept) place(id, [kept[0], kept[1]]);
    else pending.push(id);
  }
  // The middle of what is placed before any fallback, so unlinked nodes cluster in one place.
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of placedAt.values()) {
    sumX += x;
    sumY += y;
  }
  const middle: Point = placedAt.size ? [Math.round(sumX / placedAt.size), Math.round(sumY / placedAt.size)] : [0, 0];

  while (pending.length > 0) {
    const next: string[] = [];
    for (const id of pending) {
      const caller = design.links.find((l) => l.to === id && l.from !== id && placedAt.has(l.from));
      const callee = caller ? undefined : design.links.find((l) => l.from === id && l.to !== id && placedAt.has(l.to));
      if (caller) {
        const [x, y] = placedAt.get(caller.from)!;
        place(id, freeSpotDownThenRight(taken, [x + NODE_WIDTH + LINK_SPAN, y]));
      } else if (callee) {
        const [x, y] = placedAt.get(callee.to)!;
        place(id, freeSpotDownThenRight(taken, [x - NODE_WIDTH - LINK_SPAN, y]));
      } else next.push(id);
    }
    if (next.length === pending.length) {
      // No placed neighbour for any of them: near the middle, each clear of the others.
      for (const id of next) place(id, freeSpotDownThenRight(taken, middle));
      break;
    }
    pending = next;
  }
  return positions;
}

/**
 * Where a block of new nodes laid out on its own (an import merged into a design) can start so
 * that it sits wholly below every placed card: the top of a free row, `gap` under the lowest card.
 */
export function getFreeRowTop(design: Design, gap = 120): number {
  let bottom: number | undefined;
  for (const node of Object.values(design.nodes)) if (node.at) bottom = Math.max(bottom ?? -Infinity, node.at[1]);
  return bottom === undefined ? 0 : bottom + NODE_HEIGHT + gap;
}
