import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('availability-budget', () => {
  const links = [
    safeSync('gw', 'order'),
    safeSync('order', 'payment'),
    safeSync('gw', 'payment'),
    async('order', 'bus', { channel: 'x' }),
  ];

  it('reports an entry point whose sync dependencies multiply below its promise, counting each once', () => {
    const design = makeDesign(
      {
        gw: gateway({ name: 'API', availability: 99.9 }),
        order: service({ availability: 99.95 }),
        payment: service({ availability: 99.9 }),
        bus: broker({ availability: 90 }),
      },
      links,
    );
    const findings = findingsOf(design, 'availability-budget');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'warning', nodes: ['gw', 'order', 'payment'], links: [] }]);
    expect(findings[0]!.message).toBe(
      'API promises 99.9% but its sync dependencies multiply to 99.85% (Order 99.95% and Payment 99.9%)',
    );
  });

  it('stays silent when the dependencies fit, or the entry states no promise', () => {
    const fits = makeDesign(
      {
        gw: gateway({ availability: 99.9 }),
        order: service({ availability: 99.99 }),
        payment: service({ availability: 99.95 }),
        bus: broker(),
      },
      links,
    );
    expect(findingsOf(fits, 'availability-budget')).toEqual([]);
    const noPromise = makeDesign(
      { gw: gateway(), order: service({ availability: 90 }), payment: service(), bus: broker() },
      links,
    );
    expect(findingsOf(noPromise, 'availability-budget')).toEqual([]);
  });
});
