import { createStore } from 'zustand/vanilla';

/**
 * Files someone asked to import (the Import button, a drop on the canvas). The canvas and the
 * top bar only ask; the import preview (features/import) answers, so neither imports the other.
 */
export interface ImportRequestState {
  files: readonly File[] | null;
}

export const createImportRequestStore = () => createStore<ImportRequestState>()(() => ({ files: null }));

export type ImportRequestStore = ReturnType<typeof createImportRequestStore>;
