import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Files someone asked to import (the Import button, a drop on the canvas). The canvas and the
 * top bar only ask; the import preview (features/import) answers, so neither imports the other.
 */
export interface ImportRequestState {
  files: readonly File[] | null;
}

export const importRequestStore = createStore<ImportRequestState>()(() => ({ files: null }));

export function requestImport(files: readonly File[]): void {
  if (files.length > 0) importRequestStore.setState({ files: [...files] });
}

export function useImportRequest<T>(selector: (s: ImportRequestState) => T): T {
  return useStore(importRequestStore, selector);
}
