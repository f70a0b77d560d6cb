import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

describe('non-idempotent-consumer', () => {
  const nodes = { payment: service(), mail: service(), bus: broker() };

  it('reports an at-least-once consumer (the default) that is not idempotent', () => {
    const design = makeDesign(nodes, [
      async('bus', 'payment', { channel: 'order.created' }),
      async('bus', 'mail', { channel: 'order.created', delivery: 'at-least-once', idempotent: false }),
    ]);
    const findings = findingsOf(design, 'non-idempotent-consumer');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'error', nodes: ['payment'], links: ['bus->payment:order.created'] },
      { severity: 'error', nodes: ['mail'], links: ['bus->mail:order.created'] },
    ]);
    expect(findings[0]!.message).toBe('Payment consumes order.created at least once but is not idempotent');
  });

  it('stays silent for idempotent consumers and other delivery guarantees', () => {
    const design = makeDesign({ ...nodes, audit: service() }, [
      async('bus', 'payment', { channel: 'order.created', idempotent: true }),
      async('bus', 'mail', { channel: 'order.created', delivery: 'at-most-once' }),
      async('bus', 'audit', { channel: 'order.created', delivery: 'exactly-once' }),
    ]);
    expect(findingsOf(design, 'non-idempotent-consumer')).toEqual([]);
  });
});
