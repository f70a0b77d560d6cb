/**
 * Undo history of design snapshots. Designs are immutable with structural sharing, so a snapshot
 * costs only what changed. Edits that share a coalesce key within a short window merge into one
 * step: typing "2000" in a timeout field is one undo, not four.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastKey?: string;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1200;

export function createHistory<T>(): History<T> {
  return { past: [], future: [], lastAt: 0 };
}

/** Record that `previous` was replaced; returns the new history. */
export function record<T>(history: History<T>, previous: T, key: string | undefined, now: number): History<T> {
  if (key !== undefined && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = [...history.past, previous];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } | undefined {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return undefined;
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future], lastAt: 0 },
    present: previous,
  };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } | undefined {
  const next = history.future[0];
  if (next === undefined) return undefined;
  return {
    history: { past: [...history.past, present], future: history.future.slice(1), lastAt: 0 },
    present: next,
  };
}
