/**
 * The design repository: many designs kept in a browser storage (localStorage in the app, a Map in
 * tests), so nothing is ever lost. Each design is stored under its own key, with the YAML text it
 * was opened or typed as (its comments) under another; an index lists them. Every write is
 * guarded: a full or blocked storage answers an error instead of throwing into the UI.
 */
import { readDesign } from '../../core/format/read';
import type { Design } from '../../core/model/types';
import type { DeletedDesign, DesignEntry, DesignRepository, LibraryIndex } from '../../state/repository';

const INDEX_KEY = 'signalbox:library';
const DESIGN_KEY = (id: string) => `signalbox:design:${id}`;
const SOURCE_KEY = (id: string) => `signalbox:source:${id}`;
/** The versions kept of a design (src/state/versions.ts): deleted and restored with it. */
const VERSIONS_KEY = (id: string) => `signalbox:versions:${id}`;

export function newDesignId(): string {
  const rand = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return rand.slice(0, 13);
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

/**
 * A repository over `storage` (the app passes localStorage; undefined keeps nothing, as a browser
 * with storage switched off). `now` stamps the list's edited times.
 */
export function createDesignRepository(injected: Storage | null | undefined, now: () => number = Date.now): DesignRepository {
  const storage = (): Storage | undefined => injected ?? undefined;

  function readIndex(): LibraryIndex {
    return readIndexReport().index;
  }

  /**
   * The index, and what was wrong with it if it was damaged. Storage is the user's to break (an
   * extension, a devtools edit, a half-written quota error): a list that is not JSON, or not a list,
   * is rebuilt from the designs stored beside it, and entries that are not entries are left out,
   * so one bad byte never hides the designs that are still there.
   */
  function readIndexReport(): { index: LibraryIndex; problem?: string } {
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

  /**
   * Save a design under a NEW id, never an existing one (a link, a file or a copy must not overwrite
   * anyone's own work), with the YAML text it came as, if any. It becomes the library's current design.
   */
  function saveNewDesign(design: Design, sourceText: string | null = null, id = newDesignId()): { id: string; error?: string } {
    const error = saveDesign(id, design) ?? (sourceText ? saveSourceText(id, sourceText) : undefined);
    return { id, error };
  }

  /** The stored design text (JSON), or undefined. Validation is the caller's (readDesign). */
  function readDesignText(id: string): string | undefined {
    try {
      return storage()?.getItem(DESIGN_KEY(id)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Save a design under `id` and make it current; returns an error message if storage refused. */
  function saveDesign(id: string, design: Design): string | undefined {
    const at = now();
    try {
      storage()?.setItem(DESIGN_KEY(id), JSON.stringify(design));
    } catch (error) {
      return `Could not autosave (browser storage is full or blocked): ${error instanceof Error ? error.message : String(error)}`;
    }
    const index = readIndex();
    const existing = index.designs.find((d) => d.id === id);
    const designs = existing
      ? index.designs.map((d) => (d.id === id ? { ...d, name: design.name, updatedAt: at } : d))
      : [...index.designs, { id, name: design.name, createdAt: at, updatedAt: at }];
    return writeIndex({ designs, currentId: id });
  }

  function setCurrentDesign(id: string | null): void {
    writeIndex({ ...readIndex(), currentId: id });
  }

  function readSourceText(id: string): string | null {
    try {
      return storage()?.getItem(SOURCE_KEY(id)) ?? null;
    } catch {
      return null;
    }
  }

  /** Keep (or forget, with null) the YAML text of a design; returns an error message if storage refused. */
  function saveSourceText(id: string, text: string | null): string | undefined {
    try {
      if (text === null) storage()?.removeItem(SOURCE_KEY(id));
      else storage()?.setItem(SOURCE_KEY(id), text);
      return undefined;
    } catch (error) {
      return `Could not keep the design's YAML text: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  function read(id: string): { design: Design; sourceText: string | null } | undefined {
    const text = readDesignText(id);
    if (!text) return undefined;
    // A stored design that does not read is skipped here, never deleted.
    const design = readDesign(text, 'design.json').design;
    return design ? { design, sourceText: readSourceText(id) } : undefined;
  }

  function remove(id: string): DeletedDesign | undefined {
    const index = readIndex();
    const entry = index.designs.find((d) => d.id === id);
    const text = readDesignText(id);
    if (!entry || text === undefined) return undefined;
    const sourceText = readSourceText(id);
    let versionsText: string | null = null;
    try {
      versionsText = storage()?.getItem(VERSIONS_KEY(id)) ?? null;
      storage()?.removeItem(DESIGN_KEY(id));
      storage()?.removeItem(SOURCE_KEY(id));
      storage()?.removeItem(VERSIONS_KEY(id));
    } catch {
      // Nothing to do: the index no longer lists it either way.
    }
    writeIndex({ designs: index.designs.filter((d) => d.id !== id), currentId: index.currentId === id ? null : index.currentId });
    return { entry, text, sourceText, versionsText };
  }

  /** Put back what remove took: the design, its YAML text with its comments, its versions. */
  function restore(deleted: DeletedDesign): string | undefined {
    const { entry } = deleted;
    // The list is read before the design is back: read after, it would count it as a lost design
    // and list it without its times.
    const index = readIndex();
    try {
      storage()?.setItem(DESIGN_KEY(entry.id), deleted.text);
      if (deleted.sourceText !== null) storage()?.setItem(SOURCE_KEY(entry.id), deleted.sourceText);
      if (deleted.versionsText !== null) storage()?.setItem(VERSIONS_KEY(entry.id), deleted.versionsText);
    } catch (error) {
      return `Could not restore "${entry.name}": ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!index.designs.some((d) => d.id === entry.id)) return writeIndex({ ...index, designs: [...index.designs, entry] });
    return undefined;
  }

  return {
    keyOf: DESIGN_KEY,
    readIndexReport,
    list: () => readIndex().designs.toSorted((a, b) => b.updatedAt - a.updatedAt),
    currentId: () => readIndex().currentId,
    get: read,
    getText: readDesignText,
    put: saveDesign,
    create: saveNewDesign,
    newId: newDesignId,
    putSourceText: saveSourceText,
    setCurrent: setCurrentDesign,
    remove,
    restore,
  };
}
