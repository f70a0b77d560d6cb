import { describe, expect, it } from 'vitest';
import { broker, findingsOf, makeDesign, safeSync, service, shapeOf, async } from './testUtils';

describe('retry-without-backoff', () => {
  const nodes = { order: service(), payment: service(), bus: broker() };

  it('reports fixed backoff, missing backoff and missing jitter, on sync and async links', () => {
    const design = makeDesign(nodes, [
      safeSync('order', 'payment', { retry: { max: 3, backoff: 'fixed', jitter: true } }),
      async('bus', 'payment', { channel: 'order.created', retry: { max: 5 } }),
    ]);
    const findings = findingsOf(design, 'retry-without-backoff');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'payment'], links: ['order->payment'] },
      { severity: 'warning', nodes: ['bus', 'payment'], links: ['bus->payment:order.created'] },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Order retries Payment 3 times with fixed backoff',
      'Bus retries Payment 5 times with no stated backoff and no jitter',
    ]);
  });

  it('stays silent for exponential backoff with jitter, and for links that do not retry', () => {
    const design = makeDesign(nodes, [
      safeSync('order', 'payment', { retry: { max: 3, backoff: 'exponential', jitter: true } }),
      async('bus', 'payment', { channel: 'order.created', retry: { max: 0 } }),
    ]);
    expect(findingsOf(design, 'retry-without-backoff')).toEqual([]);
  });
});
