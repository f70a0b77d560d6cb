import { afterEach, describe, expect, it } from 'vitest';
import { readDesign } from '../../core/format/read';
import { getTemplate } from '../../core/templates/index';
import { removeElements } from '../../core/model/edit';
import { createSignalbox } from '../../editor/createSignalbox';
import type { DesignVersion } from '../../state/versions';
import { restoreVersion, startCompare, stopCompare } from './compareVersion';

const template = readDesign(getTemplate('food-delivery')!.yaml).design!;
const version: DesignVersion = { id: 'v1', name: 'Before', savedAt: 1, origin: 'saved', design: template };

// A headless editor (no lint, no storage): the comparison reads its design and findings stores.
const editor = createSignalbox({ liveLint: false });
const designStore = editor.design;
const diffOverlayStore = editor.diff;

afterEach(() => stopCompare(editor));

describe('compare with a version', () => {
  it('marks added, changed and removed nodes and links, with ghosts for what was removed', () => {
    designStore.getState().openDesign(template, 'd1');
    const { replaceDesign, addNode, updateNode } = designStore.getState();
    replaceDesign(removeElements(template, ['twilio'], []));
    const result = addNode('service', [0, 0]);
    const added = result.ok ? result.id : '';
    updateNode('order', { replicas: 5 });
    startCompare(editor, version);
    const overlay = diffOverlayStore.getState();
    expect(overlay.version?.name).toBe('Before');
    expect(overlay.nodes).toEqual({ [added]: 'added', order: 'changed', twilio: 'removed' });
    expect(overlay.links).toEqual({ 'notification->twilio': 'removed' });
    expect(Object.keys(overlay.ghostNodes)).toEqual(['twilio']);
    expect(overlay.ghostLinks.map((l) => `${l.from}->${l.to}`)).toEqual(['notification->twilio']);
    stopCompare(editor);
    expect(diffOverlayStore.getState()).toMatchObject({ version: null, nodes: {}, ghostLinks: [] });
  });

  it('a link added and a link changed are marked as such; an untouched one is not marked', () => {
    designStore.getState().openDesign(template, 'd1');
    const { connect, updateLink } = designStore.getState();
    expect(connect('user', 'pricing').ok).toBe(true);
    expect(updateLink('gateway->order', { timeoutMs: 1234 }).ok).toBe(true);
    startCompare(editor, version);
    const overlay = diffOverlayStore.getState();
    expect(overlay.links).toEqual({ 'user->pricing': 'added', 'gateway->order': 'changed' });
    expect(overlay.nodes).toEqual({});
    expect(overlay.changes.map((c) => c.path)).toEqual(['links["gateway->order"].timeoutMs', 'links["user->pricing"]']);
  });

  it('restoring is one undo step and ends the comparison', () => {
    designStore.getState().openDesign(template, 'd1');
    designStore.getState().addNode('service', [0, 0]);
    designStore.getState().updateNode('order', { replicas: 5 });
    const edited = designStore.getState().design;
    startCompare(editor, version);
    restoreVersion(editor, version);
    expect(designStore.getState().design).toEqual(template);
    expect(diffOverlayStore.getState().version).toBeNull();
    designStore.getState().undo();
    expect(designStore.getState().design).toBe(edited);
  });

  it('opening another design ends the comparison', () => {
    designStore.getState().openDesign(template, 'd1');
    startCompare(editor, version);
    designStore.getState().openDesign({ ...template, name: 'Other' }, 'd2');
    expect(diffOverlayStore.getState().version).toBeNull();
  });
});
