import { describe, expect, it } from 'vitest';
import { validateDesign, formatPath } from './validate';
import { getLinkId, makeNodeId } from './ids';
import {
  addLink,
  addNode,
  moveNodes,
  pasteElements,
  copyElements,
  removeElements,
  renameNodeId,
  suggestLink,
  updateLink,
} from './edit';
import type { Design } from './types';

const base = (): Design => ({
  signalbox: 1,
  name: 'Shop',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    order: { kind: 'service', name: 'Order' },
    pay: { kind: 'service', name: 'Payment' },
    bus: { kind: 'broker', name: 'Kafka' },
    db: { kind: 'database', name: 'Orders DB' },
  },
  links: [
    { from: 'web', to: 'order', kind: 'sync', protocol: 'rest' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
  ],
  flows: [{ name: 'Checkout', steps: [{ link: 'web->order' }, { link: 'order->bus:order.created' }] }],
});

describe('validateDesign', () => {
  it('accepts a valid design with no issues', () => {
    const result = validateDesign(base());
    expect(result.issues).toEqual([]);
    expect(result.design?.name).toBe('Shop');
  });

  it('reports a wrong value with its path and the documented message', () => {
    const raw = base() as unknown as { links: Record<string, unknown>[] };
    raw.links[1] = { ...raw.links[1], timeoutMs: -5 };
    const { issues, design } = validateDesign(raw);
    expect(design).toBeUndefined();
    expect(issues).toContainEqual({ severity: 'error', path: 'links[1].timeoutMs', message: 'expected a positive integer' });
  });

  it('says "required" for a missing key', () => {
    const { issues } = validateDesign({ signalbox: 1, nodes: {} });
    expect(issues).toContainEqual({ severity: 'error', path: 'name', message: 'required' });
  });

  it('refuses links to unknown nodes, duplicate ids and unknown flow steps', () => {
    const d = base();
    d.links.push({ from: 'order', to: 'ghost', kind: 'sync' }, { from: 'web', to: 'order', kind: 'sync' });
    d.flows![0]!.steps.push({ link: 'nope' });
    const messages = validateDesign(d).issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toContain('links[2].to: unknown node "ghost"');
    expect(messages).toContain('links[3]: duplicate link id "web->order" (same as links[0])');
    expect(messages).toContain('flows[0].steps[2].link: unknown link "nope"');
  });

  it('refuses a newer format version with a clear message', () => {
    const { issues } = validateDesign({ ...base(), signalbox: 7 });
    expect(issues[0]?.path).toBe('signalbox');
    expect(issues[0]?.message).toMatch(/newer than this Signalbox reads/);
  });

  it('keeps unknown keys and warns about them', () => {
    const d = { ...base(), owner: 'platform', nodes: { ...base().nodes, order: { kind: 'service', name: 'Order', cost: 3 } } };
    const result = validateDesign(d);
    expect(result.design?.owner).toBe('platform');
    expect(result.design?.nodes.order?.cost).toBe(3);
    expect(result.issues.map((i) => [i.severity, i.path])).toEqual([
      ['warning', 'owner'],
      ['warning', 'nodes.order.cost'],
    ]);
  });

  it('refuses a node id "__proto__" by name instead of losing the node', () => {
    const raw = JSON.parse('{"signalbox":1,"name":"X","nodes":{"__proto__":{"kind":"service","name":"P"}}}') as unknown;
    const { issues, design } = validateDesign(raw);
    expect(design).toBeUndefined();
    expect(issues).toEqual([
      { severity: 'error', path: 'nodes.__proto__', message: 'node id "__proto__" is reserved; choose another id' },
    ]);
  });

  it('formats odd keys readably', () => {
    expect(formatPath(['nodes', 'my node', 'name'])).toBe('nodes["my node"].name');
    expect(formatPath(['links', 3, 'retry', 'max'])).toBe('links[3].retry.max');
  });
});

describe('ids', () => {
  it('derives link ids as format.md says', () => {
    expect(getLinkId({ from: 'a', to: 'b' })).toBe('a->b');
    expect(getLinkId({ from: 'a', to: 'b', channel: 'x.y' })).toBe('a->b:x.y');
    expect(getLinkId({ from: 'a', to: 'b', channel: 'x', id: 'custom' })).toBe('custom');
  });
  it('makes unique node ids from names', () => {
    expect(makeNodeId('Order Service', {})).toBe('order-service');
    expect(makeNodeId('Order', { order: 1 })).toBe('order-2');
    expect(makeNodeId('<script>', {})).toBe('script');
    expect(makeNodeId('🙂', {})).toBe('node');
  });
});

describe('edits', () => {
  it('adds nodes with distinct names and ids', () => {
    const one = addNode(base(), 'service', [10, 20]);
    const two = addNode(one.design, 'service');
    expect(one.design.nodes[one.id]).toEqual({ kind: 'service', name: 'Service', at: [10, 20] });
    expect(two.design.nodes[two.id]?.name).toBe('Service 2');
    expect(two.id).not.toBe(one.id);
  });

  it('suggests async toward and from a broker, SQL into a database, REST otherwise', () => {
    const d = base();
    expect(suggestLink(d, 'order', 'pay')).toEqual({ from: 'order', to: 'pay', kind: 'sync', protocol: 'rest' });
    expect(suggestLink(d, 'order', 'db')).toMatchObject({ kind: 'sync', protocol: 'sql' });
    expect(suggestLink(d, 'bus', 'pay')).toEqual({ from: 'bus', to: 'pay', kind: 'async', channel: 'order.created' });
    expect(suggestLink(d, 'pay', 'bus')).toEqual({ from: 'pay', to: 'bus', kind: 'async', channel: 'pay.events' });
  });

  it('refuses a duplicate link', () => {
    const result = addLink(base(), { from: 'web', to: 'order', kind: 'sync' });
    expect(result).toEqual({ ok: false, error: 'a link web->order already exists' });
  });

  it('renames a link id in flows when its channel changes', () => {
    const result = updateLink(base(), 'order->bus:order.created', { channel: 'orders.v2' });
    expect(result.ok && result.design.flows?.[0]?.steps[1]?.link).toBe('order->bus:orders.v2');
  });

  it('removes a key when patched with undefined', () => {
    const withTimeout = updateLink(base(), 'web->order', { timeoutMs: 500 });
    const without = withTimeout.ok ? updateLink(withTimeout.design, 'web->order', { timeoutMs: undefined }) : withTimeout;
    expect(without.ok && 'timeoutMs' in without.design.links[0]!).toBe(false);
  });

  it('renames a node id everywhere', () => {
    const d = renameNodeId(base(), 'order', 'orders');
    expect(d.nodes.orders?.name).toBe('Order');
    expect(d.links.map(getLinkId)).toEqual(['web->orders', 'orders->bus:order.created']);
    expect(d.flows?.[0]?.steps.map((s) => s.link)).toEqual(['web->orders', 'orders->bus:order.created']);
    expect(renameNodeId(base(), 'order', 'web')).toEqual(base());
  });

  it('removes a node with its links and the flow steps that used them', () => {
    const d = removeElements(base(), ['order'], []);
    expect(Object.keys(d.nodes)).not.toContain('order');
    expect(d.links).toEqual([]);
    expect(d.flows?.[0]?.steps).toEqual([]);
  });

  it('moves nodes to whole pixels and is a no-op when nothing moved', () => {
    const d = moveNodes(base(), { web: [10.4, 20.6] });
    expect(d.nodes.web?.at).toEqual([10, 21]);
    expect(moveNodes(d, { web: [10, 21] })).toBe(d);
  });

  it('pastes copies with fresh ids and the links between them', () => {
    const d = moveNodes(base(), { web: [0, 0], order: [100, 0] });
    const clip = copyElements(d, ['web', 'order']);
    const pasted = pasteElements(d, clip, [40, 40]);
    expect(pasted.nodeIds).toEqual(['web-2', 'order-2']);
    expect(pasted.linkIds).toEqual(['web-2->order-2']);
    expect(pasted.design.nodes['order-2']?.at).toEqual([140, 40]);
  });
});

describe('KNOWN_KEYS', () => {
  it('lists exactly the keys of each object’s schema (validation skips the unknown-key walk when the fast parse met none)', async () => {
    const schema = await import('./schema');
    const keysOf = (object: { shape: Record<string, unknown> }) => Object.keys(object.shape).sort();
    const focus = (schema.viewSchema.shape.focus as unknown as { unwrap(): { shape: Record<string, unknown> } }).unwrap();
    const pairs: [keyof typeof schema.KNOWN_KEYS, { shape: Record<string, unknown> }][] = [
      ['design', schema.designSchema],
      ['node', schema.nodeSchema],
      ['link', schema.linkSchema],
      ['retry', schema.retrySchema],
      ['breaker', schema.breakerSchema],
      ['bulkhead', schema.bulkheadSchema],
      ['message', schema.messageSchema],
      ['flow', schema.flowSchema],
      ['step', schema.stepSchema],
      ['defaults', schema.linkDefaultsSchema],
      ['view', schema.viewSchema],
      ['viewFocus', focus],
    ];
    for (const [what, object] of pairs) expect(keysOf(object), what).toEqual([...schema.KNOWN_KEYS[what]].sort());
  });

  it('warns of an unknown key at any depth, and of none when there is none', () => {
    const design = base();
    expect(validateDesign(design).issues).toEqual([]);
    const deep = {
      ...design,
      links: [{ ...design.links[0]!, retry: { max: 1, backoff: 'exponential', jitter: true, zz: 1 } }, ...design.links.slice(1)],
    };
    expect(validateDesign(deep, 'reuse-any-order').issues.map((i) => i.path)).toEqual(['links[0].retry.zz']);
    const top = { ...design, extra: true, views: { v: { level: 'groups', focus: { node: 'web', hops: 1, far: 2 } } } };
    expect(validateDesign(top).issues.map((i) => i.path)).toEqual(['extra', 'views.v.focus.far']);
  });
});
