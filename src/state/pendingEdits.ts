/**
 * Edits a view holds back before they reach the design (the code view parses typing after a
 * pause). Autosave flushes them when the page is hidden or closed, before it saves: a reload
 * within the pause once lost the typing (issue 11).
 */
export interface PendingEdits {
  /** Register a view's flush; returns the unregister function. */
  register: (flush: () => void) => () => void;
  /** Push every held-back edit into the design now. */
  flush: () => void;
}

export function createPendingEdits(): PendingEdits {
  const flushers = new Set<() => void>();
  return {
    register: (flush) => {
      flushers.add(flush);
      return () => flushers.delete(flush);
    },
    flush: () => {
      for (const flush of flushers) flush();
    },
  };
}
