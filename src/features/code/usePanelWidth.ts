import { useCallback, useState } from 'react';

const STORAGE_KEY = 'signalbox.codePanelWidth';
export const PANEL_WIDTH = { min: 280, max: 1200, initial: 480 } as const;

function clamp(width: number): number {
  const max = typeof window === 'undefined' ? PANEL_WIDTH.max : Math.min(PANEL_WIDTH.max, window.innerWidth - 320);
  return Math.round(Math.min(Math.max(width, PANEL_WIDTH.min), Math.max(PANEL_WIDTH.min, max)));
}

/** The code panel's width, remembered across sessions like VS Code's panel sizes. */
export function usePanelWidth(): [number, (width: number) => void] {
  const [width, setWidthState] = useState(() => {
    const saved = Number(localStorage.getItem(STORAGE_KEY));
    return clamp(Number.isFinite(saved) && saved > 0 ? saved : PANEL_WIDTH.initial);
  });
  const setWidth = useCallback((next: number) => {
    const w = clamp(next);
    setWidthState(w);
    localStorage.setItem(STORAGE_KEY, String(w));
  }, []);
  return [width, setWidth];
}
