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
    // Named as a screen reader (and e2e) finds it: `Group payments`, `Team ordering`.
    ariaLabel: getAggregateName(aggregate),
  }));
}

/** A collapsed group's or team's accessible name, in the words on its card. */
export function getAggregateName(aggregate: Pick<ViewAggregate, 'grouping' | 'key'>): string {
  return `${aggregate.grouping === 'group' ? 'Group' : 'Team'} ${aggregate.key}`;
}

/**
 * `nameOf` names a drawn end (a card's name, or an aggregate's `Group payments`): a folded link is
 * named like a link, `Group payments to Group ordering: 3 calls · 2 messages`.
 */
export function toRollupEdges(rolledUp: readonly RolledUpLink[], nameOf: (id: string) => string = (id) => id): RollupFlowEdge[] {
  return rolledUp.map((rollup) => ({
    id: rollup.id,
    type: 'rollup',
    source: rollup.from,
    target: rollup.to,
    sourceHandle: 'out',
    targetHandle: 'in',
    selectable: false,
    ariaLabel: `${nameOf(rollup.from)} to ${nameOf(rollup.to)}: ${getRollupLabel(rollup)}`,
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
