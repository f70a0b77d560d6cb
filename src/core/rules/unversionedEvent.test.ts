import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

const schema = { type: 'object' };

describe('unversioned-event', () => {
  const nodes = { order: service(), payment: service(), bus: broker() };

  it('reports published messages missing a version or schema, or with compatibility none', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', { channel: 'order.created', message: { name: 'OrderCreated', schema } }),
      async('order', 'bus', { channel: 'order.paid', message: { name: 'OrderPaid', version: 1, schema, compatibility: 'none' } }),
      async('bus', 'payment', { channel: 'order.created' }),
    ]);
    const findings = findingsOf(design, 'unversioned-event');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order'], links: ['order->bus:order.created'] },
      { severity: 'warning', nodes: ['order'], links: ['order->bus:order.paid'] },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Order publishes OrderCreated with no version',
      'Order publishes OrderPaid with compatibility none',
    ]);
  });

  it('stays silent for a versioned message with a schema (consumers are not publishers)', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', {
        channel: 'order.created',
        message: { name: 'OrderCreated', version: 1, schema, compatibility: 'backward' },
      }),
      async('bus', 'payment', { channel: 'order.created' }),
    ]);
    expect(findingsOf(design, 'unversioned-event')).toEqual([]);
  });
});
