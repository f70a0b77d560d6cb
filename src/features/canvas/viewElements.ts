/**
 * What a view (state/viewStore) adds to the canvas: a collapsed group or team as one node, and the
 * links between drawn ends folded into one edge. Derived like flowElements, never owned.
 */
import type { Edge, Node } from '@xyflow/react';
import type { RolledUpLink, ViewAggregate } from '../../core/views/view';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';

export type AggregateFlowNode = Node<{ aggregate: ViewAggregate }, 'aggregate'>;
export type RollupFlowEdge = Edge<{ rollup: RolledUpLink }, 'rollup'>;

export function toAggregateNodes(aggregates: readonly ViewAggregate[]): AggregateFlowNode[] {
  return aggregates.map((aggregate) => ({
    id: aggregate.id,
    type: 'aggregate',
    position: { x: aggregate.at[0], y: aggregate.at[1] },
    data: { aggregate },
    draggable: false,
    selectable: false,
    connectable: false,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));
}

export function toRollupEdges(rolledUp: readonly RolledUpLink[]): RollupFlowEdge[] {
  return rolledUp.map((rollup) => ({
    id: rollup.id,
    type: 'rollup',
    source: rollup.from,
    target: rollup.to,
    sourceHandle: 'out',
    targetHandle: 'in',
    selectable: false,
    data: { rollup },
  }));
}

/** `3 calls · 2 messages`: what a folded edge stands for. */
export function getRollupLabel(r: Pick<RolledUpLink, 'sync' | 'async'>): string {
  const parts: string[] = [];
  if (r.sync > 0) parts.push(`${r.sync} call${r.sync === 1 ? '' : 's'}`);
  if (r.async > 0) parts.push(`${r.async} message${r.async === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
