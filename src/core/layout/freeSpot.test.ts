import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findFreeSpot, getFreeRowTop, NODE_HEIGHT, NODE_WIDTH, placeUnplacedNodes } from './layout';
import type { Design } from '../model/types';

const designWith = (points: [number, number][]): Design => ({
  signalbox: 1,
  name: 'T',
  nodes: Object.fromEntries(points.map((at, i) => [`n${i}`, { kind: 'service' as const, name: `N${i}`, at }])),
  links: [],
});

const overlapsCard = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.abs(a[0] - b[0]) < NODE_WIDTH && Math.abs(a[1] - b[1]) < NODE_HEIGHT;

describe('findFreeSpot', () => {
  it('keeps the asked spot when it is free, and moves off a card that is there', () => {
    expect(findFreeSpot(designWith([[0, 0]]), [400, 0])).toEqual([400, 0]);
    const moved = findFreeSpot(designWith([[0, 0]]), [30, 10]);
    expect(overlapsCard(moved, [0, 0])).toBe(false);
    // Near: one step away, not across the canvas.
    expect(Math.hypot(moved[0] - 30, moved[1] - 10)).toBeLessThan(NODE_WIDTH + 40);
  });

  it('never returns a spot on top of a card (property)', () => {
    const point = fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }));
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), point, (points, at) => {
        const spot = findFreeSpot(designWith(points), at);
        for (const p of points) expect(overlapsCard(spot, p)).toBe(false);
      }),
    );
  });
});

describe('placeUnplacedNodes', () => {
  const base: Design = {
    signalbox: 1,
    name: 'x',
    nodes: { a: { kind: 'service', name: 'A', at: [100, 100] }, b: { kind: 'service', name: 'B', at: [360, 100] } },
    links: [],
  };

  it('places nothing when every node has a position', () => {
    expect(placeUnplacedNodes(base)).toEqual({});
  });

  it('places a linked node to the right of its caller, clear of other nodes', () => {
    const design: Design = {
      ...base,
      nodes: { ...base.nodes, c: { kind: 'database', name: 'C' } },
      links: [{ from: 'a', to: 'c', kind: 'sync' }],
    };
    const at = placeUnplacedNodes(design).c!;
    expect(at[0]).toBeGreaterThan(100);
    // b sits where "right of a" is: c goes elsewhere.
    expect(overlapsCard(at, [360, 100])).toBe(false);
  });

  it('places a caller to the left of the node it calls, and chains of new nodes, in any order', () => {
    const design: Design = {
      ...base,
      // d comes first but only links to c, which is placed after it: the rounds still chain them.
      nodes: { d: { kind: 'client', name: 'D' }, ...base.nodes, c: { kind: 'client', name: 'C' } },
      links: [
        { from: 'd', to: 'c', kind: 'sync' },
        { from: 'c', to: 'a', kind: 'sync' },
      ],
    };
    const placed = placeUnplacedNodes(design);
    expect(placed.c![0]).toBeLessThan(100);
    expect(placed.d![0]).toBeLessThan(placed.c![0]);
  });

  it('puts unlinked nodes near the middle without overlap, and keeps a previous position', () => {
    const design: Design = {
      ...base,
      nodes: { ...base.nodes, e: { kind: 'service', name: 'E' }, f: { kind: 'service', name: 'F' } },
    };
    const placed = placeUnplacedNodes(design);
    const cards: [number, number][] = [[100, 100], [360, 100], placed.e!, placed.f!];
    cards.forEach((p, i) => cards.slice(i + 1).forEach((q) => expect(overlapsCard(p, q)).toBe(false)));
    // Near the middle of a and b (230, 100): a card or two away, not across the canvas.
    expect(Math.hypot(placed.e![0] - 230, placed.e![1] - 100)).toBeLessThan(3 * NODE_WIDTH);
    const previous: Design = { ...base, nodes: { ...base.nodes, e: { kind: 'service', name: 'E', at: [7, 8] } } };
    expect(placeUnplacedNodes(design, previous).e).toEqual([7, 8]);
  });

  it('never puts a node on an existing card or on another placed node (property)', () => {
    const point = fc.tuple(fc.integer({ min: -800, max: 800 }), fc.integer({ min: -800, max: 800 }));
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 25 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 20 }),
        (points, extra, pairs) => {
          const placed = designWith(points);
          const ids = [...Object.keys(placed.nodes), ...Array.from({ length: extra }, (_, i) => `new${i}`)];
          const design: Design = {
            ...placed,
            nodes: {
              ...placed.nodes,
              ...Object.fromEntries(ids.slice(points.length).map((id) => [id, { kind: 'service', name: id }])),
            },
            links: pairs
              .filter(([f, t]) => f < ids.length && t < ids.length)
              .map(([f, t]) => ({ from: ids[f]!, to: ids[t]!, kind: 'sync' as const })),
          };
          const positions = placeUnplacedNodes(design);
          expect(Object.keys(positions).sort()).toEqual(ids.slice(points.length).sort());
          const fresh = Object.values(positions);
          fresh.forEach((p, i) => {
            for (const q of points) expect(overlapsCard(p, q)).toBe(false);
            for (const q of fresh.slice(i + 1)) expect(overlapsCard(p, q)).toBe(false);
          });
        },
      ),
    );
  });
});

describe('getFreeRowTop', () => {
  it('is below the lowest card, so a block laid out from there overlaps none', () => {
    expect(getFreeRowTop(designWith([]))).toBe(0);
    const top = getFreeRowTop(
      designWith([
        [0, 0],
        [500, 300],
        [-40, -900],
      ]),
    );
    expect(top).toBeGreaterThanOrEqual(300 + NODE_HEIGHT);
  });
});
