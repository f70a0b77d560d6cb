import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getLinkLabel, getLinkLanes, getShortLabel, LABEL_MAX_CHARS, syncFlowNodes } from './flowElements';

describe('link labels', () => {
  it('labels sync links by protocol and version, async links by channel', () => {
    expect(getLinkLabel({ from: 'a', to: 'b', kind: 'sync', protocol: 'grpc', version: 'v2' })).toBe('gRPC v2');
    expect(getLinkLabel({ from: 'a', to: 'b', kind: 'async', channel: 'order.created' })).toBe('order.created');
  });

  it('keeps short labels as they are and cuts long ones to one short line', () => {
    expect(getShortLabel('order.created')).toBe('order.created');
    const long = getShortLabel(`orders.${'x'.repeat(5000)}`);
    expect(Array.from(long)).toHaveLength(LABEL_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(getShortLabel('a\nb')).toBe('a b');
    // Emoji are not split in half.
    expect(getShortLabel('🚚'.repeat(40)).startsWith('🚚'.repeat(31))).toBe(true);
  });
});

describe('link lanes', () => {
  it('leaves a lone link on lane 0 and spreads links between the same two nodes apart', () => {
    expect(getLinkLanes([{ from: 'a', to: 'b' }])).toEqual([0]);
    const lanes = getLinkLanes([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
      { from: 'a', to: 'c' },
    ]);
    expect(lanes[2]).toBe(0);
    // Opposite directions: the lanes are measured from each link's own source, so both read -0.5
    // yet sit on opposite sides of the line a-b.
    expect(lanes[0]).toBe(-0.5);
    expect(lanes[1]).toBe(-0.5);
  });

  it('gives every link of a group a distinct place across the line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (forward) => {
        const links = forward.map((f) => (f ? { from: 'a', to: 'b' } : { from: 'b', to: 'a' }));
        const canonical = getLinkLanes(links).map((lane, i) => (forward[i] ? lane : -lane));
        expect(new Set(canonical).size).toBe(links.length);
      }),
    );
  });
});

describe('flow nodes before and after React Flow measures them', () => {
  const nodes = { a: { kind: 'service' as const, name: 'A', at: [0, 0] as [number, number] } };

  it('declares the handles of a card it has not measured, so culling can leave it out', () => {
    const [node] = syncFlowNodes([], nodes, new Set());
    expect(node?.handles?.map((h) => [h.id, h.type])).toEqual([
      ['in', 'target'],
      ['out', 'source'],
    ]);
  });

  it('drops them once the card is measured, so what React Flow measured stays', () => {
    const [first] = syncFlowNodes([], nodes, new Set());
    const measured = { ...first!, measured: { width: 184, height: 64 } };
    // A selection change makes a new object for the node.
    const [next] = syncFlowNodes([measured], nodes, new Set(['a']));
    expect(next).not.toBe(measured);
    expect(next?.handles).toBeUndefined();
  });
});
