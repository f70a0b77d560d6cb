import type { FindingDraft, Rule } from './types';
import { getReachable } from '../graph/reachability';
import { formatPercent, listNames } from './text';

export const availabilityBudget: Rule = {
  id: 'availability-budget',
  defaultSeverity: 'warning',
  title: 'Availability budget exceeded',
  description:
    'An entry point’s sync dependencies, each counted once, multiply to an availability below the entry’s own stated `availability`: the promise cannot be kept when every call must succeed. Dependencies that state no availability count as 100%.',
  fix: 'Fewer sync dependencies, fallbacks, or async.',
  check({ graph, getEntryPoints, nameOf }) {
    const out: FindingDraft[] = [];
    for (const entry of getEntryPoints()) {
      const target = graph.nodes[entry]!.availability;
      if (target === undefined) continue;
      // One walk per entry that states a target: few in practice (clients and gateways).
      const reachable = getReachable(graph, [entry], 'sync');
      let product = 1;
      const stated: number[] = [];
      for (let v = 0; v < reachable.length; v++) {
        if (!reachable[v] || v === entry) continue;
        const a = graph.nodes[v]!.availability;
        if (a === undefined || a >= 100) continue;
        product *= a / 100;
        stated.push(v);
      }
      const composite = product * 100;
      if (!(composite < target)) continue;
      out.push({
        message: `${nameOf(entry)} promises ${formatPercent(target)} but its sync dependencies multiply to ${formatPercent(composite)} (${listNames(stated.map((v) => `${nameOf(v)} ${formatPercent(graph.nodes[v]!.availability!)}`))})`,
        nodes: [graph.nodeIds[entry]!, ...stated.map((v) => graph.nodeIds[v]!)],
        links: [],
      });
    }
    return out;
  },
};
