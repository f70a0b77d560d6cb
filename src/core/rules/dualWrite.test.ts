import { describe, expect, it } from 'vitest';
import { async, broker, database, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('dual-write', () => {
  const links = [
    safeSync('order', 'orderdb'),
    async('order', 'bus', { channel: 'order.created' }),
    async('bus', 'payment', { channel: 'order.created' }),
  ];

  it('reports a service that writes a database and publishes without an outbox', () => {
    const design = makeDesign(
      { order: service(), payment: service(), orderdb: database({ name: 'Orders DB' }), bus: broker() },
      links,
    );
    const findings = findingsOf(design, 'dual-write');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'orderdb'], links: ['order->orderdb', 'order->bus:order.created'] },
    ]);
    expect(findings[0]!.message).toBe('Order writes Orders DB and publishes order.created without a transactional outbox');
  });

  it('stays silent with outbox: true', () => {
    const design = makeDesign(
      { order: service({ outbox: true }), payment: service(), orderdb: database(), bus: broker() },
      links,
    );
    expect(findingsOf(design, 'dual-write')).toEqual([]);
  });

  it('stays silent for a service that only writes, or only publishes', () => {
    const design = makeDesign({ order: service(), payment: service(), orderdb: database(), bus: broker() }, [
      safeSync('payment', 'orderdb'),
      async('order', 'bus', { channel: 'order.created' }),
    ]);
    expect(findingsOf(design, 'dual-write')).toEqual([]);
  });
});
