import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addNode, isGeneratedNodeId, pasteElements, copyElements, renameNode } from './edit';
import { getLinkId } from './ids';
import { validateDesign } from './validate';
import type { Design } from './types';

function twoServices(): { design: Design; a: string; b: string } {
  const first = addNode({ signalbox: 1, name: 'T', nodes: {}, links: [] }, 'service', [0, 0]);
  const second = addNode(first.design, 'service', [300, 0]);
  const design: Design = {
    ...second.design,
    links: [{ from: first.id, to: second.id, kind: 'sync', protocol: 'rest' }],
    flows: [{ name: 'Pay', steps: [{ link: `${first.id}->${second.id}` }] }],
  };
  return { design, a: first.id, b: second.id };
}

describe('isGeneratedNodeId', () => {
  it('knows the ids the app makes from a name, and no other', () => {
    expect(isGeneratedNodeId('service', 'Service')).toBe(true);
    expect(isGeneratedNodeId('service-2', 'Service 2')).toBe(true);
    expect(isGeneratedNodeId('payment-3-2', 'Payment 3')).toBe(true);
    // Near misses: a chosen id, a longer word, a suffix that is not a number.
    expect(isGeneratedNodeId('pay', 'Payment')).toBe(false);
    expect(isGeneratedNodeId('services', 'Service')).toBe(false);
    expect(isGeneratedNodeId('service-eu', 'Service')).toBe(false);
  });
});

describe('renameNode', () => {
  it('moves a generated id to the new name, with its links and flow steps', () => {
    const { design, a, b } = twoServices();
    expect(b).toBe('service-2');
    const renamed = renameNode(design, b, 'Payment');
    expect(renamed.id).toBe('payment');
    expect(renamed.design.nodes.payment?.name).toBe('Payment');
    expect(renamed.design.nodes[b]).toBeUndefined();
    expect(renamed.design.links[0]).toMatchObject({ from: a, to: 'payment' });
    expect(renamed.design.flows?.[0]?.steps[0]?.link).toBe(`${a}->payment`);
    expect(validateDesign(renamed.design).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('takes the next free id when the name is taken, and keeps an id a person chose', () => {
    const { design, b } = twoServices();
    const taken = { ...design, nodes: { ...design.nodes, payment: { kind: 'service' as const, name: 'Old payment' } } };
    expect(renameNode(taken, b, 'Payment').id).toBe('payment-2');
    const chosen = { ...design, nodes: { ...design.nodes, pay: { kind: 'service' as const, name: 'Payment' } } };
    const kept = renameNode(chosen, 'pay', 'Billing');
    expect(kept.id).toBe('pay');
    expect(kept.design.nodes.pay?.name).toBe('Billing');
  });

  it('renames a pasted copy (payment-3-2) to its new name', () => {
    const start = addNode({ signalbox: 1, name: 'T', nodes: {}, links: [] }, 'service', [0, 0], 'Payment 3');
    const pasted = pasteElements(start.design, copyElements(start.design, [start.id]), [40, 40]);
    expect(pasted.nodeIds[0]).toBe('payment-3-2');
    expect(renameNode(pasted.design, 'payment-3-2', 'Refunds').id).toBe('refunds');
  });

  it('leaves every link and flow step naming a node of the design, whatever the name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.boolean(), (name, whichEnd) => {
        const { design, a, b } = twoServices();
        const result = renameNode(design, whichEnd ? a : b, name || 'x');
        const ids = new Set(result.design.links.map(getLinkId));
        expect(result.design.nodes[result.id]?.name).toBe(name || 'x');
        for (const link of result.design.links) {
          expect(result.design.nodes[link.from]).toBeDefined();
          expect(result.design.nodes[link.to]).toBeDefined();
        }
        for (const step of result.design.flows?.[0]?.steps ?? []) expect(ids.has(step.link)).toBe(true);
        expect(Object.keys(result.design.nodes)).toHaveLength(2);
      }),
    );
  });
});
