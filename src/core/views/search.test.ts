import { describe, expect, it } from 'vitest';
import type { Design, Finding } from '../model/types';
import { searchDesign } from './search';

const design: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    order: { kind: 'service', name: 'Order service', team: 'ordering' },
    'order-db': { kind: 'database', name: 'Orders DB' },
    payment: { kind: 'service', name: 'Payment' },
    bus: { kind: 'broker', name: 'Kafka' },
  },
  links: [
    { from: 'order', to: 'payment', kind: 'sync', protocol: 'grpc', operations: ['pay.Payments/Charge'] },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
    { from: 'bus', to: 'payment', kind: 'async', channel: 'order.created' },
  ],
};
const findings: Finding[] = [
  {
    rule: 'missing-timeout',
    severity: 'error',
    message: 'Order calls Payment with no timeout',
    nodes: ['order'],
    links: ['order->payment'],
    fix: '',
  },
];

describe('searchDesign', () => {
  it('finds nodes by name or id, best match first', () => {
    const hits = searchDesign(design, findings, 'order');
    expect(hits[0]).toMatchObject({ kind: 'node', key: 'node:order', nodes: ['order'] });
    expect(hits.map((h) => h.key)).toContain('node:order-db');
    expect(hits.map((h) => h.key)).toContain('channel:order.created');
  });

  it('finds a channel with every link on it', () => {
    const [hit] = searchDesign(design, [], 'order.created');
    expect(hit).toMatchObject({ kind: 'channel', links: ['order->bus:order.created', 'bus->payment:order.created'] });
    expect(hit!.nodes.sort()).toEqual(['bus', 'order', 'payment']);
  });

  it('finds links by operation and findings by message or rule', () => {
    expect(searchDesign(design, [], 'charge')[0]).toMatchObject({ kind: 'link', links: ['order->payment'] });
    expect(searchDesign(design, findings, 'missing-timeout')[0]).toMatchObject({ kind: 'finding', links: ['order->payment'] });
  });

  it('needs every word, ignores case, and finds nothing for a near miss', () => {
    expect(searchDesign(design, [], 'ORDERS db').map((h) => h.key)).toEqual(['node:order-db']);
    expect(searchDesign(design, [], 'ordr')).toEqual([]);
    expect(searchDesign(design, [], '   ')).toEqual([]);
  });

  it('caps the number of hits', () => {
    const big: Design = {
      ...design,
      nodes: Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`svc-${i}`, { kind: 'service' as const, name: `Service ${i}` }]),
      ),
      links: [],
    };
    expect(searchDesign(big, [], 'service', 20)).toHaveLength(20);
  });
});
