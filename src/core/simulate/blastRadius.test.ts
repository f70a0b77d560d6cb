import { describe, expect, it } from 'vitest';
import { blastRadius, blastRadiusMarkdown } from './blastRadius';
import { designFromYaml } from './testDesign';

const design = designFromYaml(`
signalbox: 1
name: Radius
nodes:
  web: { kind: client, name: Web }
  admin: { kind: client, name: Admin }
  gateway: { kind: gateway, name: API Gateway }
  order: { kind: service, name: Order, outbox: true }
  payment: { kind: service, name: Payment }
  recs: { kind: service, name: Recs }
  bus: { kind: broker, name: Kafka }
  mailer: { kind: service, name: Mailer }
  zeta: { kind: service, name: "Zeta | tools" }
links:
  - { from: web, to: gateway, kind: sync }
  - { from: admin, to: gateway, kind: sync }
  - { from: gateway, to: order, kind: sync }
  - { from: order, to: payment, kind: sync }
  - { from: web, to: recs, kind: sync, breaker: { fallback: top sellers } }
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: mailer, kind: async, channel: order.created }
  - { from: admin, to: zeta, kind: sync }
`);

describe('blastRadius', () => {
  const rows = blastRadius(design);

  it('has one row per node', () => {
    expect(rows.map((r) => r.node).sort()).toEqual(Object.keys(design.nodes).sort());
  });

  it('ranks by entry points failed, then degraded, then name', () => {
    expect(rows.map((r) => [r.node, r.failed, r.degraded])).toEqual([
      // gateway, order and payment fail web, admin and the gateway itself.
      ['gateway', 3, 0],
      ['order', 3, 0],
      ['payment', 3, 0],
      ['admin', 1, 0],
      ['web', 1, 0],
      ['zeta', 1, 0],
      // The broker degrades Order (outbox), so everything above it is degraded.
      ['bus', 0, 3],
      ['recs', 0, 1],
      ['mailer', 0, 0],
    ]);
  });

  it('carries each entry state and the nodes affected', () => {
    const bus = rows.find((r) => r.node === 'bus')!;
    expect(bus.entries).toEqual({ web: 'degraded', admin: 'degraded', gateway: 'degraded' });
    expect(bus.affected).toEqual({ failed: 0, degraded: 4, lagging: 1 });
    // Entry points left ok are left out of the row.
    expect(rows.find((r) => r.node === 'recs')!.entries).toEqual({ web: 'degraded' });
    const order = rows.find((r) => r.node === 'order')!;
    expect(order.affected).toEqual({ failed: 3, degraded: 0, lagging: 1 });
  });
});

describe('blastRadiusMarkdown', () => {
  it('is a section with one table row per node, in rank order, pipes escaped', () => {
    const md = blastRadiusMarkdown(design);
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('## Blast radius');
    const table = lines.filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(2 + Object.keys(design.nodes).length);
    expect(table[2]).toBe('| API Gateway (`gateway`) | 3 | 0 | 0 | 2 | 0 | 0 |');
    expect(md).toContain('| Zeta \\| tools (`zeta`) | 1 | 0 | 0 | 1 | 0 | 0 |');
    expect(md).toContain('3 entry points');
  });
});
