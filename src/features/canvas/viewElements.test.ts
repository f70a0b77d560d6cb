import { describe, expect, it } from 'vitest';
import { getAggregateName, toAggregateNodes, toRollupEdges } from './viewElements';
import type { RolledUpLink, ViewAggregate } from '../../core/views/view';

const group: ViewAggregate = {
  id: 'group:payments',
  grouping: 'group',
  key: 'payments',
  members: ['payment', 'paymentdb'],
  innerLinks: 1,
  at: [0, 0],
  kinds: { service: 1, database: 1 },
};

describe('view elements are named in the words on the canvas', () => {
  it('names a collapsed group or team by what it is and its key', () => {
    expect(getAggregateName(group)).toBe('Group payments');
    expect(getAggregateName({ grouping: 'team', key: 'ordering' })).toBe('Team ordering');
    expect(toAggregateNodes([group])[0]?.ariaLabel).toBe('Group payments');
  });

  it('names a folded link by its drawn ends and what it stands for', () => {
    const rollup: RolledUpLink = {
      id: 'rollup:a',
      from: 'order',
      to: 'group:payments',
      links: ['x', 'y', 'z'],
      sync: 2,
      async: 1,
    };
    const names: Record<string, string> = { order: 'Order', 'group:payments': 'Group payments' };
    const [edge] = toRollupEdges([rollup], (id) => names[id] ?? id);
    expect(edge?.ariaLabel).toBe('Order to Group payments: 2 calls · 1 message');
    // Without names, the ids (never React Flow's default "Edge from ...").
    expect(toRollupEdges([{ ...rollup, sync: 0 }])[0]?.ariaLabel).toBe('order to group:payments: 1 message');
  });
});
