/**
 * What the editor needs of a design repository (implemented over browser storage in
 * features/library, injected into createSignalbox): the editor never touches storage itself.
 */
import type { Design } from '../core/model/types';

export interface DesignEntry {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface LibraryIndex {
  designs: DesignEntry[];
  currentId: string | null;
}

/** Everything a delete removed, so that Undo brings all of it back (the YAML's comments, the versions). */
export interface DeletedDesign {
  entry: DesignEntry;
  /** The stored design (JSON). */
  text: string;
  /** The YAML text it was opened or typed as, with its comments; null when it had none. */
  sourceText: string | null;
  /** The versions kept of it, as stored; null when none. */
  versionsText: string | null;
}

export interface DesignRepository {
  /** The storage key a design is kept under (autosave watches it for other tabs' writes). */
  keyOf: (id: string) => string;
  /** The index, and what was wrong with it if it was damaged (rebuilt, never lost). */
  readIndexReport: () => { index: LibraryIndex; problem?: string };
  /** Most recently edited first. */
  list: () => DesignEntry[];
  currentId: () => string | null;
  /** A stored design that reads, with its YAML text; undefined when missing or unreadable. */
  get: (id: string) => { design: Design; sourceText: string | null } | undefined;
  /** The stored text (JSON), unvalidated. */
  getText: (id: string) => string | undefined;
  /** Save under `id` and make it current; answers an error message if storage refused. */
  put: (id: string, design: Design) => string | undefined;
  /**
   * Save under a NEW id (never an existing one), with its YAML text; it becomes current. `id`, when
   * given, is one `newId` made (the editor opens a design under it and writes it a moment later).
   */
  create: (design: Design, sourceText?: string | null, id?: string) => { id: string; error?: string };
  /** A new id, not yet used by any design. */
  newId: () => string;
  /** Keep (or forget, with null) the YAML text of a design. */
  putSourceText: (id: string, text: string | null) => string | undefined;
  setCurrent: (id: string | null) => void;
  remove: (id: string) => DeletedDesign | undefined;
  restore: (deleted: DeletedDesign) => string | undefined;
}
