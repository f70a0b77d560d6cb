import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Whether the last lint failed. Kept here, not in findingsStore, because only this panel reads
 * it: an empty list after a failure must not read as "this design follows every rule".
 */
export interface LintStatus {
  error: string | null;
}

export const lintStatusStore = createStore<LintStatus>()(() => ({ error: null }));

export function useLintStatus<T>(selector: (s: LintStatus) => T): T {
  return useStore(lintStatusStore, selector);
}
