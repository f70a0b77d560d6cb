import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, applyLayout, placeUnplacedNodes, toLayoutGraph } from './layout';
import type { Design } from '../model/types';

const design: Design = {
  signalbox: 1,
  name: 'd',
  nodes: { a: { kind: 'service', name: 'A', at: [0, 0] }, b: { kind: 'service', name: 'B' }, c: { kind: 'service', name: 'C' } },
  links: [
    { from: 'a', to: 'b', kind: 'sync' },
    { from: 'a', to: 'b', kind: 'async', channel: 'x' },
    { from: 'a', to: 'c', kind: 'sync' },
  ],
};

describe('layout', () => {
  it('builds a layered left-to-right graph with one edge per connected pair', () => {
    const graph = toLayoutGraph(design);
    expect(graph.layoutOptions['elk.direction']).toBe('RIGHT');
    expect(graph.children).toHaveLength(3);
    expect(graph.edges).toHaveLength(2);
  });

  it('applies positions as rounded `at`', () => {
    const next = applyLayout(design, [{ id: 'b', x: 10.4, y: 20.6 }]);
    expect(next.nodes.b?.at).toEqual([10, 21]);
  });

  it('places unplaced nodes beside their linked node, without overlapping', () => {
    const positions = placeUnplacedNodes(design);
    expect(positions.b?.[0]).toBeGreaterThan(NODE_WIDTH);
    const [b, c] = [positions.b!, positions.c!];
    const overlap = Math.abs(b[0] - c[0]) < NODE_WIDTH && Math.abs(b[1] - c[1]) < NODE_HEIGHT;
    expect(overlap).toBe(false);
  });
});
