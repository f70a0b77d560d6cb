import { describe, expect, it } from 'vitest';
import { findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('broken-trace', () => {
  it('reports a sync call between a tracing and a non-tracing service, either way', () => {
    const design = makeDesign(
      { order: service({ tracing: true }), legacy: service({ tracing: false }), payment: service({ tracing: true }) },
      [safeSync('order', 'legacy'), safeSync('legacy', 'payment')],
    );
    const findings = findingsOf(design, 'broken-trace');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'legacy'], links: ['order->legacy'] },
      { severity: 'warning', nodes: ['legacy', 'payment'], links: ['legacy->payment'] },
    ]);
    expect(findings[0]!.message).toBe(
      'The trace stops at Legacy: Order calls Legacy and only one of them propagates trace context',
    );
  });

  it('stays silent when both trace, or when tracing is not stated', () => {
    const design = makeDesign({ order: service({ tracing: true }), payment: service({ tracing: true }), legacy: service() }, [
      safeSync('order', 'payment'),
      safeSync('order', 'legacy'),
    ]);
    expect(findingsOf(design, 'broken-trace')).toEqual([]);
  });
});
