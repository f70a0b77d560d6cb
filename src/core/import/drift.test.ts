import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { designToYaml, writeDesignYaml } from '../format/write';
import type { Design } from '../model/types';
import { driftDesign } from './drift';
import { importFiles } from './importFiles';
import { mergeInto } from './merge';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function importK8s(): Design {
  const result = importFiles([{ name: 'kubernetes.yaml', text: read('kubernetes.yaml') }]);
  if (!result.ok) throw new Error('import failed');
  return result.design;
}

describe('drift: a design against what the files show', () => {
  it('agrees with its own import', () => {
    expect(driftDesign(importK8s(), importK8s())).toEqual([]);
  });

  it('finds each kind of difference', () => {
    const design = importK8s();
    design.nodes['checkout']!.replicas = 5;
    delete design.nodes['refunds'];
    design.links = design.links.filter((l) => l.from !== 'refunds');
    design.nodes['legacy'] = { kind: 'service', name: 'Legacy' };
    design.links.push({ from: 'legacy', to: 'orders-db', kind: 'sync', protocol: 'sql' });
    const pay = design.links.find((l) => l.from === 'checkout' && l.to === 'payment-v1')!;
    pay.timeoutMs = 1000;
    pay.retry = { max: 3, backoff: 'exponential' }; // more than the files say: not a difference
    delete pay.breaker;
    pay.bulkhead = { maxConcurrent: 20 };
    design.links = design.links.filter((l) => !(l.from === 'frontend' && l.to === 'productcatalog'));
    // Clients and external APIs are not in deployment files: never drift.
    design.nodes['stripe'] = { kind: 'external', name: 'Stripe' };
    expect(driftDesign(design, importK8s()).map((d) => `${d.change} ${d.element} ${d.id}${d.key ? ` ${d.key}` : ''}`)).toEqual([
      'differs node checkout replicas',
      'only-in-design node legacy',
      'only-in-files node refunds',
      'only-in-design link legacy->orders-db',
      'only-in-files link frontend->productcatalog',
      'differs link checkout->payment-v1 timeoutMs',
      'differs link checkout->payment-v1 breaker',
      'differs link checkout->payment-v1 bulkhead',
      'only-in-files link refunds->payment-v1',
    ]);
  });

  it('fewer retries than the files state is a difference; the same retries with more detail is not', () => {
    const design = importK8s();
    const pay = design.links.find((l) => l.from === 'checkout' && l.to === 'payment-v1')!;
    pay.retry = { max: 1 };
    expect(driftDesign(design, importK8s())).toEqual([
      {
        change: 'differs',
        element: 'link',
        id: 'checkout->payment-v1',
        key: 'retry',
        design: { max: 1 },
        files: { max: 3 },
        message: 'checkout->payment-v1 retry: design {"max":1}, files {"max":3}',
      },
    ]);
    pay.retry = { max: 3, backoff: 'fixed', baseMs: 100 };
    expect(driftDesign(design, importK8s())).toEqual([]);
    delete pay.retry;
    expect(driftDesign(design, importK8s()).map((d) => `${d.id} ${d.key}`)).toEqual(['checkout->payment-v1 retry']);
  });

  it('a channel the files do not name matches the design link on that channel', () => {
    const files: Design = {
      signalbox: 1,
      name: 'f',
      nodes: { a: { kind: 'service', name: 'a' }, bus: { kind: 'broker', name: 'bus' } },
      links: [{ from: 'a', to: 'bus', kind: 'async' }],
    };
    const design: Design = { ...files, links: [{ from: 'a', to: 'bus', kind: 'async', channel: 'order.created' }] };
    expect(driftDesign(design, files)).toEqual([]);
    expect(driftDesign({ ...design, links: [] }, files)).toHaveLength(1);
  });
});

describe('--into: merging into an existing design', () => {
  const existing = `# The shop as the architects drew it
signalbox: 1
name: Shop
nodes:
  frontend: { kind: gateway, name: Web front, at: [0, 0] }   # we call it a gateway
  checkout: { kind: service, name: Checkout, replicas: 4, at: [200, 0] }
links:
  - { from: frontend, to: checkout, kind: sync, protocol: grpc, timeoutMs: 800 }
rules:
  hub-service: off
`;

  it('keeps positions, names, comments and settings, adds what is new, and is idempotent', () => {
    const { design, doc } = readDesign(existing);
    const first = mergeInto(design!, importK8s());
    expect(first.design.nodes['frontend']).toEqual({
      kind: 'gateway',
      name: 'Web front',
      at: [0, 0],
      replicas: 2,
      healthCheck: true,
    });
    expect(first.design.nodes['checkout']).toEqual({
      kind: 'service',
      name: 'Checkout',
      replicas: 4,
      at: [200, 0],
      healthCheck: true,
    });
    expect(first.addedNodes).toEqual(['productcatalog', 'payment-v1', 'refunds', 'orders-db', 'clients']);
    expect(first.design.links[0]).toEqual({ from: 'frontend', to: 'checkout', kind: 'sync', protocol: 'grpc', timeoutMs: 800 });
    const text = writeDesignYaml(first.design, { text: existing, doc: doc! });
    expect(text).toContain('# The shop as the architects drew it');
    expect(text).toContain('# we call it a gateway');
    expect(text).toContain('hub-service: off');
    const again = readDesign(text);
    const second = mergeInto(again.design!, importK8s());
    expect(second.design).toBe(again.design);
    expect(writeDesignYaml(second.design, { text, doc: again.doc! })).toBe(text);
  });

  it('property: merging twice is merging once', () => {
    const imported = importK8s();
    const ids = Object.keys(imported.nodes);
    fc.assert(
      fc.property(fc.subarray(ids), fc.integer({ min: 1, max: 9 }), (keep, replicas) => {
        const base: Design = { signalbox: 1, name: 'b', nodes: {}, links: [] };
        for (const id of keep) base.nodes[id] = { kind: 'service', name: id.toUpperCase(), replicas };
        const once = mergeInto(base, imported).design;
        expect(mergeInto(once, imported).design).toBe(once);
        for (const id of keep) expect(once.nodes[id]!.replicas).toBe(replicas);
        expect(readDesign(designToYaml(once)).issues).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the fixtures are what their own tools accept', () => {
  it('the AsyncAPI 3.0 and 2.6 documents validate', async () => {
    const parser = new Parser();
    for (const name of ['orders.asyncapi.yaml', 'shipping.asyncapi.yaml']) {
      const errors = (await parser.validate(read(name))).filter((d) => d.severity === 0).map((d) => d.message);
      expect(errors, name).toEqual([]);
    }
  });

  it('the OpenAPI 3.1 document passes the spec ruleset', async () => {
    const config = await createConfig({ extends: ['spec'] });
    const problems = await lintFromString({ source: read('payment.openapi.yaml'), absoluteRef: 'payment.openapi.yaml', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  });
});
