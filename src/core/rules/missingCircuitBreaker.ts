import type { NodeKind } from '../model/types';
import type { Rule } from './types';

const CALLERS: ReadonlySet<NodeKind> = new Set(['service', 'gateway']);
// Databases are left out: a pool limit and a timeout guard them; breakers protect remote services.
const CALLEES: ReadonlySet<NodeKind> = new Set(['service', 'external']);

export const missingCircuitBreaker: Rule = {
  id: 'missing-circuit-breaker',
  defaultSeverity: 'warning',
  title: 'Sync call without a circuit breaker',
  description:
    'A sync link from a service or gateway to a service or external has no `breaker`: when the callee fails, every caller keeps waiting on it instead of failing fast.',
  fix: 'Add a circuit breaker with a fallback.',
  check({ graph, nameOf }) {
    const out = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      if (link.kind !== 'sync' || from < 0 || to < 0 || link.breaker !== undefined) continue;
      if (!CALLERS.has(graph.kinds[from]!) || !CALLEES.has(graph.kinds[to]!)) continue;
      out.push({
        message: `${nameOf(from)} calls ${nameOf(to)} with no circuit breaker`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
