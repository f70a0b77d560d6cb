import type { NodeKind } from '../model/types';
import type { Rule } from './types';

// Clients are outside the design's control, and brokers take async links only.
const CALLERS: ReadonlySet<NodeKind> = new Set(['service', 'gateway']);
const CALLEES: ReadonlySet<NodeKind> = new Set(['service', 'gateway', 'external', 'database']);

export const missingTimeout: Rule = {
  id: 'missing-timeout',
  defaultSeverity: 'error',
  title: 'Sync call without a timeout',
  description:
    'A sync link from a service or gateway to a service, gateway, external or database has no `timeoutMs`: a hung callee holds the caller’s threads and connections until they run out.',
  fix: 'Set a timeout near the callee’s p99.9 latency.',
  check({ graph, nameOf }) {
    const out = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      if (link.kind !== 'sync' || from < 0 || to < 0 || link.timeoutMs !== undefined) continue;
      if (!CALLERS.has(graph.kinds[from]!) || !CALLEES.has(graph.kinds[to]!)) continue;
      out.push({
        message: `${nameOf(from)} calls ${nameOf(to)} with no timeout`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
