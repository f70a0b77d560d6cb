import { describe, expect, it } from 'vitest';
import { database, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('missing-bulkhead', () => {
  const nodes = { order: service(), payment: service(), stock: service(), db: database() };
  const calls = [safeSync('order', 'payment'), safeSync('order', 'stock'), safeSync('order', 'db')];

  it('reports a service with 3 sync dependencies and no bulkhead, as info', () => {
    const findings = findingsOf(makeDesign(nodes, calls), 'missing-bulkhead');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'info', nodes: ['order', 'payment', 'stock', 'db'], links: ['order->payment', 'order->stock', 'order->db'] },
    ]);
    expect(findings[0]!.message).toBe('Order has 3 sync dependencies (Payment, Stock and Db) and no bulkhead on any');
  });

  it('stays silent when one dependency has a bulkhead, or with fewer than 3', () => {
    const guarded = [...calls.slice(0, 2), safeSync('order', 'db', { bulkhead: { maxConcurrent: 10 } })];
    expect(findingsOf(makeDesign(nodes, guarded), 'missing-bulkhead')).toEqual([]);
    expect(findingsOf(makeDesign(nodes, calls.slice(0, 2)), 'missing-bulkhead')).toEqual([]);
  });

  it('`min` changes the count', () => {
    const design = makeDesign(nodes, calls.slice(0, 2), { rules: { 'missing-bulkhead': { min: 2 } } });
    expect(findingsOf(design, 'missing-bulkhead').map((f) => f.nodes[0])).toEqual(['order']);
    const strict = makeDesign(nodes, calls, { rules: { 'missing-bulkhead': { min: 4 } } });
    expect(findingsOf(strict, 'missing-bulkhead')).toEqual([]);
  });
});
