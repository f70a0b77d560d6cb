import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** What is being renamed on the canvas right now (double-click), if anything. */
export interface RenameState {
  target: { kind: 'node' | 'link'; id: string } | null;
}

export const renameStore = createStore<RenameState>()(() => ({ target: null }));

export function startRename(kind: 'node' | 'link', id: string): void {
  renameStore.setState({ target: { kind, id } });
}

export function endRename(): void {
  renameStore.setState({ target: null });
}

/** True for the one element being renamed: each card subscribes to a boolean, not the target. */
export function useIsRenaming(kind: 'node' | 'link', id: string): boolean {
  return useStore(renameStore, (s) => s.target?.kind === kind && s.target.id === id);
}
