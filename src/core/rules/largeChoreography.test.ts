import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

const nodes = { order: service(), payment: service(), stock: service(), ship: service(), bus: broker() };
const links = [
  async('order', 'bus', { channel: 'order.placed' }),
  async('bus', 'payment', { channel: 'order.placed' }),
  async('payment', 'bus', { channel: 'payment.done' }),
  async('bus', 'stock', { channel: 'payment.done' }),
  async('stock', 'bus', { channel: 'stock.reserved' }),
  async('bus', 'ship', { channel: 'stock.reserved' }),
];
const steps = links.map((l) => ({ link: `${l.from}->${l.to}:${l.channel!}` }));

describe('large-choreography', () => {
  it('suggests orchestration for a choreography saga with four participants', () => {
    const design = makeDesign(nodes, links, { flows: [{ name: 'Place order', saga: 'choreography', steps }] });
    const findings = findingsOf(design, 'large-choreography');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'payment', 'stock', 'ship'], links: steps.map((s) => s.link) },
    ]);
    expect(findings[0]!.message).toContain('4 participants (Order, Payment, Stock, Ship) and 0 compensations');
  });

  it('stays silent with three participants, for an orchestrated saga, and under a raised threshold', () => {
    const three = makeDesign(nodes, links.slice(0, 4), {
      flows: [{ name: 'Place order', saga: 'choreography', steps: steps.slice(0, 4) }],
    });
    expect(findingsOf(three, 'large-choreography')).toEqual([]);
    const orchestrated = makeDesign(nodes, links, { flows: [{ name: 'Place order', saga: 'orchestration', steps }] });
    expect(findingsOf(orchestrated, 'large-choreography')).toEqual([]);
    const raised = makeDesign(nodes, links, {
      flows: [{ name: 'Place order', saga: 'choreography', steps }],
      rules: { 'large-choreography': { min: 5 } },
    });
    expect(findingsOf(raised, 'large-choreography')).toEqual([]);
  });

  it('counts compensations too', () => {
    const design = makeDesign(nodes, links, {
      flows: [
        {
          name: 'Place order',
          saga: 'choreography',
          steps: steps.slice(0, 4).map((s) => ({ ...s, compensation: 'undo' })),
        },
      ],
    });
    expect(findingsOf(design, 'large-choreography')).toHaveLength(1);
    // The near miss: the same three participants with three compensations.
    const three = makeDesign(nodes, links, {
      flows: [
        {
          name: 'Place order',
          saga: 'choreography',
          steps: steps.slice(0, 4).map((s, i) => (i < 3 ? { ...s, compensation: 'undo' } : s)),
        },
      ],
    });
    expect(findingsOf(three, 'large-choreography')).toEqual([]);
  });
});
