import { createStore } from 'zustand/vanilla';
import type { Issue } from '../core/model/types';

/** The shell's transient UI: a file that could not be opened, and why. */
export interface ShellState {
  fileError: { fileName: string; issues: Issue[] } | null;
}

export const createShellStore = () => createStore<ShellState>()(() => ({ fileError: null }));

export type ShellStore = ReturnType<typeof createShellStore>;
