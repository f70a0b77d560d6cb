import type { Rect, Viewport } from '@xyflow/react';

/**
 * Room the view bar takes at the top right of the canvas (views.css: 10 px from the top, one
 * 32 px row, and a gap), and in view mode below its banner.
 */
export const VIEW_BAR_ROOM = 56;
export const VIEW_BAR_ROOM_READONLY = 112;

/**
 * After a fit: a design that opens at the zoom floor is centred, and its top row can land under
 * the view bar (at 1024x700 the food delivery template did). Move the view down so the top row
 * clears the bar, unless that would push more than a quarter of the canvas out at the bottom (a
 * design far too big for the window keeps its centred view; the fit button shows all of it).
 */
export function keepTopClear(viewport: Viewport, bounds: Rect, room: number, canvasHeight: number): Viewport | null {
  const top = bounds.y * viewport.zoom + viewport.y;
  const shift = room - top;
  if (shift <= 0 || shift > canvasHeight / 4) return null;
  return { ...viewport, y: viewport.y + shift };
}
