import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { getLinkId } from '../model/ids';
import { getTemplate, TEMPLATES } from './index';

// Canvas node size (about 200 x 64 px) plus a small margin so labels never touch.
const NODE_W = 200;
const NODE_H = 64;
const MARGIN = 20;

describe('templates', () => {
  it('offers food delivery first, then e-commerce, each found by id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['food-delivery', 'ecommerce']);
    for (const t of TEMPLATES) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('nope')).toBeUndefined();
  });

  for (const template of TEMPLATES) {
    describe(template.id, () => {
      const result = readDesign(template.yaml, `${template.id}.signalbox.yaml`);
      const design = result.design!;

      it('reads with no errors and no warnings', () => {
        expect(result.issues).toEqual([]);
        expect(design.name).toBe(template.name);
      });

      it('places every node, and no two nodes overlap', () => {
        const placed = Object.entries(design.nodes);
        for (const [id, node] of placed) expect(node.at, id).toBeDefined();
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            const [a, na] = placed[i]!;
            const [b, nb] = placed[j]!;
            const [ax, ay] = na.at!;
            const [bx, by] = nb.at!;
            const apart = Math.abs(ax - bx) >= NODE_W + MARGIN || Math.abs(ay - by) >= NODE_H + MARGIN;
            expect(apart, `${a} overlaps ${b}`).toBe(true);
          }
        }
      });

      it('lays out left to right: clients first, gateways next, services before brokers and externals', () => {
        const xs = (kind: string) =>
          Object.values(design.nodes)
            .filter((n) => n.kind === kind)
            .map((n) => n.at![0]);
        const maxClient = Math.max(...xs('client'));
        expect(Math.min(...xs('gateway'))).toBeGreaterThan(maxClient);
        expect(Math.min(...xs('service'))).toBeGreaterThan(Math.max(...xs('gateway')));
        for (const kind of ['broker', 'database']) expect(Math.min(...xs(kind))).toBeGreaterThan(Math.min(...xs('service')));
      });

      it('names every flow step after a link that exists', () => {
        const ids = new Set(design.links.map(getLinkId));
        for (const flow of design.flows ?? []) for (const step of flow.steps) expect(ids.has(step.link), step.link).toBe(true);
      });
    });
  }

  it('food delivery has the promised shape', () => {
    const design = readDesign(getTemplate('food-delivery')!.yaml).design!;
    const nodes = Object.values(design.nodes);
    const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
    expect(count('client')).toBe(3);
    expect(count('service')).toBe(8);
    expect(count('external')).toBe(3);
    expect(nodes.length).toBeLessThanOrEqual(22);
    const saga = design.flows?.find((f) => f.name === 'Place order');
    expect(saga?.saga).toBe('choreography');
    expect(saga?.steps.filter((s) => s.pivot)).toHaveLength(1);
    expect(saga?.steps.some((s) => s.compensation)).toBe(true);
    // Every consumer out of the broker has a dead-letter channel and de-duplicates.
    for (const link of design.links.filter((l) => l.kind === 'async' && design.nodes[l.from]?.kind === 'broker')) {
      expect(link.dlq, getLinkId(link)).toBeTruthy();
      expect(link.idempotent, getLinkId(link)).toBe(true);
    }
  });

  it('food delivery has exactly the one instructive error its header names: the gateway->order budget', () => {
    const design = readDesign(getTemplate('food-delivery')!.yaml).design!;
    const kind = (id: string) => design.nodes[id]?.kind;
    // missing-timeout stays silent: every call a service or gateway makes has one.
    const untimed = design.links.filter(
      (l) => l.kind === 'sync' && (kind(l.from) === 'service' || kind(l.from) === 'gateway') && l.timeoutMs === undefined,
    );
    expect(untimed.map(getLinkId)).toEqual([]);
    // timeout-budget: Order's own calls (attempts x timeout, no backoff counted) exceed the gateway's 4 s.
    const orderCalls = design.links.filter((l) => l.from === 'order' && l.kind === 'sync');
    const orderWorst =
      (design.nodes.order?.latencyMs ?? 0) +
      orderCalls.reduce((sum, l) => sum + (1 + (l.retry?.max ?? 0)) * (l.timeoutMs ?? 0), 0);
    const gatewayToOrder = design.links.find((l) => getLinkId(l) === 'gateway->order')!;
    expect(gatewayToOrder.timeoutMs).toBeLessThan(orderWorst);
    // shared-database stays silent: the one shared store is shared inside its bounded context.
    const users = design.links.filter((l) => l.to === 'restaurantdb').map((l) => design.nodes[l.from]?.group);
    expect(new Set(users)).toEqual(new Set(['restaurants']));
  });
});
