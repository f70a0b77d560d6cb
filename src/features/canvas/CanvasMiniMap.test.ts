import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMiniMap, getViewBox } from './CanvasMiniMap';

describe('the canvas minimap geometry', () => {
  it('shows the part of the flow the screen shows', () => {
    expect(getViewBox([-500, -200, 2], 1000, 600)).toEqual({ x: 250, y: 100, width: 500, height: 300 });
  });

  it('fits any content inside the map, margin kept, centred on the spare axis, shape kept', () => {
    const box = fc.record({
      x: fc.integer({ min: -100_000, max: 100_000 }),
      y: fc.integer({ min: -100_000, max: 100_000 }),
      width: fc.integer({ min: 1, max: 200_000 }),
      height: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(box, fc.integer({ min: 40, max: 400 }), fc.integer({ min: 40, max: 400 }), (content, width, height) => {
        const { scale, offsetX, offsetY } = fitMiniMap(content, width, height);
        const left = content.x * scale + offsetX;
        const top = content.y * scale + offsetY;
        const right = (content.x + content.width) * scale + offsetX;
        const bottom = (content.y + content.height) * scale + offsetY;
        const eps = 1e-6 * Math.max(width, height);
        expect(left).toBeGreaterThanOrEqual(6 - eps);
        expect(top).toBeGreaterThanOrEqual(6 - eps);
        expect(right).toBeLessThanOrEqual(width - 6 + eps);
        expect(bottom).toBeLessThanOrEqual(height - 6 + eps);
        // One axis fills the map; the other is centred.
        const fillsWidth = Math.abs(right - left - (width - 12)) < 1e-3;
        const fillsHeight = Math.abs(bottom - top - (height - 12)) < 1e-3;
        expect(fillsWidth || fillsHeight).toBe(true);
        expect(Math.abs(left - 6 - (width - 6 - right))).toBeLessThan(1e-3 * width);
        expect(Math.abs(top - 6 - (height - 6 - bottom))).toBeLessThan(1e-3 * height);
      }),
    );
  });
});
