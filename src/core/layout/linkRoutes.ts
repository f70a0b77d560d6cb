/**
 * Where a link is drawn, pure: the canvas, the SVG/PNG picture and the tests in Node share one
 * geometry. A link is a curve (React Flow's bezier, bent out to its lane when it shares its two
 * nodes with others); when that curve would cross another node's card, the link is routed
 * orthogonally around the cards instead, through the free channel that costs least. Labels then
 * slide along their line to a spot that covers no other label and no card.
 */
import type { Link } from '../model/types';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

export type Point = readonly [number, number];
export type Side = 'left' | 'right' | 'top' | 'bottom';

/** A card on the canvas, by its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The two ends of a link and the side of its card each one sits on. */
export interface LinkEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourceSide: Side;
  targetSide: Side;
}

export interface LinkRoute {
  /** SVG path data. */
  path: string;
  /** The middle of the label. */
  label: [number, number];
  /** The line as points (a sampled curve, or the corners of an orthogonal route), for hit tests. */
  points: Point[];
  shape: 'curve' | 'orthogonal';
}

/**
 * The sides a link leaves and enters by, from where the nodes are, as draw.io picks them: a
 * consumer left of its broker is reached from the broker's left side, not by a loop around it.
 * `sx, sy` is the source's right handle, `tx, ty` the target's left handle (the cards' defaults).
 */
export function pickLinkEnds(sx: number, sy: number, tx: number, ty: number): LinkEnds {
  const sourceLeft = sx - NODE_WIDTH;
  const targetRight = tx + NODE_WIDTH;
  if (tx >= sx) return { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, sourceSide: 'right', targetSide: 'left' };
  if (targetRight <= sourceLeft) {
    return { sourceX: sourceLeft, sourceY: sy, targetX: targetRight, targetY: ty, sourceSide: 'left', targetSide: 'right' };
  }
  // Overlapping columns: leave from the bottom or the top, enter at the other.
  const down = ty > sy;
  const half = NODE_HEIGHT / 2;
  return {
    sourceX: sx - NODE_WIDTH / 2,
    sourceY: down ? sy + half : sy - half,
    targetX: tx + NODE_WIDTH / 2,
    targetY: down ? ty - half : ty + half,
    sourceSide: down ? 'bottom' : 'top',
    targetSide: down ? 'top' : 'bottom',
  };
}

/** How far one lane of parallel links sits from the next, across the link. */
const LANE_GAP = 30;

function controlPoint(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  // React Flow's own bezier control distance (curvature 0.25), so every curve matches its edges.
  const reach = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  if (side === 'left') return [x1 - reach(x1 - x2), y1];
  if (side === 'right') return [x1 + reach(x2 - x1), y1];
  if (side === 'top') return [x1, y1 - reach(y1 - y2)];
  return [x1, y1 + reach(y2 - y1)];
}

const CURVE_SAMPLES = 24;

/**
 * The curve of a link and its label point. A link sharing its two nodes with others is bent out
 * to its lane (both control points moved across the link), and its label sits on its own curve:
 * stacked labels made a click select whichever link was drawn last.
 */
export function getCurveRoute(ends: LinkEnds, lane: number): LinkRoute {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = ends;
  const dx = tx - sx;
  const dy = ty - sy;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  // Labels are wide: lanes of a vertical link (labels side by side) need more room.
  const gap = LANE_GAP + Math.abs(nx) * 70;
  // The middle of a cubic moves by 3/4 of what both control points move.
  const shift = lane === 0 ? 0 : (lane * gap) / 0.75;
  const [c1x, c1y] = controlPoint(ends.sourceSide, sx, sy, tx, ty);
  const [c2x, c2y] = controlPoint(ends.targetSide, tx, ty, sx, sy);
  const p1: Point = [c1x + nx * shift, c1y + ny * shift];
  const p2: Point = [c2x + nx * shift, c2y + ny * shift];
  const points: Point[] = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    points.push([a * sx + b * p1[0] + c * p2[0] + d * tx, a * sy + b * p1[1] + c * p2[1] + d * ty]);
  }
  const x = (sx + 3 * p1[0] + 3 * p2[0] + tx) / 8;
  const y = (sy + 3 * p1[1] + 3 * p2[1] + ty) / 8;
  return { path: `M${sx},${sy} C${p1[0]},${p1[1]} ${p2[0]},${p2[1]} ${tx},${ty}`, label: [x, y], points, shape: 'curve' };
}

/** Whether the segment a-b passes through the inside of the box (Liang-Barsky clipping). */
export function segmentCrossesBox(a: Point, b: Point, box: Box, inset = 1): boolean {
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  if (right <= left || bottom <= top) return false;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, a[0] - left) && clip(dx, right - a[0]) && clip(-dy, a[1] - top) && clip(dy, bottom - a[1]) && t1 - t0 > 1e-9;
}

/** How many of `boxes` the line `points` passes through (each box counted once). */
export function countBoxesCrossed(points: readonly Point[], boxes: readonly Box[]): number {
  let n = 0;
  for (const box of boxes) {
    for (let i = 1; i < points.length; i++) {
      if (segmentCrossesBox(points[i - 1]!, points[i]!, box)) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Boxes filed by the square cells they touch, so "which cards are near this line" looks at a
 * few cells, not every card (routing the 199-card generated design tested every card per link:
 * 2 s). `query` answers in insertion order, so a route comes out exactly as a full scan picks it.
 */
export class BoxGrid {
  private readonly cells = new Map<string, number[]>();
  private readonly boxes: Box[] = [];
  private stamp = 0;
  private readonly seen: number[] = [];

  constructor(private readonly cell = 256) {}

  add(box: Box): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    this.seen.push(0);
    this.forCells(
      box.x,
      box.y,
      box.x + box.width,
      box.y + box.height,
      (key) => {
        const list = this.cells.get(key);
        if (list) list.push(index);
        else this.cells.set(key, [index]);
      },
      true,
    );
  }

  /** The boxes that may touch the rectangle [left, top]-[right, bottom], in insertion order. */
  query(left: number, top: number, right: number, bottom: number): Box[] {
    const found: number[] = [];
    const stamp = ++this.stamp;
    this.forCells(left, top, right, bottom, (key) => {
      for (const index of this.cells.get(key) ?? []) {
        if (this.seen[index] === stamp) continue;
        this.seen[index] = stamp;
        const b = this.boxes[index]!;
        if (b.x <= right && b.x + b.width >= left && b.y <= bottom && b.y + b.height >= top) found.push(index);
      }
    });
    found.sort((a, b) => a - b);
    return found.map((index) => this.boxes[index]!);
  }

  /**
   * The boxes the line passes through (as `countBoxesCrossed` counts them), in insertion order:
   * each piece asks only the cells under it, so a long link does not test every card.
   */
  crossedBy(points: readonly Point[], skip?: (box: Box) => boolean): Box[] {
    const found: number[] = [];
    const stamp = ++this.stamp;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const left = Math.min(a[0], b[0]);
      const right = Math.max(a[0], b[0]);
      const top = Math.min(a[1], b[1]);
      const bottom = Math.max(a[1], b[1]);
      this.forCells(left, top, right, bottom, (key) => {
        for (const index of this.cells.get(key) ?? []) {
          if (this.seen[index] === stamp) continue;
          const box = this.boxes[index]!;
          if (skip?.(box) || !segmentCrossesBox(a, b, box)) continue;
          this.seen[index] = stamp;
          found.push(index);
        }
      });
    }
    found.sort((x, y) => x - y);
    return found.map((index) => this.boxes[index]!);
  }

  /** The boxes that may touch a line's bounding box, grown by `margin`. */
  queryAround(points: readonly Point[], margin = 0): Box[] {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const [x, y] of points) {
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
    return this.query(left - margin, top - margin, right + margin, bottom + margin);
  }

  private forCells(left: number, top: number, right: number, bottom: number, visit: (key: string) => void, create = false): void {
    const c = this.cell;
    const x0 = Math.floor(left / c);
    const y0 = Math.floor(top / c);
    const x1 = Math.floor(right / c);
    const y1 = Math.floor(bottom / c);
    // A look-up wider than the cards' cells (a card at 1e15, which the format allows) asks only
    // the cells that hold cards: walking every cell in between hung the tab.
    if (!create && (x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      for (const key of this.cells.keys()) {
        const comma = key.indexOf(',');
        const x = Number(key.slice(0, comma));
        const y = Number(key.slice(comma + 1));
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) visit(key);
      }
      return;
    }
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit(`${x},${y}`);
  }
}

const SIDE_DIRECTION: Record<Side, Point> = { left: [-1, 0], right: [1, 0], top: [0, -1], bottom: [0, 1] };
/** The straight first and last piece of an orthogonal route, out of the card's side. */
const STUB = 18;
/** How far an orthogonal route keeps from the cards it passes. */
const CLEARANCE = 20;
const CORNER_RADIUS = 8;

function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    const before = out[out.length - 2];
    if (before && last) {
      const collinear =
        (Math.abs(before[0] - last[0]) < 0.01 && Math.abs(last[0] - p[0]) < 0.01) ||
        (Math.abs(before[1] - last[1]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01);
      if (collinear) out.pop();
    }
    out.push(p);
  }
  return out;
}

function polylineLength(points: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++)
    length += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return length;
}

/** The point `fraction` of the way along a line. */
export function pointAlong(points: readonly Point[], fraction: number): [number, number] {
  const total = polylineLength(points);
  let left = total * fraction;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const step = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (step >= left && step > 0) return [a[0] + ((b[0] - a[0]) * left) / step, a[1] + ((b[1] - a[1]) * left) / step];
    left -= step;
  }
  const last = points[points.length - 1] ?? [0, 0];
  return [last[0], last[1]];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Corners rounded like React Flow's smoothstep edges. */
function roundedPath(points: readonly Point[]): string {
  const first = points[0]!;
  let d = `M${round(first[0])},${round(first[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const corner = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(
      CORNER_RADIUS,
      Math.hypot(corner[0] - prev[0], corner[1] - prev[1]) / 2,
      Math.hypot(next[0] - corner[0], next[1] - corner[1]) / 2,
    );
    const inX = corner[0] - Math.sign(corner[0] - prev[0]) * r;
    const inY = corner[1] - Math.sign(corner[1] - prev[1]) * r;
    const outX = corner[0] + Math.sign(next[0] - corner[0]) * r;
    const outY = corner[1] + Math.sign(next[1] - corner[1]) * r;
    d += ` L${round(inX)},${round(inY)} Q${round(corner[0])},${round(corner[1])} ${round(outX)},${round(outY)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${round(last[0])},${round(last[1])}`;
}

/** Room between routes that share a gap between cards. */
const TRACK = 10;

/** A straight piece of a route already drawn: `at` is its x (vertical) or y (horizontal). */
interface Track {
  at: number;
  from: number;
  to: number;
}

/**
 * The pieces of the orthogonal routes drawn so far, filed by where they run (4 px buckets), so
 * a new route asks only the pieces within 4 px of its own instead of every piece drawn.
 */
export class TakenTracks {
  private readonly vertical = new Map<number, Track[]>();
  private readonly horizontal = new Map<number, Track[]>();

  add(points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const [cx, cy] = points[i - 1]!;
      const [dx, dy] = points[i]!;
      if (Math.abs(cx - dx) < 0.01) file(this.vertical, { at: cx, from: Math.min(cy, dy), to: Math.max(cy, dy) });
      if (Math.abs(cy - dy) < 0.01) file(this.horizontal, { at: cy, from: Math.min(cx, dx), to: Math.max(cx, dx) });
    }
  }

  /** How long `points` runs on top of the tracks (collinear within a few pixels). */
  sharedLength(points: readonly Point[]): number {
    let shared = 0;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const vertical = Math.abs(ax - bx) < 0.01;
      const at = vertical ? ax : ay;
      const from = vertical ? Math.min(ay, by) : Math.min(ax, bx);
      const to = vertical ? Math.max(ay, by) : Math.max(ax, bx);
      const tracks = vertical ? this.vertical : this.horizontal;
      const bucket = Math.floor(at / 4);
      for (let k = bucket - 1; k <= bucket + 1; k++) {
        for (const t of tracks.get(k) ?? []) {
          if (Math.abs(t.at - at) < 4) shared += Math.max(0, Math.min(to, t.to) - Math.max(from, t.from));
        }
      }
    }
    return shared;
  }
}

function file(tracks: Map<number, Track[]>, track: Track): void {
  const key = Math.floor(track.at / 4);
  const list = tracks.get(key);
  if (list) list.push(track);
  else tracks.set(key, [track]);
}

/**
 * The cheapest orthogonal route from one end to the other: out of the source's side, along one
 * vertical or horizontal channel (between the ends, or just past a card in the way), into the
 * target's side. Crossing a card costs far more than any length, so a free channel always wins.
 */
export function getOrthogonalRoute(
  ends: LinkEnds,
  lane: number,
  obstacles: readonly Box[],
  own: readonly Box[],
  taken: TakenTracks = new TakenTracks(),
): LinkRoute {
  const offset = lane * 12;
  const [sdx, sdy] = SIDE_DIRECTION[ends.sourceSide];
  const [tdx, tdy] = SIDE_DIRECTION[ends.targetSide];
  // Parallel links leave a little apart along their side.
  const start: Point = [ends.sourceX + (sdx === 0 ? offset : 0), ends.sourceY + (sdy === 0 ? offset : 0)];
  const end: Point = [ends.targetX + (tdx === 0 ? offset : 0), ends.targetY + (tdy === 0 ? offset : 0)];
  const s1: Point = [start[0] + sdx * STUB, start[1] + sdy * STUB];
  const e1: Point = [end[0] + tdx * STUB, end[1] + tdy * STUB];
  const near = obstacles.filter(
    (b) =>
      b.x + b.width + CLEARANCE * 4 >= Math.min(s1[0], e1[0]) &&
      b.x - CLEARANCE * 4 <= Math.max(s1[0], e1[0]) &&
      b.y + b.height + CLEARANCE * 4 >= Math.min(s1[1], e1[1]) &&
      b.y - CLEARANCE * 4 <= Math.max(s1[1], e1[1]),
  );
  const nearGrid = new BoxGrid();
  for (const b of near) nearGrid.add(b);
  const xs = new Set<number>();
  const ys = new Set<number>();
  let best: { points: Point[]; cost: number; crossed: number } | null = null;
  const evaluate = (points: Point[]) => {
    // Its own cards count too, past the stubs: a route must not double back through them.
    const crossed = nearGrid.crossedBy(points).length + countBoxesCrossed(points.slice(1, -1), own);
    const cost = crossed * 1e6 + polylineLength(points) + (points.length - 2) * 24 + taken.sharedLength(points) * 3;
    if (!best || cost < best.cost) best = { points, cost, crossed };
  };
  const tryX = (x: number) => {
    if (xs.has(x)) return;
    xs.add(x);
    evaluate(simplify([start, s1, [x, s1[1]], [x, e1[1]], e1, end]));
  };
  const tryY = (y: number) => {
    if (ys.has(y)) return;
    ys.add(y);
    evaluate(simplify([start, s1, [s1[0], y], [e1[0], y], e1, end]));
  };
  const tryAround = (b: Box) => {
    // A few tracks per gap, so routes through the same gap can run side by side.
    for (const track of [0, TRACK, 2 * TRACK]) {
      tryX(b.x - CLEARANCE - track + offset);
      tryX(b.x + b.width + CLEARANCE + track + offset);
      tryY(b.y - CLEARANCE - track + offset);
      tryY(b.y + b.height + CLEARANCE + track + offset);
    }
  };
  tryX((s1[0] + e1[0]) / 2 + offset);
  tryY((s1[1] + e1[1]) / 2 + offset);
  tryX(s1[0]);
  tryX(e1[0]);
  tryY(s1[1]);
  tryY(e1[1]);
  for (const b of own) tryAround(b);
  // Channels past the cards the best route so far runs into, a few rounds: far cheaper than
  // trying a channel past every card near the link.
  const used = new Set<Box>(own);
  for (let round = 0; round < 6 && best!.crossed > 0; round++) {
    const blocking = nearGrid.crossedBy(best!.points, (b) => used.has(b));
    if (blocking.length === 0) break;
    for (const b of blocking) {
      used.add(b);
      tryAround(b);
    }
  }
  const points = best!.points;
  return { path: roundedPath(points), label: pointAlong(points, 0.5), points, shape: 'orthogonal' };
}

/**
 * Links joining the same two nodes (either way: a call and its reply event, two channels) would
 * draw one over the other with their labels stacked at one midpoint, so a click picked whichever
 * came last. Each gets a lane: 0 when alone, else spread around 0 (-0.5, 0.5 for two), and the
 * link bends its path and label out by its lane.
 */
export function getLinkLanes(links: readonly Pick<Link, 'from' | 'to'>[]): number[] {
  const groups = new Map<string, number[]>();
  links.forEach((link, i) => {
    const key = link.from < link.to ? `${link.from}\u0000${link.to}` : `${link.to}\u0000${link.from}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const lanes = new Array<number>(links.length).fill(0);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((index, k) => {
      const link = links[index]!;
      // A lane is measured from the lower id toward the higher, so A->B and B->A part ways.
      const sign = link.from < link.to ? 1 : -1;
      lanes[index] = sign * (k - (group.length - 1) / 2);
    });
  }
  return lanes;
}

/** The card of a node at `at`, as the canvas draws it. */
export function getCardBox(at: readonly [number, number]): Box {
  return { x: at[0], y: at[1], width: NODE_WIDTH, height: NODE_HEIGHT };
}

/** The default ends of a link between two cards: out of the source's right, into the target's left. */
export function getCardLinkEnds(source: Box, target: Box): LinkEnds {
  return pickLinkEnds(source.x + source.width, source.y + source.height / 2, target.x, target.y + target.height / 2);
}

export interface RouteOptions {
  /** Route around cards (default true). Off, every link is its curve, as before issue 10. */
  avoidCards?: boolean;
  /** Slide labels off other labels and cards (default true). */
  placeLabels?: boolean;
  /** Each link's label width, for label placement; 0 when it has no label. */
  labelWidths?: readonly number[];
  /** Route around cards only up to this many cards (default `AVOID_CARDS_UP_TO`). */
  maxCards?: number;
}

/**
 * Above this many cards links stay curves. With the card grid and the track index, the 199-card
 * generated design routes in ~85 ms and the 398-card one in ~240 ms (2 s and 6.4 s before, on
 * the same loaded machine; `bench/linkRoutes.ts`); routing runs once per design change.
 */
export const AVOID_CARDS_UP_TO = 200;

const LABEL_HEIGHT = 20;
const LABEL_SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function labelBox(at: Point, width: number): Box {
  return { x: at[0] - width / 2, y: at[1] - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
}

/**
 * Every link's route, in the order of `links` (`null` where an end has no card). Cards are given
 * by node id. Linear in links times cards; called once per design change, not per frame.
 */
export function routeLinks(
  cards: ReadonlyMap<string, Box>,
  links: readonly Pick<Link, 'from' | 'to'>[],
  options: RouteOptions = {},
): (LinkRoute | null)[] {
  const lanes = getLinkLanes(links);
  const avoid = (options.avoidCards ?? true) && cards.size <= (options.maxCards ?? AVOID_CARDS_UP_TO);
  const all = [...cards.values()];
  const grid = new BoxGrid();
  for (const box of all) grid.add(box);
  // Orthogonal routes drawn so far: the next one keeps off their tracks where it can.
  const taken = new TakenTracks();
  const routes = links.map((link, i): LinkRoute | null => {
    const source = cards.get(link.from);
    const target = cards.get(link.to);
    if (!source || !target) return null;
    const ends = getCardLinkEnds(source, target);
    const curve = getCurveRoute(ends, lanes[i] ?? 0);
    if (!avoid || link.from === link.to) return curve;
    const notEnds = (b: Box) => b !== source && b !== target;
    const skipEnds = (b: Box) => b === source || b === target;
    const curveCrossings = grid.crossedBy(curve.points, skipEnds).length;
    if (curveCrossings === 0) return curve;
    // The cards a detour looks at: those near its stubs (a lane moves them by 12 px a step).
    const reach = STUB + Math.abs(lanes[i] ?? 0) * 12 + CLEARANCE * 4 + 1;
    const near = grid
      .queryAround(
        [
          [ends.sourceX, ends.sourceY],
          [ends.targetX, ends.targetY],
        ],
        reach,
      )
      .filter(notEnds);
    const orthogonal = getOrthogonalRoute(ends, lanes[i] ?? 0, near, [source, target], taken);
    if (grid.crossedBy(orthogonal.points, skipEnds).length >= curveCrossings) return curve;
    taken.add(orthogonal.points);
    return orthogonal;
  });
  if (avoid && (options.placeLabels ?? true)) placeLabels(routes, options.labelWidths, grid);
  return routes;
}

/**
 * Labels slide along their own line to the first spot that covers no label placed before and no
 * card; where none is free they stay in the middle. Mutates the routes' `label`.
 */
function placeLabels(routes: (LinkRoute | null)[], widths: readonly number[] | undefined, cards: BoxGrid): void {
  const placed = new BoxGrid(128);
  routes.forEach((route, i) => {
    if (!route) return;
    const width = widths?.[i] ?? 0;
    if (width <= 0) return;
    // A curve's middle is its lane's label point; other spots come from its sampled line.
    const spots: Point[] = [route.label, ...LABEL_SPOTS.slice(1).map((f) => pointAlong(route.points, f))];
    // The first spot that covers nothing; else the one that covers least (a label over a label
    // hides a word, over a card only its corner).
    let chosen: Point = route.label;
    let least = Infinity;
    for (const spot of spots) {
      const box = labelBox(spot, width);
      const right = box.x + box.width;
      const bottom = box.y + box.height;
      const cost =
        placed.query(box.x, box.y, right, bottom).filter((p) => overlaps(p, box)).length * 2 +
        cards.query(box.x, box.y, right, bottom).filter((c) => overlaps(c, box)).length;
      if (cost < least) {
        least = cost;
        chosen = spot;
      }
      if (cost === 0) break;
    }
    route.label = [chosen[0], chosen[1]];
    placed.add(labelBox(chosen, width));
  });
}

export interface RouteFigures {
  /** Links whose line passes through a card other than its two ends' (each card counted). */
  cardCrossings: number;
  /** Pairs of labels that overlap. */
  labelOverlaps: number;
  /** Labels that cover a card. */
  labelsOnCards: number;
}

/** How a set of routes reads: the figures issue 10 asks to bring to zero. */
export function measureRoutes(
  cards: ReadonlyMap<string, Box>,
  links: readonly Pick<Link, 'from' | 'to'>[],
  routes: readonly (LinkRoute | null)[],
  labelWidths: readonly number[],
): RouteFigures {
  const all = [...cards.entries()];
  let cardCrossings = 0;
  let labelsOnCards = 0;
  const labels: Box[] = [];
  routes.forEach((route, i) => {
    const link = links[i];
    if (!route || !link) return;
    const others = all.filter(([id]) => id !== link.from && id !== link.to).map(([, b]) => b);
    cardCrossings += countBoxesCrossed(route.points, others);
    const width = labelWidths[i] ?? 0;
    if (width > 0) {
      const box = labelBox(route.label, width);
      if (all.some(([, c]) => overlaps(c, box))) labelsOnCards++;
      labels.push(box);
    }
  });
  let labelOverlaps = 0;
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i]!, labels[j]!)) labelOverlaps++;
  return { cardCrossings, labelOverlaps, labelsOnCards };
}
