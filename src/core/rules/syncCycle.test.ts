import { describe, expect, it } from 'vitest';
import { findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('sync-cycle', () => {
  it('reports services that call each other in a loop, with every link of the loop', () => {
    const design = makeDesign({ order: service(), payment: service(), stock: service(), mail: service() }, [
      safeSync('order', 'payment'),
      safeSync('payment', 'stock'),
      safeSync('stock', 'order'),
      safeSync('order', 'mail'),
    ]);
    const findings = findingsOf(design, 'sync-cycle');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'error', nodes: ['order', 'payment', 'stock'], links: ['order->payment', 'payment->stock', 'stock->order'] },
    ]);
    expect(findings[0]!.message).toBe('Order, Payment and Stock call each other synchronously in a loop');
  });

  it('reports a self-loop', () => {
    const design = makeDesign({ order: service() }, [safeSync('order', 'order')]);
    expect(findingsOf(design, 'sync-cycle').map((f) => [f.message, f.links])).toEqual([
      ['Order calls itself synchronously', ['order->order']],
    ]);
  });

  it('stays silent when the loop is closed by an event instead of a call', () => {
    const design = makeDesign({ order: service(), payment: service(), stock: service() }, [
      safeSync('order', 'payment'),
      safeSync('payment', 'stock'),
      { from: 'stock', to: 'order', kind: 'async', channel: 'stock.reserved' },
    ]);
    expect(findingsOf(design, 'sync-cycle')).toEqual([]);
  });

  it('can be turned off', () => {
    const design = makeDesign({ a: service(), b: service() }, [safeSync('a', 'b'), safeSync('b', 'a')], {
      rules: { 'sync-cycle': 'off' },
    });
    expect(findingsOf(design, 'sync-cycle')).toEqual([]);
  });
});
