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

/** The storage key a design is kept under (autosave watches it for other tabs' writes). */
export function designKey(id: string): string {
  return DESIGN_KEY(id);
}
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
  return readIndexReport().index;
}

/**
 * The index, and what was wrong with it if it was damaged. Storage is the user's to break (an
 * extension, a devtools edit, a half-written quota error): a list that is not JSON, or not a list,
 * is rebuilt from the designs stored beside it, and entries that are not entries are left out,
 * so one bad byte never hides the designs that are still there.
 */
export function readIndexReport(): { index: LibraryIndex; problem?: string } {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(INDEX_KEY);
  } catch {
    return { index: { designs: [], currentId: null } };
  }
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.designs)) {
    const designs = findStoredDesigns();
    const problem =
      raw && designs.length > 0
        ? `The design list in browser storage was damaged; it was rebuilt from the ${designs.length} design${designs.length === 1 ? '' : 's'} found`
        : raw
          ? 'The design list in browser storage was damaged and listed no design that could be found'
          : undefined;
    return { index: { designs, currentId: null }, problem };
  }
  const seen = new Set<string>();
  const designs: DesignEntry[] = [];
  for (const item of parsed.designs as unknown[]) {
    const entry = toEntry(item);
    if (entry && !seen.has(entry.id)) {
      seen.add(entry.id);
      designs.push(entry);
    }
  }
  const dropped = parsed.designs.length - designs.length;
  // A design stored but not listed (a write of the list that failed, another tab's race) would
  // never appear: list it again, as a damaged list is rebuilt.
  const missing = findStoredDesigns((id) => !seen.has(id));
  for (const entry of missing) {
    seen.add(entry.id);
    designs.push(entry);
  }
  const currentId = typeof parsed.currentId === 'string' && seen.has(parsed.currentId) ? parsed.currentId : null;
  const problems = [
    dropped
      ? `${dropped} damaged entr${dropped === 1 ? 'y' : 'ies'} in the design list ${dropped === 1 ? 'was' : 'were'} left out`
      : '',
    missing.length
      ? `${missing.length} stored design${missing.length === 1 ? ' was' : 's were'} missing from the design list and ${missing.length === 1 ? 'is' : 'are'} listed again`
      : '',
  ].filter(Boolean);
  const problem = problems.length > 0 ? problems.join('; ') : undefined;
  return { index: { designs, currentId }, problem };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finiteOr0 = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A list entry as stored, or undefined when it is not one (names and times are repaired, not required). */
function toEntry(item: unknown): DesignEntry | undefined {
  if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') return undefined;
  return {
    id: item.id,
    name: typeof item.name === 'string' && item.name !== '' ? item.name : `Design ${item.id}`,
    createdAt: finiteOr0(item.createdAt),
    updatedAt: finiteOr0(item.updatedAt),
  };
}

/** Every `signalbox:design:<id>` key, as entries named from what they hold (for rebuilding the index). */
function findStoredDesigns(wanted: (id: string) => boolean = () => true): DesignEntry[] {
  const store = storage();
  if (!store) return [];
  const prefix = DESIGN_KEY('');
  const found: DesignEntry[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(prefix) || key === prefix) continue;
      const id = key.slice(prefix.length);
      // Only the designs asked for are parsed for their name: every save reads the index.
      if (!wanted(id)) continue;
      let name: unknown;
      try {
        name = (JSON.parse(store.getItem(key) ?? '') as { name?: unknown } | null)?.name;
      } catch {
        name = undefined;
      }
      found.push({ id, name: typeof name === 'string' && name !== '' ? name : `Design ${id}`, createdAt: 0, updatedAt: 0 });
    }
  } catch {
    return found;
  }
  return found;
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

/**
 * Save a design under a NEW id, never an existing one (a link, a file or a copy must not overwrite
 * anyone's own work), with the YAML text it came as, if any. It becomes the library's current design.
 */
export function saveNewDesign(design: Design, sourceText: string | null = null): { id: string; error?: string } {
  const id = newDesignId();
  const error = saveDesign(id, design) ?? (sourceText ? saveSourceText(id, sourceText) : undefined);
  return { id, error };
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
