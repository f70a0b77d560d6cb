import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readDesign } from '../../core/format/read';
import { cloneData } from '../../core/model/equal';
import type { Design } from '../../core/model/types';
import type { TextChange } from '../../core/yamlmap/textDiff';
import { createTextSync, TYPING_DEBOUNCE_MS } from './textSync';

const SOURCE = [
  'signalbox: 1',
  'name: Shop # the shop',
  'nodes:',
  '  # the one who takes orders',
  '  order: { kind: service, name: Order, at: [0, 0] }',
  '  pay: { kind: service, name: Payment, at: [300, 0] } # card payments',
  'links:',
  '  - { from: order, to: pay, kind: sync, timeoutMs: 800 } # keep it short',
  '',
].join('\n');

function designOf(text: string): Design {
  const result = readDesign(text);
  if (!result.design) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.design;
}

/**
 * The sync between a fake editor (a string that applies edits and reports every change, as
 * Monaco's onDidChangeContent does, synchronously) and a fake store (a design whose subscribers
 * hear every commit at once, as zustand's do).
 */
function setup(source: string | null = SOURCE, echo: 'at once' | 'later' = 'at once') {
  const late: string[] = [];
  let design = designOf(SOURCE);
  let editorText = '';
  const commits: Design[] = [];
  const edits: TextChange[] = [];
  const sourceTexts: string[] = [];
  const sync = createTextSync(
    {
      getDesign: () => design,
      commit: (next) => {
        commits.push(next);
        store.set(next);
      },
      setSourceText: (text) => sourceTexts.push(text),
      applyEdit: (change) => {
        edits.push(change);
        editorText = editorText.slice(0, change.start) + change.text + editorText.slice(change.end);
        if (echo === 'later') late.push(editorText);
        else sync.onTextChanged(editorText);
      },
      resetText: (text) => {
        editorText = text;
        sync.onTextChanged(editorText);
      },
    },
    { design, sourceText: source },
  );
  editorText = sync.getState().text;
  const store = {
    get: () => design,
    /** A change made elsewhere (canvas, inspector, undo): the store tells the sync. */
    set: (next: Design) => {
      if (next === design) return;
      design = next;
      sync.onDesignChanged(next);
    },
  };
  const editor = {
    getText: () => editorText,
    /** An editor that reports its own edits after the call that made them. */
    reportLate: () => {
      for (const text of late.splice(0)) sync.onTextChanged(text);
    },
    /** A person typing: the whole text after the keystroke. */
    type: (text: string) => {
      editorText = text;
      sync.onTextChanged(text);
    },
  };
  sync.start();
  return { sync, store, editor, commits, edits, sourceTexts };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTextSync', () => {
  it('starts from the text the design was opened as, comments and all', () => {
    const { sync, editor, commits } = setup();
    expect(editor.getText()).toBe(SOURCE);
    expect(sync.getState().issues).toEqual([]);
    expect(sync.getState().lastGood?.text).toBe(SOURCE);
    expect(commits).toEqual([]);
  });

  it('commits a valid edit once, after the pause, as one step for the whole burst', () => {
    const { editor, store, commits } = setup();
    const target = SOURCE.replace('timeoutMs: 800', 'timeoutMs: 1500');
    // Typed one key at a time: 8, 80, 800 -> 1, 15, 150, 1500 (each text is valid on its own).
    for (const step of ['timeoutMs: 80', 'timeoutMs: 8', 'timeoutMs: ', 'timeoutMs: 1', 'timeoutMs: 15', 'timeoutMs: 150']) {
      editor.type(SOURCE.replace('timeoutMs: 800', step));
      vi.advanceTimersByTime(TYPING_DEBOUNCE_MS - 1);
    }
    editor.type(target);
    expect(commits).toHaveLength(0);
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS - 1);
    expect(commits).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(commits).toHaveLength(1);
    expect(store.get().links[0]?.timeoutMs).toBe(1500);
  });

  it('never lets partial YAML reach the design: it shows the issues and keeps the last good text', () => {
    const { sync, editor, store, commits } = setup();
    const before = store.get();
    // Half a flow map (a YAML error), then a value the schema refuses (`8x` is not 8).
    editor.type(SOURCE.replace('timeoutMs: 800 }', 'timeoutMs: 8'));
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(sync.getState().issues.some((i) => i.severity === 'error')).toBe(true);
    editor.type(SOURCE.replace('timeoutMs: 800', 'timeoutMs: 8x'));
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    sync.flush();
    expect(commits).toEqual([]);
    expect(store.get()).toBe(before);
    const { issues, lastGood } = sync.getState();
    expect(issues).toMatchObject([{ severity: 'error', line: 8, path: 'links[0].timeoutMs' }]);
    expect(lastGood?.text).toBe(SOURCE);
  });

  it('property: whatever prefix of a new link a person has typed, the design holds only what a text said in full', () => {
    const addition = "  - { from: pay, to: order, kind: async, channel: 'pay.done', delivery: at-least-once }\n";
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: addition.length }), { minLength: 1, maxLength: 6 }), (cuts) => {
        const { editor, store, commits } = setup();
        for (const cut of cuts) {
          const text = SOURCE + addition.slice(0, cut);
          editor.type(text);
          vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
          const read = readDesign(text);
          // A text that reads is the design; one that does not changes nothing.
          if (read.design) expect(store.get()).toEqual(read.design);
        }
        for (const committed of commits)
          expect(committed.links.length === 1 || committed.links[1]?.delivery === 'at-least-once').toBe(true);
        vi.clearAllTimers();
      }),
      { numRuns: 30 },
    );
  });

  it('writes a canvas edit into the text as one small edit, keeping every comment, and does not read it back', () => {
    const { sync, editor, store, commits, edits, sourceTexts } = setup();
    const moved = cloneData(store.get());
    moved.nodes.pay!.at = [420, 60];
    store.set(moved);
    expect(editor.getText()).toBe(SOURCE.replace('at: [300, 0]', 'at: [420, 60]'));
    expect(edits).toHaveLength(1);
    expect(edits[0]!.end - edits[0]!.start).toBeLessThan(10);
    // No echo: the edit is not typing, so nothing is pending and nothing is committed back.
    expect(sync.getState().pending).toBe(false);
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS * 2);
    expect(commits).toEqual([]);
    expect(sourceTexts.at(-1)).toBe(editor.getText());
  });

  it('does not read back an edit it handed out, even when the editor reports it later', () => {
    const { sync, editor, store, commits } = setup(SOURCE, 'later');
    const moved = cloneData(store.get());
    moved.nodes.order!.at = [50, 50];
    store.set(moved);
    editor.reportLate();
    expect(sync.getState().pending).toBe(false);
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(commits).toEqual([]);
  });

  it('does not write back the design it committed itself', () => {
    const { editor, commits, edits } = setup();
    editor.type(SOURCE.replace('name: Payment', 'name: Payments'));
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(commits).toHaveLength(1);
    expect(edits).toEqual([]);
    expect(editor.getText()).toBe(SOURCE.replace('name: Payment', 'name: Payments'));
  });

  it('lets broken typing give way to a canvas edit: the last good text is the base', () => {
    const { sync, editor, store } = setup();
    editor.type(SOURCE.replace('kind: sync', 'kind: sy'));
    const renamed = { ...cloneData(store.get()), name: 'Store' };
    store.set(renamed);
    expect(editor.getText()).toBe(SOURCE.replace('name: Shop', 'name: Store'));
    expect(sync.getState().issues).toEqual([]);
    expect(sync.getState().pending).toBe(false);
  });

  it('merges a canvas edit into valid typing without losing the typed comment', () => {
    const { editor, store } = setup();
    editor.type(SOURCE.replace('links:', '# calls\nlinks:'));
    const moved = cloneData(store.get());
    moved.nodes.order!.at = [10, 20];
    store.set(moved);
    expect(editor.getText()).toContain('# calls\nlinks:');
    expect(editor.getText()).toContain('at: [10, 20]');
  });

  it('flush pushes pending typing at once (blur, reload, closing the panel)', () => {
    const { sync, editor, store, commits } = setup();
    editor.type(SOURCE.replace('name: Order', 'name: Orders'));
    expect(sync.getState().pending).toBe(true);
    sync.flush();
    expect(commits).toHaveLength(1);
    expect(store.get().nodes.order?.name).toBe('Orders');
    expect(sync.getState().pending).toBe(false);
    sync.flush();
    expect(commits).toHaveLength(1);

    editor.type(SOURCE.replace('name: Order', 'name: Orderly'));
    sync.dispose();
    expect(store.get().nodes.order?.name).toBe('Orderly');
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(commits).toHaveLength(2);
  });

  it('sends Ctrl+Z to the design history only while the text reads, committing typing first', () => {
    const { sync, editor, commits } = setup();
    editor.type(SOURCE.replace('kind: sync', 'kind: sy'));
    expect(sync.prepareHistory()).toBe('text');
    expect(commits).toEqual([]);
    editor.type(SOURCE.replace('kind: sync', 'kind: async, channel: pay'));
    expect(sync.prepareHistory()).toBe('design');
    expect(commits).toHaveLength(1);
    expect(commits[0]!.links[0]?.kind).toBe('async');
  });

  it('places nodes typed without a position near the others', () => {
    const { editor, store, edits } = setup();
    const typed = SOURCE.replace('links:', '  stock: { kind: database, name: Stock }\nlinks:');
    editor.type(typed);
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(store.get().nodes.stock?.at).toEqual([expect.any(Number), expect.any(Number)]);
    // The position is the design's business: the text being typed is not rewritten under the cursor.
    expect(edits).toEqual([]);
    expect(editor.getText()).toBe(typed);
  });

  it('starts over from the text of another document, without reading it as typing', () => {
    const { sync, editor, commits } = setup();
    const other = 'signalbox: 1\nname: Other # kept\nnodes:\n  a: { kind: service, name: A, at: [0, 0] }\nlinks: []\n';
    sync.onDocumentOpened(designOf(other), other);
    expect(editor.getText()).toBe(other);
    expect(sync.getState().pending).toBe(false);
    expect(sync.getState().lastGood?.text).toBe(other);
    vi.advanceTimersByTime(TYPING_DEBOUNCE_MS);
    expect(commits).toEqual([]);
  });

  it('writes a fresh text when there is no source text', () => {
    const { editor } = setup(null);
    expect(editor.getText()).not.toContain('#');
    expect(designOf(editor.getText())).toEqual(designOf(SOURCE));
  });
});
