import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/types';
import { async, broker, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('saga-without-compensation', () => {
  const nodes = { gw: gateway(), order: service(), stock: service(), payment: service(), bus: broker() };
  const links = [
    safeSync('gw', 'order'),
    safeSync('order', 'stock'),
    safeSync('order', 'payment'),
    async('order', 'bus', { channel: 'order.placed' }),
  ];
  const saga = (steps: Flow['steps'], saga: Flow['saga'] = 'orchestration'): Flow[] => [{ name: 'Place order', saga, steps }];

  it('reports steps before the pivot with neither compensation nor readOnly', () => {
    const design = makeDesign(nodes, links, {
      flows: saga([
        { link: 'gw->order', readOnly: true },
        { link: 'order->stock' },
        { link: 'order->payment', pivot: true },
        { link: 'order->bus:order.placed' },
      ]),
    });
    const findings = findingsOf(design, 'saga-without-compensation');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'error', nodes: ['order', 'stock'], links: ['order->stock'] }]);
    expect(findings[0]!.message).toBe('Saga "Place order" has a step before its pivot with no compensation: Order → Stock');
  });

  it('uses the last step as the pivot when none is marked', () => {
    const design = makeDesign(nodes, links, { flows: saga([{ link: 'order->stock' }, { link: 'order->payment' }]) });
    expect(findingsOf(design, 'saga-without-compensation').map((f) => f.links)).toEqual([['order->stock']]);
  });

  it('stays silent when every step before the pivot is compensated, and for plain flows', () => {
    const compensated = makeDesign(nodes, links, {
      flows: saga([
        { link: 'order->stock', compensation: 'release stock' },
        { link: 'order->payment', pivot: true },
        { link: 'order->bus:order.placed' },
      ]),
    });
    expect(findingsOf(compensated, 'saga-without-compensation')).toEqual([]);
    const plain = makeDesign(nodes, links, {
      flows: [{ name: 'Browse', steps: [{ link: 'order->stock' }, { link: 'order->payment' }] }],
    });
    expect(findingsOf(plain, 'saga-without-compensation')).toEqual([]);
  });
});
