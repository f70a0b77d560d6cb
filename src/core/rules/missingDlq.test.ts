import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

describe('missing-dlq', () => {
  const nodes = { order: service(), payment: service(), mail: service(), bus: broker({ name: 'Kafka' }) };

  it('reports consumers out of a broker and direct service events with no dlq', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', { channel: 'order.created' }),
      async('bus', 'payment', { channel: 'order.created' }),
      async('order', 'mail'),
    ]);
    const findings = findingsOf(design, 'missing-dlq');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'error', nodes: ['payment'], links: ['bus->payment:order.created'] },
      { severity: 'error', nodes: ['mail'], links: ['order->mail'] },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Payment consumes order.created with no dead-letter channel',
      'Mail consumes messages from Order with no dead-letter channel',
    ]);
  });

  it('stays silent when consumers have a dlq (publishing needs none)', () => {
    const design = makeDesign(nodes, [
      async('order', 'bus', { channel: 'order.created' }),
      async('bus', 'payment', { channel: 'order.created', dlq: 'order.created.dlq' }),
      async('order', 'mail', { dlq: 'mail.dlq' }),
    ]);
    expect(findingsOf(design, 'missing-dlq')).toEqual([]);
  });
});
