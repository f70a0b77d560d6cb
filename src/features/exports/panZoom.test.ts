import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitView, zoomAt, ZOOM_LIMITS } from './panZoom';

describe('panZoom', () => {
  it('zoomAt keeps the point under the pointer still (any view, any factor within the limits)', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          k: fc.double({ min: 0.2, max: 4, noNaN: true }),
        }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (view, factor, px, py) => {
          const next = zoomAt(view, factor, px, py);
          // The content point under the pointer before and after.
          const before = { x: (px - view.x) / view.k, y: (py - view.y) / view.k };
          const after = { x: (px - next.x) / next.k, y: (py - next.y) / next.k };
          expect(after.x).toBeCloseTo(before.x, 6);
          expect(after.y).toBeCloseTo(before.y, 6);
          expect(next.k).toBeGreaterThanOrEqual(ZOOM_LIMITS.min);
          expect(next.k).toBeLessThanOrEqual(ZOOM_LIMITS.max);
        },
      ),
    );
  });

  it('zoom stops at its limits', () => {
    expect(zoomAt({ x: 0, y: 0, k: 7 }, 4, 0, 0).k).toBe(ZOOM_LIMITS.max);
    expect(zoomAt({ x: 0, y: 0, k: 0.2 }, 0.1, 0, 0).k).toBe(ZOOM_LIMITS.min);
  });

  it('fitView centres a wide drawing and never enlarges a small one', () => {
    const wide = fitView({ w: 2000, h: 500 }, { w: 416, h: 300 });
    expect(wide.k).toBeCloseTo(400 / 2000);
    expect(wide.x).toBeCloseTo(8);
    expect(wide.y).toBeCloseTo((300 - 500 * wide.k) / 2);
    expect(fitView({ w: 100, h: 50 }, { w: 400, h: 300 })).toEqual({ k: 1, x: 150, y: 125 });
  });
});
