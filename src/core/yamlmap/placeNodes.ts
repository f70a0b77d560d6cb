import type { Design } from '../model/types';

/** The size the canvas gives a node, and the gap kept between nodes placed from the text. */
export const NODE_BOX = { width: 180, height: 64 } as const;
const GAP_X = 80;
const GAP_Y = 40;

type Point = [number, number];

function overlaps(p: Point, taken: readonly Point[]): boolean {
  return taken.some(
    ([x, y]) => Math.abs(x - p[0]) < NODE_BOX.width + GAP_X / 2 && Math.abs(y - p[1]) < NODE_BOX.height + GAP_Y / 2,
  );
}

/** The first free spot going down from `start`, then in further columns to the right. */
function freeSpot(start: Point, taken: readonly Point[]): Point {
  for (let col = 0; col < 20; col++) {
    for (let row = 0; row < 20; row++) {
      const p: Point = [start[0] + col * (NODE_BOX.width + GAP_X), start[1] + row * (NODE_BOX.height + GAP_Y)];
      if (!overlaps(p, taken)) return p;
    }
  }
  return start;
}

/**
 * Give a position to every node typed without `at`, so it appears where the user expects it:
 * a node the text names without a position keeps the one it had (`previous`), else goes to the
 * right of a placed node that links to it (or left of one it links to), else near the centroid of
 * the placed nodes, never on top of another node. Returns the same design when nothing is missing.
 */
export function placeNewNodes(design: Design, previous?: Design): Design {
  const missing = Object.keys(design.nodes).filter((id) => !design.nodes[id]!.at);
  if (missing.length === 0) return design;

  const positions = new Map<string, Point>();
  for (const [id, node] of Object.entries(design.nodes)) if (node.at) positions.set(id, node.at);
  const placeLater: string[] = [];
  for (const id of missing) {
    const kept = previous?.nodes[id]?.at;
    if (kept) positions.set(id, kept);
    else placeLater.push(id);
  }

  // Placing one node can give the next one a neighbour: go round until no node gets placed.
  let pending = placeLater;
  while (pending.length > 0) {
    const next: string[] = [];
    for (const id of pending) {
      const taken = [...positions.values()];
      const source = design.links.find((l) => l.to === id && l.from !== id && positions.has(l.from));
      const target = design.links.find((l) => l.from === id && l.to !== id && positions.has(l.to));
      if (source) {
        const [x, y] = positions.get(source.from)!;
        positions.set(id, freeSpot([x + NODE_BOX.width + GAP_X, y], taken));
      } else if (target) {
        const [x, y] = positions.get(target.to)!;
        positions.set(id, freeSpot([x - NODE_BOX.width - GAP_X, y], taken));
      } else next.push(id);
    }
    if (next.length === pending.length) {
      // No placed neighbour: near the centroid of what is placed, or at the origin.
      for (const id of next) {
        const taken = [...positions.values()];
        const centre: Point =
          taken.length === 0
            ? [80, 80]
            : [
                Math.round(taken.reduce((s, p) => s + p[0], 0) / taken.length),
                Math.round(taken.reduce((s, p) => s + p[1], 0) / taken.length),
              ];
        positions.set(id, freeSpot(centre, taken));
      }
      break;
    }
    pending = next;
  }

  const nodes = { ...design.nodes };
  for (const id of missing) nodes[id] = { ...nodes[id]!, at: positions.get(id)! };
  return { ...design, nodes };
}
