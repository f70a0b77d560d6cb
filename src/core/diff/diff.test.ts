import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Compatibility, Design, Link } from '../model/types';
import { readDesign } from '../format/read';
import { designToYaml } from '../format/write';
import { generateLargeDesign } from '../fixtures/generate';
import { evolveDesign } from '../fixtures/evolve';
import { getTemplate } from '../templates/index';
import { async, broker, makeDesign, service, sync } from '../rules/testUtils';
import { compareDesigns, diffDesigns } from './diff';
import { compareFindings } from './findingsDelta';

const SCHEMA = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string' }, total: { type: 'number' } },
};

/** order publishes OrderCreated to bus, payment consumes it. */
function shop(schema: Record<string, unknown>, compatibility?: Compatibility, version: number = 1): Design {
  return makeDesign({ order: service(), payment: service(), bus: broker() }, [
    async('order', 'bus', {
      channel: 'order.created',
      message: { name: 'OrderCreated', version, schema, ...(compatibility ? { compatibility } : {}) },
    }),
    async('bus', 'payment', { channel: 'order.created', idempotent: true, dlq: 'order.created.dlq' }),
  ]);
}

const breaking = (base: Design, head: Design) => compareDesigns(base, head).filter((c) => c.breaking);

describe('message schema compatibility', () => {
  const typeChanged = { ...SCHEMA, properties: { ...SCHEMA.properties, total: { type: 'string' } } };
  const newRequired = {
    ...SCHEMA,
    required: ['orderId', 'currency'],
    properties: { ...SCHEMA.properties, currency: { type: 'string' } },
  };
  const newOptional = { ...SCHEMA, properties: { ...SCHEMA.properties, currency: { type: 'string' } } };
  const removedRequired = { type: 'object', required: [], properties: { total: { type: 'number' } } };
  const removedOptional = { ...SCHEMA, properties: { orderId: { type: 'string' } } };

  it.each([
    ['backward', true],
    ['forward', true],
    ['full', true],
    ['none', false],
  ] as const)('a property type change under %s: breaking %s', (mode, expected) => {
    const found = breaking(shop(SCHEMA, mode), shop(typeChanged, mode));
    expect(found.length > 0).toBe(expected);
    if (expected) {
      expect(found[0]).toMatchObject({ element: 'message', id: 'order->bus:order.created', before: 'number', after: 'string' });
      expect(found[0]!.path).toBe('links["order->bus:order.created"].message.schema.properties.total.type');
      expect(found[0]!.message).toContain(`not allowed under ${mode} compatibility`);
    }
  });

  it.each([
    ['backward', true],
    ['full', true],
    ['forward', false],
    ['none', false],
  ] as const)('a new required property under %s: breaking %s', (mode, expected) => {
    expect(breaking(shop(SCHEMA, mode), shop(newRequired, mode)).length > 0).toBe(expected);
  });

  it.each([
    ['forward', true],
    ['full', true],
    ['backward', false],
    ['none', false],
  ] as const)('a removed required property under %s: breaking %s', (mode, expected) => {
    expect(breaking(shop(SCHEMA, mode), shop(removedRequired, mode)).length > 0).toBe(expected);
  });

  it('a property that becomes required counts as a new required property', () => {
    const madeRequired = { ...SCHEMA, required: ['orderId', 'total'] };
    expect(breaking(shop(SCHEMA), shop(madeRequired)).map((c) => c.path)).toEqual([
      'links["order->bus:order.created"].message.schema.required.total',
    ]);
    expect(breaking(shop(SCHEMA, 'forward'), shop(madeRequired, 'forward'))).toEqual([]);
  });

  it('optional properties added or removed break nothing under full, but are listed', () => {
    expect(breaking(shop(SCHEMA, 'full'), shop(newOptional, 'full'))).toEqual([]);
    expect(breaking(shop(SCHEMA, 'full'), shop(removedOptional, 'full'))).toEqual([]);
    expect(compareDesigns(shop(SCHEMA, 'full'), shop(newOptional, 'full'))).toMatchObject([
      { change: 'added', element: 'message', breaking: false, after: { type: 'string' } },
    ]);
  });

  it('with no compatibility stated the channel is backward, as schema registries default', () => {
    expect(breaking(shop(SCHEMA), shop(newRequired))).toHaveLength(1);
    expect(breaking(shop(SCHEMA), shop(removedRequired))).toEqual([]);
  });

  it('nested objects and array items are compared property by property', () => {
    const nested = (t: string) => ({
      type: 'object',
      properties: { lines: { type: 'array', items: { type: 'object', properties: { qty: { type: t } } } } },
    });
    const found = breaking(shop(nested('integer')), shop(nested('string')));
    expect(found.map((c) => c.path)).toEqual([
      'links["order->bus:order.created"].message.schema.properties.lines.items.properties.qty.type',
    ]);
    expect(found[0]!.message).toContain('lines[].qty changes type');
  });

  it('says when an incompatible schema keeps its version, and not when the version moves', () => {
    const same = breaking(shop(SCHEMA), shop(typeChanged));
    expect(same[0]!.message).toContain('the message version stays 1');
    const bumped = breaking(shop(SCHEMA), shop(typeChanged, undefined, 2));
    expect(bumped).toHaveLength(1);
    expect(bumped[0]!.message).not.toContain('stays');
  });

  it("a consumer link's message is judged by the compatibility its channel states on the producer", () => {
    const base = shop(SCHEMA, 'none');
    const withConsumerSchema = (schema: object): Design => ({
      ...base,
      links: base.links.map((l) =>
        l.from === 'bus' ? { ...l, message: { name: 'OrderCreated', schema: schema as Record<string, unknown> } } : l,
      ),
    });
    expect(breaking(withConsumerSchema(SCHEMA), withConsumerSchema(typeChanged))).toEqual([]);
  });
});

describe('channels losing an end', () => {
  const base = makeDesign({ a: service(), b: service(), c: service(), bus: broker() }, [
    async('a', 'bus', { channel: 'orders' }),
    async('b', 'bus', { channel: 'orders' }),
    async('bus', 'c', { channel: 'orders' }),
  ]);
  const without = (design: Design, ...ids: string[]): Design => ({
    ...design,
    links: design.links.filter((l) => !ids.includes(`${l.from}->${l.to}:${l.channel ?? ''}`)),
  });

  it('the last producer removed while a consumer remains is breaking, naming the consumer', () => {
    const found = breaking(without(base, 'b->bus:orders'), without(base, 'a->bus:orders', 'b->bus:orders'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ change: 'removed', element: 'link', id: 'a->bus:orders' });
    expect(found[0]!.message).toContain('loses its last producer while c still consumes it');
  });

  it('one of two producers removed is not breaking', () => {
    expect(breaking(base, without(base, 'a->bus:orders'))).toEqual([]);
  });

  it('the last consumer removed while producers remain is breaking', () => {
    const found = breaking(base, without(base, 'bus->c:orders'));
    expect(found.map((c) => c.id)).toEqual(['bus->c:orders']);
    expect(found[0]!.message).toContain('loses its last consumer while a, b still publish to it');
  });

  it('a channel removed whole (both ends) is not breaking', () => {
    expect(breaking(base, without(base, 'a->bus:orders', 'b->bus:orders', 'bus->c:orders'))).toEqual([]);
  });

  it('the same topic on another broker is another channel', () => {
    const two = makeDesign({ a: service(), c: service(), bus: broker(), other: broker() }, [
      async('a', 'bus', { channel: 'orders' }),
      async('bus', 'c', { channel: 'orders' }),
      async('a', 'other', { channel: 'orders' }),
    ]);
    const found = breaking(two, { ...two, links: two.links.filter((l) => l.to !== 'bus') });
    expect(found.map((c) => c.id)).toEqual(['a->bus:orders']);
  });
});

describe('changes', () => {
  it('lists added, removed and changed nodes, links, flows and settings with paths and values', () => {
    const base = makeDesign(
      { a: service(), b: service({ replicas: 2 }), gone: service() },
      [sync('a', 'b', { timeoutMs: 500 })],
      {
        flows: [{ name: 'Checkout', steps: [{ link: 'a->b' }] }],
        rules: { 'hub-service': 'off' },
      },
    );
    const head = makeDesign(
      { a: service(), b: service({ replicas: 3 }), c: service() },
      [sync('a', 'b', { timeoutMs: 800 }), sync('b', 'c')],
      {
        rules: { 'sync-chain-depth': { max: 3 } },
      },
    );
    const changes = compareDesigns(base, head);
    const brief = changes.map((c) => [c.change, c.element, c.id, c.path]);
    expect(brief).toEqual([
      ['changed', 'node', 'b', 'nodes.b.replicas'],
      ['added', 'node', 'c', 'nodes.c'],
      ['removed', 'node', 'gone', 'nodes.gone'],
      ['changed', 'link', 'a->b', 'links["a->b"].timeoutMs'],
      ['added', 'link', 'b->c', 'links["b->c"]'],
      ['removed', 'flow', 'Checkout', 'flows.Checkout'],
      ['removed', 'settings', 'hub-service', 'rules.hub-service'],
      ['added', 'settings', 'sync-chain-depth', 'rules.sync-chain-depth'],
    ]);
    expect(changes[0]).toMatchObject({ before: 2, after: 3, breaking: false, message: 'node b: replicas 2 -> 3' });
    expect(changes.every((c) => !c.breaking)).toBe(true);
  });

  it('a changed flow, message version and rule setting are each one change at its path', () => {
    const base = makeDesign(
      { a: service(), b: service(), bus: broker() },
      [sync('a', 'b'), async('a', 'bus', { channel: 'paid', message: { name: 'Paid', version: 1 } })],
      { flows: [{ name: 'Pay', steps: [{ link: 'a->b' }] }], rules: { 'sync-chain-depth': { max: 3 } } },
    );
    const head = makeDesign(
      { a: service(), b: service(), bus: broker() },
      [sync('a', 'b'), async('a', 'bus', { channel: 'paid', message: { name: 'Paid', version: 2 } })],
      {
        flows: [{ name: 'Pay', steps: [{ link: 'a->b' }, { link: 'a->bus:paid' }] }],
        rules: { 'sync-chain-depth': { max: 4 } },
      },
    );
    expect(compareDesigns(base, head).map((c) => [c.change, c.element, c.id, c.path, c.before, c.after, c.breaking])).toEqual([
      ['changed', 'message', 'a->bus:paid', 'links["a->bus:paid"].message.version', 1, 2, false],
      ['changed', 'flow', 'Pay', 'flows.Pay.steps', [{ link: 'a->b' }], [{ link: 'a->b' }, { link: 'a->bus:paid' }], false],
      ['changed', 'settings', 'sync-chain-depth', 'rules.sync-chain-depth.max', 3, 4, false],
    ]);
  });

  it('breaking changes come first', () => {
    const base = shop(SCHEMA);
    const head = shop({ ...SCHEMA, properties: { orderId: { type: 'integer' }, total: { type: 'number' } } });
    head.nodes = { ...head.nodes, extra: { kind: 'service', name: 'Extra' } };
    head.name = 'Renamed';
    const changes = compareDesigns(base, head);
    expect(changes.map((c) => c.breaking)).toEqual([true, false, false]);
    expect(changes[1]).toMatchObject({ element: 'design', path: 'name', before: 'Test design', after: 'Renamed' });
  });

  it('a moved node is layout, not a change', () => {
    const base = makeDesign({ a: service({ at: [0, 0] }) }, []);
    expect(compareDesigns(base, makeDesign({ a: service({ at: [300, 40] }) }, []))).toEqual([]);
  });

  it('the same template written differently (key order, flow style, comments) has no changes', () => {
    const yaml = getTemplate('food-delivery')!.yaml;
    const base = readDesign(yaml).design!;
    const json = JSON.stringify(
      reorder(JSON.parse(JSON.stringify(base)) as unknown, () => 0.3),
      null,
      1,
    );
    const flow = stringify(
      reorder(base, () => 0.7),
      { collectionStyle: 'flow' },
    );
    for (const text of [
      json,
      flow,
      designToYaml(base),
      `# a comment\n${yaml.replace(/\n/g, ' # note\n').replace(/: ( # note)/g, ':$1')}`,
    ]) {
      const head = readDesign(text, text.startsWith('{') ? 'x.json' : 'x.yaml').design;
      expect(head).toBeDefined();
      expect(diffDesigns(base, head!)).toMatchObject({ changes: [], findings: { introduced: [], resolved: [] } });
    }
  });
});

describe('findings delta', () => {
  const clean = makeDesign({ pay: service(), bus: broker() }, [
    async('bus', 'pay', { channel: 'order.created', idempotent: true, dlq: 'order.created.dlq' }),
    async('pay', 'bus', { channel: 'payment.done', message: { name: 'PaymentDone', version: 1 } }),
  ]);
  const noDlq: Design = { ...clean, links: clean.links.map((l) => (l.to === 'pay' ? { ...l, dlq: undefined } : l)) as Link[] };

  it('a finding the change brings is introduced, by rule and what it names', () => {
    const diff = diffDesigns(clean, noDlq);
    expect(diff.findings.introduced.map((f) => [f.rule, f.nodes, f.links])).toEqual([
      ['missing-dlq', ['pay'], ['bus->pay:order.created']],
    ]);
    expect(diff.findings.resolved).toEqual([]);
    expect(diff.summary).toEqual({ changes: 1, breaking: 0, introduced: { error: 1, warning: 0, info: 0 }, resolved: 0 });
  });

  it('the reverse change resolves it', () => {
    const diff = diffDesigns(noDlq, clean);
    expect(diff.findings.introduced).toEqual([]);
    expect(diff.findings.resolved.map((f) => f.rule)).toEqual(['missing-dlq']);
    expect(diff.summary.resolved).toBe(1);
  });

  it('the same finding with a different message is neither introduced nor resolved', () => {
    const f = {
      rule: 'sync-chain-depth',
      severity: 'warning' as const,
      message: 'depth 5',
      nodes: ['a', 'b'],
      links: [],
      fix: '',
    };
    expect(compareFindings([f], [{ ...f, message: 'depth 6', nodes: ['b', 'a'] }])).toEqual({ introduced: [], resolved: [] });
    expect(compareFindings([f], [f, f])).toEqual({ introduced: [f], resolved: [] });
  });
});

/** A copy with every object's keys in another order (arrays keep theirs: order means something there). */
function reorder(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, random)] as const);
  const shuffled = entries.map((e) => [random(), e] as const).sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(shuffled.map(([, e]) => e));
}

const sameChange = (c: { element: string; id: string; path: string }) => `${c.element} ${c.path}`;

describe('properties', () => {
  it('a design and a reformatted copy of it have no changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom('json', 'yaml-flow', 'yaml-block'),
        (services, seed, noise, style) => {
          const base = evolveDesign(generateLargeDesign({ services, seed }), { edits: 5, seed });
          let i = 0;
          const shuffled = reorder(JSON.parse(JSON.stringify(base)) as unknown, () => noise[i++ % noise.length]!);
          const text =
            style === 'json'
              ? JSON.stringify(shuffled)
              : stringify(shuffled, { collectionStyle: style === 'yaml-flow' ? 'flow' : 'block' });
          const copy = readDesign(text, style === 'json' ? 'x.json' : 'x.yaml').design!;
          expect(compareDesigns(base, copy)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('swapping BASE and HEAD swaps added and removed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 20 }),
        (services, seed, edits) => {
          const base = generateLargeDesign({ services, seed });
          const head = evolveDesign(base, { edits, seed: seed + 1 });
          const forward = compareDesigns(base, head);
          const backward = compareDesigns(head, base);
          const keys = (list: typeof forward, change: string) =>
            list
              .filter((c) => c.change === change)
              .map(sameChange)
              .sort();
          expect(keys(backward, 'removed')).toEqual(keys(forward, 'added'));
          expect(keys(backward, 'added')).toEqual(keys(forward, 'removed'));
          expect(keys(backward, 'changed')).toEqual(keys(forward, 'changed'));
          for (const c of forward.filter((x) => x.change === 'added')) {
            const twin = backward.find((x) => x.change === 'removed' && sameChange(x) === sameChange(c))!;
            expect(twin.before).toEqual(c.after);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
