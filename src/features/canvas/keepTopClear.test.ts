import { describe, expect, it } from 'vitest';
import { keepTopClear } from './keepTopClear';

describe('keepTopClear', () => {
  const bounds = { x: 0, y: 0, width: 1200, height: 1000 };
  it('moves a top row that sits under the bar down below it', () => {
    // Zoom 0.55, content top 20 px below the canvas top: 36 px short of the 56 px the bar needs.
    expect(keepTopClear({ x: 10, y: 20, zoom: 0.55 }, bounds, 56, 640)).toEqual({ x: 10, y: 56, zoom: 0.55 });
  });
  it('leaves a view whose top row is already clear', () => {
    expect(keepTopClear({ x: 0, y: 80, zoom: 1 }, bounds, 56, 640)).toBeNull();
  });
  it('keeps the centred view of a design far too big for the window', () => {
    expect(keepTopClear({ x: 0, y: -900, zoom: 0.55 }, bounds, 56, 640)).toBeNull();
  });
});
