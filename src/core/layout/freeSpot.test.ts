import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findFreeSpot, NODE_HEIGHT, NODE_WIDTH } from './layout';
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
