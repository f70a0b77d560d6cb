// The architecture document's keys (format.md, "Architecture document keys") travel everywhere a
// design goes: validation, YAML, share links and the code view's completion and hover.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { designToYaml } from '../format/write';
import { decodeShareFragment, encodeShareFragment } from '../share/codec';
import { getYamlContext } from '../yamlmap/context';
import { getKeyDoc, getKeysFor, getValueShape, getValuesFor } from '../yamlmap/schemaHelp';
import { deepEqual } from './equal';
import { validateDesign } from './validate';
import type { Design } from './types';
import { CONSISTENCIES, LOAD_BALANCINGS, PLATFORMS, TRACE_PROPAGATIONS } from './types';

const DOCUMENTED: Design = {
  signalbox: 1,
  name: 'Shop',
  platform: 'kubernetes',
  tracePropagation: 'w3c',
  nodes: {
    gateway: {
      kind: 'gateway',
      name: 'API Gateway',
      loadBalancing: 'round-robin',
      transformations: ['strip /api prefix', 'add X-User-Id from the JWT'],
    },
    order: { kind: 'service', name: 'Order', loadBalancing: 'least-connections' },
    bus: { kind: 'broker', name: 'Kafka', tech: 'kafka', replayable: true },
    payment: { kind: 'service', name: 'Payment' },
  },
  links: [
    { from: 'gateway', to: 'order', kind: 'sync', protocol: 'rest' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.placed', traceContext: true },
    {
      from: 'bus',
      to: 'payment',
      kind: 'async',
      channel: 'order.placed',
      traceContext: false,
      dlq: 'order.placed.dlq',
      dlqReplay: 're-publish from the ops console',
    },
  ],
  flows: [{ name: 'Place order', consistency: 'eventual', steps: [{ link: 'gateway->order' }] }],
};

const documented = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  tracePropagation: fc.constantFrom(...TRACE_PROPAGATIONS),
  loadBalancing: fc.constantFrom(...LOAD_BALANCINGS),
  consistency: fc.constantFrom(...CONSISTENCIES),
  transformations: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
  replayable: fc.boolean(),
  traceContext: fc.boolean(),
  dlqReplay: fc.string({ maxLength: 30 }),
});

type Documented = typeof documented extends fc.Arbitrary<infer T> ? T : never;

function withKeys(v: Documented): Design {
  return {
    ...DOCUMENTED,
    platform: v.platform,
    tracePropagation: v.tracePropagation,
    nodes: {
      ...DOCUMENTED.nodes,
      gateway: { ...DOCUMENTED.nodes.gateway!, loadBalancing: v.loadBalancing, transformations: v.transformations },
      bus: { ...DOCUMENTED.nodes.bus!, replayable: v.replayable },
    },
    links: DOCUMENTED.links.map((l) => (l.kind === 'async' ? { ...l, traceContext: v.traceContext, dlqReplay: v.dlqReplay } : l)),
    flows: [{ ...DOCUMENTED.flows![0]!, consistency: v.consistency }],
  };
}

describe('the architecture document keys', () => {
  it('are known keys: valid, and no unknown-key warning', () => {
    const result = validateDesign(DOCUMENTED);
    expect(result.issues).toEqual([]);
    expect(deepEqual(result.design, DOCUMENTED)).toBe(true);
  });

  it('refuse a bad value with its path', () => {
    const result = validateDesign({
      ...DOCUMENTED,
      platform: 'mainframe',
      flows: [{ ...DOCUMENTED.flows![0]!, consistency: 'mostly' }],
    });
    expect(result.issues.map((i) => `${i.path}: ${i.message}`).sort()).toEqual([
      'flows[0].consistency: expected one of strong, eventual',
      'platform: expected one of kubernetes, aws, gcp, azure, on-premises',
    ]);
  });

  it('round-trip through YAML and share links', () => {
    fc.assert(
      fc.property(documented, (v) => {
        const design = withKeys(v);
        const read = readDesign(designToYaml(design));
        expect(read.issues).toEqual([]);
        expect(deepEqual(read.design, design)).toBe(true);
        const shared = decodeShareFragment(encodeShareFragment(design));
        expect(shared.ok && deepEqual(shared.design, design)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('complete and explain in the code view', () => {
    expect(getYamlContext('signalbox: 1\nplat', 16)).toMatchObject({ object: 'design', mode: 'key' });
    expect(getKeysFor('design')).toEqual(expect.arrayContaining(['platform', 'tracePropagation']));
    expect(getKeysFor('node')).toEqual(expect.arrayContaining(['loadBalancing', 'transformations', 'replayable']));
    expect(getKeysFor('link')).toEqual(expect.arrayContaining(['traceContext', 'dlqReplay']));
    expect(getKeysFor('flow')).toContain('consistency');
    expect(getValuesFor('design', 'platform')).toEqual(PLATFORMS);
    expect(getValuesFor('design', 'tracePropagation')).toEqual(TRACE_PROPAGATIONS);
    expect(getValuesFor('node', 'loadBalancing')).toEqual(LOAD_BALANCINGS);
    expect(getValuesFor('node', 'replayable')).toEqual(['true', 'false']);
    expect(getValuesFor('link', 'traceContext')).toEqual(['true', 'false']);
    expect(getValuesFor('flow', 'consistency')).toEqual(CONSISTENCIES);
    expect(getValueShape('node', 'transformations')).toBe('list');
    for (const [object, key] of [
      ['design', 'platform'],
      ['design', 'tracePropagation'],
      ['node', 'loadBalancing'],
      ['node', 'transformations'],
      ['node', 'replayable'],
      ['link', 'traceContext'],
      ['link', 'dlqReplay'],
      ['flow', 'consistency'],
    ] as const)
      expect(getKeyDoc(object, key)).toBeTruthy();
  });
});
