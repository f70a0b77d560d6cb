/**
 * Named versions of a design, kept in the local library beside it: one key per design
 * (`signalbox:versions:<id>`), apart from the design and its index so the library's own writes
 * never touch them. Every write is guarded: a full or blocked storage returns an error message.
 */
import type { Design } from '../core/model/types';
import { readDesign } from '../core/format/read';

/** Why a version was kept: saved by the user, or kept when the design came in from outside. */
export const VERSION_ORIGINS = ['saved', 'file', 'link', 'import'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

export interface DesignVersion {
  id: string;
  name: string;
  savedAt: number;
  origin: VersionOrigin;
  design: Design;
}

const VERSIONS_KEY = (designId: string) => `signalbox:versions:${designId}`;
/** Versions kept automatically beyond this many drop the oldest automatic one; saved ones stay. */
export const AUTOMATIC_VERSIONS_KEPT = 10;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The versions of a design, newest first. A damaged entry is skipped, never fatal. */
export function listVersions(designId: string): DesignVersion[] {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(VERSIONS_KEY(designId));
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const versions: DesignVersion[] = [];
  for (const item of parsed as unknown[]) {
    const version = toVersion(item);
    if (version) versions.push(version);
  }
  return versions.sort((a, b) => b.savedAt - a.savedAt);
}

function toVersion(item: unknown): DesignVersion | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const v = item as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.name !== 'string') return undefined;
  // Stored data is the user's to break: a version's design is validated like any file.
  const design = readDesign(JSON.stringify(v.design ?? null), 'version.json').design;
  if (!design) return undefined;
  const origin = VERSION_ORIGINS.includes(v.origin as VersionOrigin) ? (v.origin as VersionOrigin) : 'saved';
  return { id: v.id, name: v.name, savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0, origin, design };
}

function writeVersions(designId: string, versions: DesignVersion[]): string | undefined {
  try {
    storage()?.setItem(VERSIONS_KEY(designId), JSON.stringify(versions));
    return undefined;
  } catch (error) {
    return `Could not keep the version (browser storage is full or blocked): ${error instanceof Error ? error.message : String(error)}`;
  }
}

function newVersionId(): string {
  return (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`).slice(0, 12);
}

/** Keep the design as it is now under a name; returns the version, or the storage error. */
export function saveVersion(
  designId: string,
  design: Design,
  name: string,
  origin: VersionOrigin = 'saved',
  now: number = Date.now(),
): { version?: DesignVersion; error?: string } {
  const version: DesignVersion = { id: newVersionId(), name: name.trim() || 'Untitled version', savedAt: now, origin, design };
  let versions = [version, ...listVersions(designId)];
  const automatic = versions.filter((v) => v.origin !== 'saved');
  if (automatic.length > AUTOMATIC_VERSIONS_KEPT) {
    const drop = new Set(automatic.slice(AUTOMATIC_VERSIONS_KEPT).map((v) => v.id));
    versions = versions.filter((v) => !drop.has(v.id));
  }
  const error = writeVersions(designId, versions);
  return error ? { error } : { version };
}

const ORIGIN_NAMES: Record<Exclude<VersionOrigin, 'saved'>, string> = {
  file: 'Opened from a file',
  link: 'Opened from a link',
  import: 'Imported',
};

/**
 * Keep the design as it came in (a file, a share link, an import) as a version of its library
 * entry, so Compare shows what was changed since. The import feature calls this too.
 */
export function keepIncomingVersion(
  designId: string,
  design: Design,
  origin: Exclude<VersionOrigin, 'saved'>,
  detail?: string,
): string | undefined {
  return saveVersion(designId, design, detail ? `${ORIGIN_NAMES[origin]}: ${detail}` : ORIGIN_NAMES[origin], origin).error;
}

export function deleteVersion(designId: string, versionId: string): string | undefined {
  return writeVersions(
    designId,
    listVersions(designId).filter((v) => v.id !== versionId),
  );
}

/**
 * Bytes (UTF-16, as browsers count the quota) the versions of each design take, and the whole
 * `signalbox:` storage, so storage warnings count versions with the designs they belong to.
 */
export function measureStorage(): { total: number; versions: number } {
  const store = storage();
  let total = 0;
  let versions = 0;
  if (!store) return { total, versions };
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith('signalbox:')) continue;
      const size = (key.length + (store.getItem(key)?.length ?? 0)) * 2;
      total += size;
      if (key.startsWith(VERSIONS_KEY(''))) versions += size;
    }
  } catch {
    return { total, versions };
  }
  return { total, versions };
}
