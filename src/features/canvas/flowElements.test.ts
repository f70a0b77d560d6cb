import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adoptUserNodes, getNodesInside } from '@xyflow/system';
import type { DesignNode, Link } from '../../core/model/types';
import {
  getLinkLabel,
  getLinkLanes,
  getShortLabel,
  LABEL_MAX_CHARS,
  syncFlowEdges,
  syncFlowNodes,
  type DesignFlowNode,
} from './flowElements';

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

describe('accessible names', () => {
  const nodes = {
    gw: { kind: 'gateway', name: 'API Gateway', at: [0, 0] },
    order: { kind: 'service', name: 'Order', at: [300, 0] },
  } as const satisfies Record<string, DesignNode>;
  const link: Link = { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest', version: 'v1' };

  it('names a card by its name and a link by its cards and label, not by ids', () => {
    expect(syncFlowNodes([], nodes, new Set())[1]!.ariaLabel).toBe('Order');
    expect(syncFlowEdges(new Map(), [link], new Set(), nodes)[0]!.ariaLabel).toBe('API Gateway to Order: REST v1');
  });

  it('renames a link when a card at its end is renamed, and keeps it when nothing changed', () => {
    const first = syncFlowEdges(new Map(), [link], new Set(), nodes);
    const cache = new Map(first.map((e) => [e.id, e]));
    expect(syncFlowEdges(cache, [link], new Set(), nodes)[0]).toBe(first[0]);
    const renamed = { ...nodes, order: { ...nodes.order, name: 'Orders' } };
    expect(syncFlowEdges(cache, [link], new Set(), renamed)[0]!.ariaLabel).toBe('API Gateway to Orders: REST v1');
  });
});

describe('node geometry before drawing', () => {
  // React Flow's own culling (its consumer): a node it has never measured is drawn regardless.
  const nodes = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [
      `s${i}`,
      { kind: 'service' as const, name: `S${i}`, at: [i * 300, 0] as [number, number] },
    ]),
  );
  const screen = { x: 0, y: 0, width: 1000, height: 500 };
  const culled = (flowNodes: readonly DesignFlowNode[]) => {
    const lookup = new Map();
    adoptUserNodes(flowNodes as DesignFlowNode[], lookup, new Map(), { checkEquality: false });
    return getNodesInside(lookup, screen, [0, 0, 1], true).map((n) => n.id);
  };

  it('lets culling draw only the nodes on screen, none of them measured yet', () => {
    expect(culled(syncFlowNodes([], nodes, new Set()))).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('near miss: without the handles given, every unmeasured node is drawn once', () => {
    const bare = syncFlowNodes([], nodes, new Set()).map(({ handles: _, ...n }) => n);
    expect(culled(bare)).toHaveLength(50);
  });
});
