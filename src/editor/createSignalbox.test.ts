/**
 * Headless journeys: a Signalbox editor driven in Node as the app drives it, through its actions
 * only. Place, connect, edit, undo, what-if, delete and restore a design with its comments.
 */
import { describe, expect, it, vi } from 'vitest';
import { readDesign } from '../core/format/read';
import { writeDesignYamlOver } from '../core/format/write';
import { createDesignRepository } from '../features/library/designRepository';
import { memoryStorage } from '../features/library/memoryStorage';
import { listVersions } from '../state/versions';
import type { AutosaveEvents } from './autosave';
import { createSignalbox } from './createSignalbox';

function headless(storage = memoryStorage()) {
  let clock = 1_000;
  const editor = createSignalbox({ repository: createDesignRepository(storage, () => clock), now: () => (clock += 1000) });
  return { editor, storage };
}

describe('a headless editor', () => {
  it('places, connects, edits and undoes, each action answering what it did', async () => {
    const { editor } = headless();
    editor.openNewDesign(readDesign('signalbox: 1\nname: Shop\nnodes: {}\n').design!);
    const s = () => editor.design.getState();
    const order = s().addNode('service', [0, 0]);
    const payment = s().addNode('service', [300, 0]);
    expect(order.ok && payment.ok).toBe(true);
    if (!order.ok || !payment.ok) return;
    expect(s().renameNode(order.id, 'Order')).toEqual({ ok: true, id: 'order' });
    expect(s().renameNode(payment.id, 'Payment')).toEqual({ ok: true, id: 'payment' });
    const link = s().connect('order', 'payment');
    expect(link).toEqual({ ok: true, id: 'order->payment' });
    expect(s().connect('order', 'payment')).toEqual({ ok: false, error: expect.stringMatching(/already exists/) });
    expect(s().updateLink('order->payment', { timeoutMs: 800 }).ok).toBe(true);
    expect(s().renameNodeId('order', 'payment')).toEqual({ ok: false, error: 'A node with id "payment" already exists' });

    // Live lint runs on this thread in Node: the findings follow the design.
    await vi.waitFor(() => expect(editor.findings.getState().findings.length).toBeGreaterThan(0));

    s().undo();
    expect(s().design.links[0]?.timeoutMs).toBeUndefined();
    s().redo();
    expect(s().design.links[0]?.timeoutMs).toBe(800);
    editor.dispose();
  });

  it('what-if locks every edit from every caller, and says why', () => {
    const { editor } = headless();
    editor.openNewDesign(readDesign('signalbox: 1\nname: Shop\nnodes:\n  a: { kind: service, name: A }\n').design!);
    const before = editor.design.getState().design;
    editor.whatIfMode.enter(['a']);
    expect(editor.whatIf.getState().states.a).toBe('down');
    const refused = editor.design.getState().addNode('database');
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^What-if is a view/) });
    expect(editor.design.getState().renameDesign('Other').ok).toBe(false);
    expect(editor.design.getState().design).toBe(before);
    editor.whatIfMode.leave();
    expect(editor.design.getState().renameDesign('Other').ok).toBe(true);
    editor.dispose();
  });

  it('deletes a design and restores it with its comments (Undo after delete)', () => {
    const { editor, storage } = headless();
    const yaml =
      '# Payments are idempotent: see ADR-12\nsignalbox: 1\nname: Payments\nnodes:\n  pay: { kind: service, name: Pay } # the one we page for\n';
    const opened = editor.openNewDesign(readDesign(yaml).design!, yaml);
    if (!opened.ok || !opened.id) throw new Error('not opened');
    const id = opened.id;
    editor.library.create();
    expect(editor.library.list()).toHaveLength(2);
    const removed = editor.library.remove(id);
    expect(removed.ok).toBe(true);
    if (!removed.ok) return;
    expect(editor.library.list().map((e) => e.id)).not.toContain(id);
    expect(storage.getItem(`signalbox:source:${id}`)).toBeNull();
    expect(editor.library.restore(removed.deleted).ok).toBe(true);
    expect(editor.library.open(id)).toEqual({ ok: true });
    const { design, sourceText } = editor.design.getState();
    expect(sourceText).toBe(yaml);
    expect(writeDesignYamlOver(design, sourceText)).toContain('# Payments are idempotent: see ADR-12');
    expect(writeDesignYamlOver(design, sourceText)).toContain('# the one we page for');
    editor.dispose();
  });

  it('deleting the open design opens another; restoring it reopens it', () => {
    const { editor } = headless();
    const first = editor.openNewDesign(readDesign('signalbox: 1\nname: First\nnodes: {}\n').design!);
    const second = editor.openNewDesign(readDesign('signalbox: 1\nname: Second\nnodes: {}\n').design!);
    if (!first.ok || !second.ok || !second.id) throw new Error('not opened');
    const removed = editor.library.remove(second.id);
    if (!removed.ok) throw new Error(removed.error);
    expect(editor.design.getState().design.name).toBe('First');
    editor.library.restore(removed.deleted);
    expect(editor.design.getState().design.name).toBe('Second');
    editor.dispose();
  });

  it('autosaves each change once it settles, and flush saves at once (a page hide)', () => {
    const { editor } = headless();
    const opened = editor.openNewDesign(readDesign('signalbox: 1\nname: Draft\nnodes: {}\n').design!);
    if (!opened.ok || !opened.id) throw new Error('not opened');
    editor.design.getState().renameDesign('Draft 2');
    expect(editor.repository?.get(opened.id)?.design.name).toBe('Draft');
    editor.flush();
    expect(editor.repository?.get(opened.id)?.design.name).toBe('Draft 2');
    editor.dispose();
  });

  it('writes an opened design once the page has drawn it, and nothing reads or writes the library around it', () => {
    const storage = memoryStorage();
    // Versions live beside the library in the browser's storage (state/versions.ts).
    vi.stubGlobal('localStorage', storage);
    const paints: (() => void)[] = [];
    const editor = createSignalbox({ repository: createDesignRepository(storage), afterPaint: (run) => paints.push(run) });
    const yaml = 'signalbox: 1\nname: Big # the comment\nnodes: {}\n';
    const opened = editor.openNewDesign(readDesign(yaml).design!, yaml, { origin: 'file', detail: 'big.yaml' });
    if (!opened.ok || !opened.id) throw new Error('not opened');
    // Open at once under its id; nothing written yet.
    expect(editor.design.getState().designId).toBe(opened.id);
    expect(storage.getItem(`signalbox:design:${opened.id}`)).toBeNull();
    // Held: the first write and the first lint of the new document.
    expect(paints).toHaveLength(2);
    expect(editor.findings.getState().pending).toBe(true);
    // Anything that reads the library writes what is held first: the list has it, with its comments.
    expect(editor.library.list().map((e) => e.name)).toEqual(['Big']);
    expect(editor.repository?.get(opened.id)?.sourceText).toBe(yaml);
    expect(listVersions(opened.id).map((v) => v.name)).toEqual(['Opened from a file: big.yaml']);
    // Written once: the scheduled run finds nothing left (an edit meanwhile is not overwritten).
    editor.design.getState().renameDesign('Big 2');
    editor.flush();
    paints.forEach((run) => run());
    expect(editor.repository?.get(opened.id)?.design.name).toBe('Big 2');
    expect(listVersions(opened.id)).toHaveLength(1);
    editor.dispose();
    vi.unstubAllGlobals();
  });

  it('opening a design is not an edit: nothing is written for it (near miss: an edit is)', () => {
    vi.useFakeTimers();
    const { editor, storage } = headless();
    const first = editor.openNewDesign(readDesign('signalbox: 1\nname: First\nnodes: {}\n').design!);
    editor.openNewDesign(readDesign('signalbox: 1\nname: Second\nnodes: {}\n').design!);
    if (!first.ok || !first.id) throw new Error('not opened');
    const written: string[] = [];
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (key.startsWith('signalbox:design:')) written.push(key);
      setItem(key, value);
    };
    editor.library.open(first.id);
    vi.advanceTimersByTime(5_000);
    expect(written).toEqual([]);
    editor.design.getState().renameDesign('First 2');
    vi.advanceTimersByTime(5_000);
    expect(written).toEqual([`signalbox:design:${first.id}`]);
    editor.dispose();
    vi.useRealTimers();
  });

  it('a page hide writes what is held (near miss: nothing is written before it)', () => {
    const storage = memoryStorage();
    const listeners = new Map<string, () => void>();
    const target = {
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    };
    const editor = createSignalbox({
      repository: createDesignRepository(storage),
      afterPaint: () => undefined,
      events: { window: target, document: { ...target, visibilityState: 'visible' } } as unknown as AutosaveEvents,
    });
    const opened = editor.openNewDesign(readDesign('signalbox: 1\nname: Held\nnodes: {}\n').design!);
    if (!opened.ok || !opened.id) throw new Error('not opened');
    expect(storage.getItem(`signalbox:design:${opened.id}`)).toBeNull();
    listeners.get('pagehide')?.();
    expect(storage.getItem(`signalbox:design:${opened.id}`)).not.toBeNull();
    expect(JSON.parse(storage.getItem('signalbox:library') ?? '{}').currentId).toBe(opened.id);
    editor.dispose();
    expect(listeners.size).toBe(0);
  });

  it('two editors side by side share nothing (near miss: the same storage is the same library)', () => {
    const storage = memoryStorage();
    const a = headless(storage).editor;
    const b = headless(storage).editor;
    a.openNewDesign(readDesign('signalbox: 1\nname: A\nnodes: {}\n').design!);
    b.openNewDesign(readDesign('signalbox: 1\nname: B\nnodes: {}\n').design!);
    a.design.getState().addNode('service');
    a.whatIfMode.enter();
    expect(Object.keys(b.design.getState().design.nodes)).toEqual([]);
    expect(b.whatIf.getState().active).toBe(false);
    expect(b.design.getState().editLock).toBeNull();
    a.uiActions.requestFrame(['x']);
    expect(b.ui.getState().frameRequest).toBeNull();
    expect(
      a.library
        .list()
        .map((e) => e.name)
        .sort(),
    ).toEqual(['A', 'B']);
    a.dispose();
    b.dispose();
  });
});
