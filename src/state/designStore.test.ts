import { describe, expect, it } from 'vitest';
import { createDesignStore } from './designStore';
import type { Design } from '../core/model/types';

function seed(): Design {
  return {
    signalbox: 1,
    name: 'Shop',
    nodes: {
      web: { kind: 'client', name: 'Web', at: [0, 0] },
      order: { kind: 'service', name: 'Order', at: [300, 0] },
      pay: { kind: 'service', name: 'Payment', at: [600, 0] },
      bus: { kind: 'broker', name: 'Kafka', at: [600, 200] },
    },
    links: [{ from: 'web', to: 'order', kind: 'sync', protocol: 'rest' }],
    flows: [{ name: 'Buy', steps: [{ link: 'web->order' }] }],
  };
}

/** Run an action; assert undo restores the exact previous design and redo the exact next one. */
function roundTrip(store: ReturnType<typeof createDesignStore>, action: () => void): { before: Design; after: Design } {
  const before = store.getState().design;
  action();
  const after = store.getState().design;
  expect(after).not.toBe(before);
  store.getState().undo();
  expect(store.getState().design).toBe(before);
  store.getState().redo();
  expect(store.getState().design).toBe(after);
  return { before, after };
}

describe('designStore undo and redo', () => {
  it('addNode: one step, selects the new node', () => {
    const store = createDesignStore(seed());
    let id = '';
    const { after } = roundTrip(store, () => {
      const added = store.getState().addNode('service', [10, 20]);
      id = added.ok ? added.id : '';
    });
    expect(after.nodes[id]).toMatchObject({ kind: 'service', at: [10, 20] });
    store.getState().undo();
    expect(store.getState().selection.nodes).toEqual([]);
  });

  it('updateNode: keystrokes in one field coalesce into one step, another field is a new step', () => {
    const store = createDesignStore(seed());
    const before = store.getState().design;
    store.getState().updateNode('order', { name: 'O' });
    store.getState().updateNode('order', { name: 'Or' });
    store.getState().updateNode('order', { name: 'Orders' });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().updateNode('order', { replicas: 3 });
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().design.nodes.order).toMatchObject({ name: 'Orders' });
    expect(store.getState().design.nodes.order?.replicas).toBeUndefined();
    store.getState().undo();
    expect(store.getState().design).toBe(before);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().design.nodes.order).toMatchObject({ name: 'Orders', replicas: 3 });
  });

  it('updateNode: an undefined value removes the key', () => {
    const store = createDesignStore(seed());
    store.getState().updateNode('order', { team: 'ordering' });
    store.getState().updateNode('order', { team: undefined });
    expect('team' in store.getState().design.nodes.order!).toBe(false);
  });

  it('renameNodeId: follows links and flow steps, undo restores the old id', () => {
    const store = createDesignStore(seed());
    const { after } = roundTrip(store, () => store.getState().renameNodeId('order', 'orders'));
    expect(after.nodes.orders).toBeDefined();
    expect(after.links[0]).toMatchObject({ from: 'web', to: 'orders' });
    expect(after.flows?.[0]?.steps[0]?.link).toBe('web->orders');
  });

  it('renameNodeId onto a taken id changes nothing and says why', () => {
    const store = createDesignStore(seed());
    const before = store.getState().design;
    const result = store.getState().renameNodeId('order', 'pay');
    expect(store.getState().design).toBe(before);
    expect(store.getState().notice?.text).toMatch(/already exists/);
    expect(result).toEqual({ ok: false, error: 'A node with id "pay" already exists' });
  });

  it('moveNodes: a whole drag of several nodes is one step', () => {
    const store = createDesignStore(seed());
    const { after } = roundTrip(store, () => store.getState().moveNodes({ order: [310, 40], pay: [640, 40] }));
    expect(after.nodes.order?.at).toEqual([310, 40]);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('placeNodes amends the current step instead of adding one', () => {
    const store = createDesignStore(seed());
    store.getState().replaceDesign({
      ...store.getState().design,
      nodes: { ...store.getState().design.nodes, x: { kind: 'service', name: 'X' } },
    });
    store.getState().placeNodes({ x: [5, 5] });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design.nodes.x).toBeUndefined();
    store.getState().redo();
    expect(store.getState().design.nodes.x?.at).toEqual([5, 5]);
  });

  it('connect: service to service is sync REST, toward a broker is async', () => {
    const store = createDesignStore(seed());
    const { after } = roundTrip(store, () => store.getState().connect('order', 'pay'));
    expect(after.links.at(-1)).toMatchObject({ from: 'order', to: 'pay', kind: 'sync', protocol: 'rest' });
    const connected = store.getState().connect('order', 'bus');
    expect(connected).toEqual({ ok: true, id: 'order->bus:order.events' });
    expect(store.getState().design.links.at(-1)).toMatchObject({ kind: 'async', channel: 'order.events' });
    expect(store.getState().connect('order', 'pay').ok).toBe(false);
    expect(store.getState().notice?.text).toMatch(/already exists/);
  });

  it('updateLink: protocol change, and an id change (channel) that follows flows and selection', () => {
    const store = createDesignStore(seed());
    roundTrip(store, () => store.getState().updateLink('web->order', { protocol: 'grpc', timeoutMs: 500 }));
    expect(store.getState().design.links[0]).toMatchObject({ protocol: 'grpc', timeoutMs: 500 });
    store.getState().select({ links: ['web->order'] });
    let newId: string | undefined;
    const idOf = (result: { ok: boolean; id?: string }) => (result.ok ? result.id : undefined);
    let selectedAfter: string[] = [];
    const { before, after } = roundTrip(store, () => {
      newId = idOf(store.getState().updateLink('web->order', { kind: 'async', protocol: undefined, channel: 'cmd' }));
      selectedAfter = store.getState().selection.links;
    });
    expect(newId).toBe('web->order:cmd');
    expect(selectedAfter).toEqual(['web->order:cmd']);
    expect(after.flows?.[0]?.steps[0]?.link).toBe('web->order:cmd');
    expect(before.flows?.[0]?.steps[0]?.link).toBe('web->order');
  });

  it('deleteSelection: removes nodes with their links; undo brings both back', () => {
    const store = createDesignStore(seed());
    store.getState().select({ nodes: ['order'] });
    const { before, after } = roundTrip(store, () => store.getState().deleteSelection());
    expect(after.nodes.order).toBeUndefined();
    expect(after.links).toHaveLength(0);
    expect(before.links).toHaveLength(1);
  });

  it('duplicateSelection: copies nodes and the links between them, offset', () => {
    const store = createDesignStore(seed());
    store.getState().select({ nodes: ['web', 'order'] });
    let copies: string[] = [];
    const { after } = roundTrip(store, () => {
      store.getState().duplicateSelection();
      copies = store.getState().selection.nodes;
    });
    expect(Object.keys(after.nodes)).toHaveLength(6);
    expect(after.links).toHaveLength(2);
    const [a, b] = copies;
    expect(after.nodes[a!]?.at).toEqual([40, 40]);
    expect(after.links[1]).toMatchObject({ from: a, to: b });
  });

  it('copySelection + paste: each paste lands further away and is its own step', () => {
    const store = createDesignStore(seed());
    store.getState().select({ nodes: ['pay'] });
    store.getState().copySelection();
    roundTrip(store, () => store.getState().paste());
    store.getState().paste();
    const pasted = Object.entries(store.getState().design.nodes).filter(([id]) => id.startsWith('pay-'));
    expect(pasted.map(([, n]) => n.at)).toEqual([
      [640, 40],
      [680, 80],
    ]);
    expect(store.getState().history.past).toHaveLength(2);
  });

  it('replaceDesign: one step, coalesced by key', () => {
    const store = createDesignStore(seed());
    const before = store.getState().design;
    store.getState().replaceDesign({ ...before, name: 'S' }, 'name');
    store.getState().replaceDesign({ ...store.getState().design, name: 'Sh' }, 'name');
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design).toBe(before);
    store.getState().redo();
    expect(store.getState().design.name).toBe('Sh');
  });

  it('a new edit after undo drops the redo stack; openDesign clears history', () => {
    const store = createDesignStore(seed());
    store.getState().addNode('database');
    store.getState().undo();
    store.getState().addNode('client');
    expect(store.getState().history.future).toHaveLength(0);
    store.getState().openDesign(seed(), 'other');
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().documentVersion).toBe(1);
  });

  it('selectAll selects every node and link; undo prunes a selection of what vanished', () => {
    const store = createDesignStore(seed());
    const added = store.getState().addNode('service');
    const id = added.ok ? added.id : '';
    store.getState().selectAll();
    expect(store.getState().selection.nodes).toContain(id);
    expect(store.getState().selection.links).toEqual(['web->order']);
    store.getState().undo();
    expect(store.getState().selection.nodes).not.toContain(id);
  });
});

describe('designStore edit lock (what-if is a view)', () => {
  it('refuses every edit and every history step while locked, with the lock as the notice', () => {
    const store = createDesignStore(seed());
    store.getState().addNode('service', [10, 10]);
    const before = store.getState().design;
    const history = store.getState().history;
    store.getState().setEditLock('locked for the test');
    const s = () => store.getState();
    s().select({ nodes: ['order'], links: ['web->order'] });
    s().deleteSelection();
    s().selectAll();
    s().deleteSelection();
    s().duplicateSelection();
    s().copySelection();
    s().paste();
    expect(s().addNode('database', [0, 0])).toEqual({ ok: false, error: 'locked for the test' });
    s().updateNode('order', { name: 'Changed' });
    s().renameNodeId('order', 'orders');
    s().moveNodes({ order: [999, 999] });
    s().placeNodes({ order: [1, 1] });
    expect(s().connect('order', 'pay').ok).toBe(false);
    expect(s().updateLink('web->order', { timeoutMs: 5 }).ok).toBe(false);
    s().replaceDesign({ ...before, name: 'Replaced' });
    s().undo();
    s().redo();
    expect(s().design).toBe(before);
    expect(s().history).toBe(history);
    expect(s().notice?.text).toBe('locked for the test');
  });

  it('edits again once the lock is lifted (near miss: the lock, not the actions, refused)', () => {
    const store = createDesignStore(seed());
    store.getState().setEditLock('locked');
    store.getState().setEditLock(null);
    store.getState().select({ nodes: ['order'] });
    store.getState().deleteSelection();
    expect(store.getState().design.nodes.order).toBeUndefined();
  });
});

describe('designStore actions answer what they did', () => {
  it('renameDesign trims, and refuses an empty or over-long name with the reason (one rule for every field)', () => {
    const store = createDesignStore(seed());
    expect(store.getState().renameDesign('  Shop v2  ')).toEqual({ ok: true, name: 'Shop v2' });
    expect(store.getState().design.name).toBe('Shop v2');
    const before = store.getState().design;
    expect(store.getState().renameDesign('   ')).toEqual({ ok: false, error: 'A design needs a name' });
    expect(store.getState().renameDesign('x'.repeat(20_000)).ok).toBe(false);
    expect(store.getState().design).toBe(before);
  });

  it('setDescription sets, and an empty text removes the key (near miss: a space-only text)', () => {
    const store = createDesignStore(seed());
    store.getState().setDescription('Buys things');
    expect(store.getState().design.description).toBe('Buys things');
    store.getState().setDescription('  ');
    expect('description' in store.getState().design).toBe(false);
  });

  it('setLinkKind drops what only the other kind has and answers the new id', () => {
    const store = createDesignStore(seed());
    const result = store.getState().setLinkKind('web->order', 'async');
    expect(result).toEqual({ ok: true, id: 'web->order:web.events' });
    expect(store.getState().design.links[0]).toEqual({ from: 'web', to: 'order', kind: 'async', channel: 'web.events' });
    expect(store.getState().setLinkKind('web->order:web.events', 'sync')).toEqual({ ok: true, id: 'web->order' });
    expect(store.getState().design.links[0]).toMatchObject({ kind: 'sync', protocol: 'rest' });
    expect(store.getState().setLinkKind('nope', 'sync')).toEqual({ ok: false, error: 'There is no link "nope"' });
  });

  it('renameNode refuses an empty name and an unknown node, and answers the id after it', () => {
    const store = createDesignStore(seed());
    expect(store.getState().renameNode('order', ' ').ok).toBe(false);
    expect(store.getState().renameNode('ghost', 'Ghost')).toEqual({ ok: false, error: 'There is no node "ghost"' });
    // 'order' is the id 'Order' would generate, so it follows the new name.
    expect(store.getState().renameNode('order', 'Orders')).toEqual({ ok: true, id: 'orders' });
  });
});
