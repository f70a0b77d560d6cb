import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Issue } from '../core/model/types';

/** The shell's transient UI: a file that could not be opened, and why. */
export interface ShellState {
  fileError: { fileName: string; issues: Issue[] } | null;
}

export const shellStore = createStore<ShellState>()(() => ({ fileError: null }));

export function useShellStore<T>(selector: (s: ShellState) => T): T {
  return useStore(shellStore, selector);
}
