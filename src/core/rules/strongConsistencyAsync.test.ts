import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

const nodes = { order: service(), payment: service(), bus: broker() };
const links = [
  safeSync('order', 'payment'),
  async('order', 'bus', { channel: 'order.placed' }),
  async('bus', 'payment', { channel: 'order.placed' }),
];

describe('strong-consistency-async', () => {
  it('reports a strongly consistent flow with an async step', () => {
    const design = makeDesign(nodes, links, {
      flows: [{ name: 'Pay', consistency: 'strong', steps: [{ link: 'order->payment' }, { link: 'order->bus:order.placed' }] }],
    });
    const findings = findingsOf(design, 'strong-consistency-async');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'error', nodes: ['order', 'bus'], links: ['order->bus:order.placed'] }]);
    expect(findings[0]!.message).toBe(
      'Flow "Pay" is marked strongly consistent but crosses an async link: Order → Bus (order.placed)',
    );
  });

  it('stays silent for a strong flow of sync steps and for an eventual flow with async steps', () => {
    const design = makeDesign(nodes, links, {
      flows: [
        { name: 'Pay', consistency: 'strong', steps: [{ link: 'order->payment' }] },
        { name: 'Notify', consistency: 'eventual', steps: [{ link: 'order->bus:order.placed' }] },
        { name: 'Unstated', steps: [{ link: 'bus->payment:order.placed' }] },
      ],
    });
    expect(findingsOf(design, 'strong-consistency-async')).toEqual([]);
  });
});
