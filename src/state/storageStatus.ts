import { createStore } from 'zustand/vanilla';

/**
 * Whether the browser kept the latest changes. When storage is full or blocked the design stays
 * in memory (the store) and this says so until a save succeeds again: the app shows a persistent
 * warning with Save file and asks before the tab closes.
 */
export interface StorageStatus {
  /** Set while the latest change could not be stored: what to tell the user. */
  problem: string | null;
  /** When the first unsaved change was refused (ms), for "changes since 14:02". */
  since: number | null;
}

export const createStorageStatusStore = () => createStore<StorageStatus>()(() => ({ problem: null, since: null }));

export type StorageStatusStore = ReturnType<typeof createStorageStatusStore>;
