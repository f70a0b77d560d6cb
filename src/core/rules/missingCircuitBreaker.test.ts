import { describe, expect, it } from 'vitest';
import { database, external, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('missing-circuit-breaker', () => {
  const nodes = { order: service(), payment: service(), stripe: external(), db: database() };

  it('reports calls to services and externals with no breaker', () => {
    const design = makeDesign(nodes, [
      safeSync('order', 'payment', { breaker: undefined }),
      safeSync('payment', 'stripe', { breaker: undefined }),
      safeSync('order', 'db', { breaker: undefined }),
    ]);
    const findings = findingsOf(design, 'missing-circuit-breaker');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'payment'], links: ['order->payment'] },
      { severity: 'warning', nodes: ['payment', 'stripe'], links: ['payment->stripe'] },
    ]);
    expect(findings[1]!.message).toBe('Payment calls Stripe with no circuit breaker');
  });

  it('stays silent when every call has a breaker', () => {
    const design = makeDesign(nodes, [
      safeSync('order', 'payment'),
      safeSync('payment', 'stripe'),
      safeSync('order', 'db', { breaker: undefined }),
    ]);
    expect(findingsOf(design, 'missing-circuit-breaker')).toEqual([]);
  });
});
