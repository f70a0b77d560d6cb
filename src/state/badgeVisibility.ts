import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Whether finding badges are drawn: on the canvas, in its PNG/SVG pictures and in a view link.
 * In state/ (not features/canvas) because the canvas, the Export tab and Share all read it.
 */
export const badgeStore = createStore<{ hidden: boolean }>()(() => ({ hidden: false }));

export function useBadgesHidden(): boolean {
  return useStore(badgeStore, (s) => s.hidden);
}
