import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

describe('orphan-channel', () => {
  const nodes = { order: service(), payment: service(), bus: broker({ name: 'Kafka' }), sqs: broker({ name: 'SQS' }) };

  it('reports a channel published but never consumed, and one consumed but never published', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', { channel: 'order.created' }),
      async('sqs', 'payment', { channel: 'order.created' }),
    ]);
    const findings = findingsOf(design, 'orphan-channel');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['bus', 'order'], links: ['order->bus:order.created'] },
      { severity: 'warning', nodes: ['sqs', 'payment'], links: ['sqs->payment:order.created'] },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'order.created on Kafka is published by Order but never consumed',
      'order.created on SQS is consumed by Payment but never published',
    ]);
  });

  it('stays silent when each channel has both sides', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', { channel: 'order.created' }),
      async('bus', 'payment', { channel: 'order.created' }),
    ]);
    expect(findingsOf(design, 'orphan-channel')).toEqual([]);
  });
});
