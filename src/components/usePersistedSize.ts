import { useCallback, useState } from 'react';

/**
 * A panel size the user chose, remembered across sessions like VS Code's panel sizes. Clamped on
 * the way in and out: a size saved on a wide screen must not push the canvas off a small one.
 */
export function usePersistedSize(
  storageKey: string,
  initial: number,
  getBounds: () => { min: number; max: number },
): [number, (size: number) => void] {
  const clamp = useCallback(
    (size: number) => {
      const { min, max } = getBounds();
      return Math.round(Math.min(Math.max(size, min), Math.max(min, max)));
    },
    [getBounds],
  );
  const [size, setSizeState] = useState(() => {
    const saved = Number(localStorage.getItem(storageKey));
    return clamp(Number.isFinite(saved) && saved > 0 ? saved : initial);
  });
  const setSize = useCallback(
    (next: number) => {
      const s = clamp(next);
      setSizeState(s);
      localStorage.setItem(storageKey, String(s));
    },
    [clamp, storageKey],
  );
  return [size, setSize];
}
