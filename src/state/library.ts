/**
 * The local design library: many designs kept in localStorage, so nothing is ever lost.
 * Each design is stored under its own key; an index lists them. Every write is guarded:
 * a full or blocked storage reports an error instead of throwing into the UI.
 */
import type { Design } from '../core/model/types';

export interface DesignEntry {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

interface LibraryIndex {
  designs: DesignEntry[];
  currentId: string | null;
}

const INDEX_KEY = 'signalbox:library';
const DESIGN_KEY = (id: string) => `signalbox:design:${id}`;
/** The YAML text a design was opened or typed as, kept for its comments (see writeDesignYamlOver). */
const SOURCE_KEY = (id: string) => `signalbox:source:${id}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function readIndex(): LibraryIndex {
  try {
    const raw = storage()?.getItem(INDEX_KEY);
    if (!raw) return { designs: [], currentId: null };
    const parsed = JSON.parse(raw) as Partial<LibraryIndex>;
    return { designs: Array.isArray(parsed.designs) ? parsed.designs : [], currentId: parsed.currentId ?? null };
  } catch {
    return { designs: [], currentId: null };
  }
}

function writeIndex(index: LibraryIndex): string | undefined {
  try {
    storage()?.setItem(INDEX_KEY, JSON.stringify(index));
    return undefined;
  } catch (error) {
    return `Could not save the design list: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function newDesignId(): string {
  const rand = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return rand.slice(0, 13);
}

/** The stored design text (JSON), or undefined. Validation is the caller's (readDesign). */
export function readDesignText(id: string): string | undefined {
  try {
    return storage()?.getItem(DESIGN_KEY(id)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Save a design under `id` and make it current; returns an error message if storage refused. */
export function saveDesign(id: string, design: Design): string | undefined {
  const now = Date.now();
  try {
    storage()?.setItem(DESIGN_KEY(id), JSON.stringify(design));
  } catch (error) {
    return `Could not autosave (browser storage is full or blocked): ${error instanceof Error ? error.message : String(error)}`;
  }
  const index = readIndex();
  const existing = index.designs.find((d) => d.id === id);
  const designs = existing
    ? index.designs.map((d) => (d.id === id ? { ...d, name: design.name, updatedAt: now } : d))
    : [...index.designs, { id, name: design.name, createdAt: now, updatedAt: now }];
  return writeIndex({ designs, currentId: id });
}

export function setCurrentDesign(id: string | null): void {
  writeIndex({ ...readIndex(), currentId: id });
}

export function deleteDesign(id: string): { entry?: DesignEntry; text?: string } {
  const index = readIndex();
  const entry = index.designs.find((d) => d.id === id);
  const text = readDesignText(id);
  try {
    storage()?.removeItem(DESIGN_KEY(id));
    storage()?.removeItem(SOURCE_KEY(id));
  } catch {
    // Nothing to do: the index no longer lists it either way.
  }
  writeIndex({ designs: index.designs.filter((d) => d.id !== id), currentId: index.currentId === id ? null : index.currentId });
  return { entry, text };
}

/** Put back what deleteDesign removed (undo of a delete). */
export function restoreDesign(entry: DesignEntry, text: string): void {
  try {
    storage()?.setItem(DESIGN_KEY(entry.id), text);
  } catch {
    return;
  }
  const index = readIndex();
  if (!index.designs.some((d) => d.id === entry.id)) writeIndex({ ...index, designs: [...index.designs, entry] });
}

export function readSourceText(id: string): string | null {
  try {
    return storage()?.getItem(SOURCE_KEY(id)) ?? null;
  } catch {
    return null;
  }
}

/** Keep (or forget, with null) the YAML text of a design; returns an error message if storage refused. */
export function saveSourceText(id: string, text: string | null): string | undefined {
  try {
    if (text === null) storage()?.removeItem(SOURCE_KEY(id));
    else storage()?.setItem(SOURCE_KEY(id), text);
    return undefined;
  } catch (error) {
    return `Could not keep the design's YAML text: ${error instanceof Error ? error.message : String(error)}`;
  }
}
