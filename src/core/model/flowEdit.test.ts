import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { writeDesignYaml } from '../format/write';
import { mermaidSequences } from '../export/mermaidSequence';
import type { Design } from './types';
import {
  addFlow,
  appendStep,
  deleteFlow,
  moveStep,
  nextFlowName,
  removeStep,
  renameFlow,
  setFlowSaga,
  updateStep,
} from './flowEdit';

const BASE: Design = {
  signalbox: 1,
  name: 'Orders',
  nodes: {
    gw: { kind: 'gateway', name: 'Gateway' },
    order: { kind: 'service', name: 'Order' },
    bus: { kind: 'broker', name: 'Kafka' },
    pay: { kind: 'service', name: 'Payment' },
  },
  links: [
    { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
    { from: 'bus', to: 'pay', kind: 'async', channel: 'order.created' },
  ],
};

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`edit refused: ${(result as unknown as { error: string }).error}`);
  return result as Extract<T, { ok: true }>;
}

/** A flow built as the Flows tab builds one: name, three links in order, marks. */
function placeOrder(): Design {
  let d = ok(addFlow(BASE, 'Place order')).design;
  for (const link of ['gw->order', 'order->bus:order.created', 'bus->pay:order.created']) d = ok(appendStep(d, 0, link)).design;
  d = ok(setFlowSaga(d, 0, 'choreography')).design;
  d = ok(updateStep(d, 0, 0, { compensation: 'cancel order' })).design;
  d = ok(updateStep(d, 0, 2, { pivot: true })).design;
  return d;
}

describe('flow edits', () => {
  it('build a flow the reader accepts and the sequence export draws', () => {
    const design = placeOrder();
    // The real consumers: the file written and read back, and the Mermaid exporter.
    const read = readDesign(writeDesignYaml(design));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.design!.flows).toEqual([
      {
        name: 'Place order',
        saga: 'choreography',
        steps: [
          { link: 'gw->order', compensation: 'cancel order' },
          { link: 'order->bus:order.created' },
          { link: 'bus->pay:order.created', pivot: true },
        ],
      },
    ]);
    const text = mermaidSequences(design)[0]!.text;
    expect(text).toContain('title Place order (choreography saga)');
    expect(text).toContain('compensation: cancel order');
    expect(text).toContain('pivot (go/no-go)');
  });

  it('a saga has one pivot: marking another unmarks the first; false removes a flag', () => {
    let d = placeOrder();
    d = ok(updateStep(d, 0, 1, { pivot: true })).design;
    expect(d.flows![0]!.steps.map((s) => s.pivot === true)).toEqual([false, true, false]);
    d = ok(updateStep(d, 0, 1, { pivot: false, readOnly: true })).design;
    expect(d.flows![0]!.steps[1]).toEqual({ link: 'order->bus:order.created', readOnly: true });
    d = ok(updateStep(d, 0, 0, { compensation: '  ' })).design;
    expect(d.flows![0]!.steps[0]).toEqual({ link: 'gw->order' });
  });

  it('refuses bad input with a short message and changes nothing', () => {
    const d = placeOrder();
    expect(addFlow(d, '  ')).toEqual({ ok: false, error: 'a flow needs a name' });
    expect(addFlow(d, 'Place order')).toEqual({ ok: false, error: 'a flow named "Place order" already exists' });
    expect(renameFlow(d, 0, '')).toEqual({ ok: false, error: 'a flow needs a name' });
    expect(appendStep(d, 0, 'gw->nowhere')).toEqual({ ok: false, error: 'no link gw->nowhere' });
    expect(removeStep(d, 0, 9)).toEqual({ ok: false, error: 'no step 10' });
    expect(moveStep(d, 3, 0, 1)).toEqual({ ok: false, error: 'no flow 4' });
  });

  it('names, renames and deletes flows; the last one gone removes flows:', () => {
    let d = placeOrder();
    expect(nextFlowName(d)).toBe('Flow 2');
    d = ok(renameFlow(d, 0, ' Checkout ')).design;
    expect(d.flows![0]!.name).toBe('Checkout');
    d = ok(deleteFlow(d, 0)).design;
    expect('flows' in d).toBe(false);
  });

  it('moving a step is a permutation that puts it where asked; removing keeps the order of the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.integer({ min: -3, max: 15 }), (count, fromSeed, to) => {
        let d = ok(addFlow(BASE, 'F')).design;
        for (let i = 0; i < count; i++)
          d = ok(appendStep(d, 0, BASE.links.map((l) => `${l.from}->${l.to}${l.channel ? `:${l.channel}` : ''}`)[i % 3]!)).design;
        d = { ...d, flows: [{ ...d.flows![0]!, steps: d.flows![0]!.steps.map((s, i) => ({ ...s, compensation: `c${i}` })) }] };
        const from = fromSeed % count;
        const before = d.flows![0]!.steps.map((s) => s.compensation);
        const after = ok(moveStep(d, 0, from, to)).design.flows![0]!.steps.map((s) => s.compensation);
        expect([...after].sort()).toEqual([...before].sort());
        expect(after.indexOf(`c${from}`)).toBe(Math.max(0, Math.min(count - 1, to)));
        const removed = ok(removeStep(d, 0, from)).design.flows![0]!.steps.map((s) => s.compensation);
        expect(removed).toEqual(before.filter((_, i) => i !== from));
      }),
    );
  });
});
