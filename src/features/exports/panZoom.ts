/** A 2D view on a drawing: screen = content * k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

export const ZOOM_LIMITS = { min: 0.1, max: 8 } as const;

const clampScale = (k: number) => Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, k));

/** Zoom by `factor` keeping the content point under (px, py) where it is on screen. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = clampScale(view.k * factor);
  const ratio = k / view.k;
  return { k, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

/** The whole drawing centred in the viewport with a small margin, never enlarged past 1:1. */
export function fitView(content: { w: number; h: number }, viewport: { w: number; h: number }, margin = 8): View {
  const k = clampScale(Math.min(1, (viewport.w - 2 * margin) / content.w, (viewport.h - 2 * margin) / content.h));
  return { k, x: (viewport.w - content.w * k) / 2, y: (viewport.h - content.h * k) / 2 };
}
