/**
 * Edits a view holds back before they reach the design (the code view parses typing after a
 * pause). Autosave flushes them when the page is hidden or closed, before it saves: a reload
 * within the pause once lost the typing (issue 11).
 */
const flushers = new Set<() => void>();

/** Register a view's flush; returns the unregister function. */
export function registerPendingEdits(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Push every held-back edit into the design now. */
export function flushPendingEdits(): void {
  for (const flush of flushers) flush();
}
