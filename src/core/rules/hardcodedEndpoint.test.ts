import { describe, expect, it } from 'vitest';
import { findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('hardcoded-endpoint', () => {
  it('reports a statically addressed service that is called synchronously', () => {
    const design = makeDesign({ order: service(), cart: service(), legacy: service({ discovery: 'static' }) }, [
      safeSync('order', 'legacy'),
      safeSync('cart', 'legacy'),
    ]);
    const findings = findingsOf(design, 'hardcoded-endpoint');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['legacy', 'order', 'cart'], links: ['order->legacy', 'cart->legacy'] },
    ]);
    expect(findings[0]!.message).toBe('Order and Cart reach Legacy at a static address');
  });

  it('stays silent for discovered services, and for a static one nobody calls', () => {
    const design = makeDesign(
      { order: service(), legacy: service({ discovery: 'dns' }), batch: service({ discovery: 'static' }) },
      [safeSync('order', 'legacy'), safeSync('batch', 'order')],
    );
    expect(findingsOf(design, 'hardcoded-endpoint')).toEqual([]);
  });
});
