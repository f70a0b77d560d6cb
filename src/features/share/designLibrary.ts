/**
 * The design list's actions over the local library (src/state/library.ts) and the design store.
 * Rules: the open design is saved before anything else opens (autosave debounces, so the last
 * quarter second of typing could otherwise be lost), and the library's "current" stays the open
 * design whatever entry an action writes.
 */
import { readDesign } from '../../core/format/read';
import { createEmptyDesign } from '../../core/model/edit';
import type { Design } from '../../core/model/types';
import { designStore } from '../../state/designStore';
import {
  deleteDesign,
  readDesignText,
  readIndex,
  restoreDesign,
  saveDesign,
  saveNewDesign,
  setCurrentDesign,
  type DesignEntry,
  readSourceText,
} from '../../state/library';
import { openNewDesign } from '../../state/openNewDesign';

/** What a delete removed, kept by the Undo toast. */
export interface DeletedDesign {
  entry: DesignEntry;
  text: string;
  wasOpen: boolean;
}

/** Most recently edited first. */
export function listDesigns(): DesignEntry[] {
  return readIndex().designs.toSorted((a, b) => b.updatedAt - a.updatedAt);
}

function readStored(id: string): Design | undefined {
  const text = readDesignText(id);
  return text ? readDesign(text, 'design.json').design : undefined;
}

/** Write the open design now if it differs from what is stored (an unchanged one keeps its time). */
function saveOpenDesign(): void {
  const { design, designId, setNotice } = designStore.getState();
  if (!designId || readDesignText(designId) === JSON.stringify(design)) return;
  const error = saveDesign(designId, design);
  if (error) setNotice(error);
}

/** Writing another entry must not make it the one the next visit opens. */
function keepOpenDesignCurrent(): void {
  setCurrentDesign(designStore.getState().designId);
}

export function openLibraryDesign(id: string): boolean {
  if (designStore.getState().designId === id) return true;
  const design = readStored(id);
  if (!design) {
    designStore.getState().setNotice('That design could not be read from browser storage');
    return false;
  }
  saveOpenDesign();
  designStore.getState().openDesign(design, id, readSourceText(id));
  setCurrentDesign(id);
  return true;
}

export function createLibraryDesign(): void {
  saveOpenDesign();
  openNewDesign(createEmptyDesign());
}

/** Rename in place; the open design is renamed through the store (one undo step, autosaved). */
export function renameLibraryDesign(id: string, name: string): void {
  const trimmed = name.trim();
  if (trimmed === '') return;
  const { design, designId, replaceDesign } = designStore.getState();
  if (designId === id) {
    if (design.name !== trimmed) replaceDesign({ ...design, name: trimmed }, 'design-name');
    return;
  }
  const stored = readStored(id);
  if (!stored || stored.name === trimmed) return;
  const error = saveDesign(id, { ...stored, name: trimmed });
  keepOpenDesignCurrent();
  if (error) designStore.getState().setNotice(error);
}

/** A copy next to the original ("… (copy)"); the open design stays open. Returns the copy's id. */
export function duplicateLibraryDesign(id: string): string | undefined {
  const { design, designId } = designStore.getState();
  const source = designId === id ? design : readStored(id);
  if (!source) return undefined;
  const { id: copyId, error } = saveNewDesign({ ...source, name: `${source.name} (copy)` });
  keepOpenDesignCurrent();
  if (error) designStore.getState().setNotice(error);
  return copyId;
}

/**
 * Delete, keeping what is needed to undo. Deleting the open design opens the most recent other
 * one (or a new empty design when it was the last), so the canvas never shows a deleted design.
 */
export function deleteLibraryDesign(id: string): DeletedDesign | undefined {
  const wasOpen = designStore.getState().designId === id;
  if (wasOpen) saveOpenDesign();
  const { entry, text } = deleteDesign(id);
  if (!entry || text === undefined) return undefined;
  if (wasOpen) {
    const next = listDesigns().find((d) => readStored(d.id));
    if (next) {
      designStore.getState().openDesign(readStored(next.id)!, next.id, readSourceText(next.id));
      setCurrentDesign(next.id);
    } else {
      openNewDesign(createEmptyDesign());
    }
  }
  return { entry, text, wasOpen };
}

export function undoDeleteLibraryDesign(deleted: DeletedDesign): void {
  restoreDesign(deleted.entry, deleted.text);
  if (deleted.wasOpen) openLibraryDesign(deleted.entry.id);
}
