import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '../core/model/types';
import {
  AUTOMATIC_VERSIONS_KEPT,
  deleteVersion,
  keepIncomingVersion,
  listVersions,
  measureStorage,
  saveVersion,
} from './versions';

/** localStorage as the browser has it, for Node; `full` makes every write throw as a full quota does. */
function memoryStorage(): Storage & { full: boolean } {
  const items = new Map<string, string>();
  const store = {
    full: false,
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (store.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, String(v));
    },
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
  return store;
}

const design = (name: string): Design => ({ signalbox: 1, name, nodes: { a: { kind: 'service', name: 'A' } }, links: [] });
let storage: ReturnType<typeof memoryStorage>;

beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('versions in the local library', () => {
  it('keeps named versions per design, newest first, under their own key', () => {
    saveVersion('d1', design('v1'), 'First', 'saved', 1000);
    saveVersion('d1', design('v2'), '  Second  ', 'saved', 2000);
    saveVersion('d2', design('other'), 'Elsewhere', 'saved', 3000);
    expect(listVersions('d1').map((v) => [v.name, v.design.name])).toEqual([
      ['Second', 'v2'],
      ['First', 'v1'],
    ]);
    expect(listVersions('d2')).toHaveLength(1);
    expect(storage.getItem('signalbox:versions:d1')).not.toBeNull();
    // The library's own keys are untouched.
    expect(storage.getItem('signalbox:library')).toBeNull();
  });

  it('keeps a version for a design opened from a file, a link or an import, named by where it came from', () => {
    expect(keepIncomingVersion('d1', design('x'), 'file', 'shop.signalbox.yaml')).toBeUndefined();
    keepIncomingVersion('d1', design('x'), 'import');
    expect(listVersions('d1').map((v) => [v.name, v.origin])).toEqual(
      expect.arrayContaining([
        ['Opened from a file: shop.signalbox.yaml', 'file'],
        ['Imported', 'import'],
      ]),
    );
  });

  it('drops the oldest automatic versions beyond the limit, never a saved one', () => {
    saveVersion('d1', design('mine'), 'Mine', 'saved', 1);
    for (let i = 0; i < AUTOMATIC_VERSIONS_KEPT + 3; i++) saveVersion('d1', design(`auto ${i}`), `auto ${i}`, 'link', 10 + i);
    const versions = listVersions('d1');
    expect(versions.filter((v) => v.origin === 'link')).toHaveLength(AUTOMATIC_VERSIONS_KEPT);
    expect(versions.map((v) => v.name)).toContain('Mine');
    expect(versions.map((v) => v.name)).not.toContain('auto 0');
  });

  it('a full storage returns a clear error and keeps the versions already there', () => {
    saveVersion('d1', design('v1'), 'First');
    storage.full = true;
    const { version, error } = saveVersion('d1', design('v2'), 'Second');
    expect(version).toBeUndefined();
    expect(error).toMatch(/^Could not keep the version \(browser storage is full or blocked\)/);
    expect(listVersions('d1').map((v) => v.name)).toEqual(['First']);
  });

  it('skips damaged entries and damaged lists instead of failing', () => {
    storage.setItem(
      'signalbox:versions:d1',
      JSON.stringify([
        { id: 'ok', name: 'Good', savedAt: 5, origin: 'saved', design: design('g') },
        { id: 'bad', name: 'Bad', design: { nodes: 3 } },
        42,
      ]),
    );
    expect(listVersions('d1').map((v) => v.name)).toEqual(['Good']);
    storage.setItem('signalbox:versions:d2', '{not json');
    expect(listVersions('d2')).toEqual([]);
  });

  it('deletes one version', () => {
    const { version } = saveVersion('d1', design('v1'), 'First');
    saveVersion('d1', design('v2'), 'Second');
    deleteVersion('d1', version!.id);
    expect(listVersions('d1').map((v) => v.name)).toEqual(['Second']);
  });

  it('counts versions in what the library takes of browser storage', () => {
    storage.setItem('signalbox:design:d1', JSON.stringify(design('d')));
    const before = measureStorage();
    expect(before.versions).toBe(0);
    saveVersion('d1', design('v1'), 'First');
    const after = measureStorage();
    expect(after.versions).toBeGreaterThan(100);
    expect(after.total).toBe(before.total + after.versions);
  });
});
