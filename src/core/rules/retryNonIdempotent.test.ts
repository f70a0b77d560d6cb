import { describe, expect, it } from 'vitest';
import { findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

const retry = { max: 2, backoff: 'exponential' as const, jitter: true };

describe('retry-non-idempotent', () => {
  const nodes = { order: service(), payment: service() };

  it('reports a retried POST, naming the operation', () => {
    const design = makeDesign(nodes, [
      safeSync('order', 'payment', { retry, operations: ['GET /charges/{id}', 'POST /charges'] }),
    ]);
    const findings = findingsOf(design, 'retry-non-idempotent');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'error', nodes: ['order', 'payment'], links: ['order->payment'] }]);
    expect(findings[0]!.message).toBe('Order retries POST /charges on Payment, which is not idempotent');
  });

  it('reports a retried link marked idempotent: false', () => {
    const design = makeDesign(nodes, [safeSync('order', 'payment', { retry, idempotent: false })]);
    expect(findingsOf(design, 'retry-non-idempotent').map((f) => f.links)).toEqual([['order->payment']]);
  });

  it('stays silent with an idempotency promise, without retries, or with only safe operations', () => {
    const post = ['POST /charges'];
    const design = makeDesign({ ...nodes, stock: service(), mail: service() }, [
      safeSync('order', 'payment', { retry, operations: post, idempotent: true }),
      safeSync('order', 'stock', { operations: post }),
      safeSync('order', 'mail', { retry, operations: ['GET /templates', 'PUT /mails/{id}'] }),
    ]);
    expect(findingsOf(design, 'retry-non-idempotent')).toEqual([]);
  });
});
