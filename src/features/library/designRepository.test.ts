import { beforeEach, describe, expect, it } from 'vitest';
import type { Design } from '../../core/model/types';
import type { DesignRepository } from '../../state/repository';
import { createDesignRepository } from './designRepository';
import { memoryStorage } from './memoryStorage';

const design = (name: string): Design => ({ signalbox: 1, name, nodes: {}, links: [] });

describe('the library index, damaged', () => {
  let store: Storage;
  let repo: DesignRepository;
  const readIndexReport = () => repo.readIndexReport();
  const readIndex = () => repo.readIndexReport().index;
  const saveDesign = (id: string, d: Design) => repo.put(id, d);
  beforeEach(() => {
    store = memoryStorage();
    repo = createDesignRepository(store);
  });

  it('is empty and reports nothing on a first visit', () => {
    expect(readIndexReport()).toEqual({ index: { designs: [], currentId: null } });
  });

  it('is rebuilt from the stored designs when it is not JSON, and says so', () => {
    store.setItem('signalbox:design:a1', JSON.stringify(design('Kept work')));
    store.setItem('signalbox:design:b2', '{"signalbox":1,"na');
    store.setItem('signalbox:library', '{{{ not json');
    const { index, problem } = readIndexReport();
    expect(index.designs.map((d) => [d.id, d.name])).toEqual([
      ['a1', 'Kept work'],
      ['b2', 'Design b2'],
    ]);
    expect(problem).toBe('The design list in browser storage was damaged; it was rebuilt from the 2 designs found');
    // The next save writes a sound index that still lists both.
    saveDesign('c3', design('New'));
    expect(readIndexReport().problem).toBeUndefined();
    expect(readIndex().designs.map((d) => d.id)).toEqual(['a1', 'b2', 'c3']);
  });

  it('leaves out entries that are not entries and repairs odd names and times', () => {
    store.setItem(
      'signalbox:library',
      JSON.stringify({
        designs: [
          null,
          42,
          'x',
          { id: 7 },
          { id: 'ok', name: { evil: true }, updatedAt: 'yesterday' },
          { id: 'ok', name: 'dup' },
        ],
        currentId: { no: 1 },
      }),
    );
    const { index, problem } = readIndexReport();
    expect(index).toEqual({ designs: [{ id: 'ok', name: 'Design ok', createdAt: 0, updatedAt: 0 }], currentId: null });
    expect(problem).toBe('5 damaged entries in the design list were left out');
  });

  it('lists again a stored design the index does not list (issue 11, item 9)', () => {
    saveDesign('listed', design('Listed'));
    store.setItem('signalbox:design:lost', JSON.stringify(design('Lost one')));
    const { index, problem } = readIndexReport();
    expect(index.designs.map((d) => [d.id, d.name])).toEqual([
      ['listed', 'Listed'],
      ['lost', 'Lost one'],
    ]);
    expect(problem).toBe('1 stored design was missing from the design list and is listed again');
    // The next save writes it into the list for good.
    saveDesign('listed', design('Listed 2'));
    expect(readIndexReport().problem).toBeUndefined();
    expect(readIndex().designs.map((d) => d.id)).toEqual(['listed', 'lost']);
  });

  it('reports nothing when every stored design is listed (near miss)', () => {
    saveDesign('a', design('A'));
    saveDesign('b', design('B'));
    expect(readIndexReport().problem).toBeUndefined();
  });
});

describe('the repository, delete and restore', () => {
  it('restore brings back the design, its YAML text with comments, and its versions', () => {
    const store = memoryStorage();
    const repo = createDesignRepository(store, () => 1000);
    const yaml = '# why we chose Kafka\nsignalbox: 1\nname: Kept\nnodes: {}\n';
    const { id } = repo.create(design('Kept'), yaml);
    store.setItem(`signalbox:versions:${id}`, '[{"id":"v1"}]');
    const deleted = repo.remove(id)!;
    expect(repo.list()).toEqual([]);
    expect(repo.get(id)).toBeUndefined();
    expect(store.getItem(`signalbox:versions:${id}`)).toBeNull();
    expect(repo.restore(deleted)).toBeUndefined();
    expect(repo.get(id)).toEqual({ design: design('Kept'), sourceText: yaml });
    expect(store.getItem(`signalbox:versions:${id}`)).toBe('[{"id":"v1"}]');
    expect(repo.list().map((e) => [e.id, e.name, e.updatedAt])).toEqual([[id, 'Kept', 1000]]);
  });

  it('answers an error, and throws nothing, when storage refuses (near miss: no storage at all keeps nothing)', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(createDesignRepository(full).put('a', design('A'))).toMatch(/^Could not autosave .*QuotaExceededError/);
    const none = createDesignRepository(undefined);
    expect(none.put('a', design('A'))).toBeUndefined();
    expect(none.list()).toEqual([]);
  });
});
