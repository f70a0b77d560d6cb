import type { Link, NodeKind } from '../model/types';
import type { FindingDraft, RuleContext } from './types';

// Clients are outside the design's control, and brokers take async links only.
const CALLERS: ReadonlySet<NodeKind> = new Set(['service', 'gateway']);

/**
 * One finding per sync link, in design order, from a service or gateway to one of `callees` that
 * `isGuarded` rejects: `A calls B with no <missing>`. Shared by missing-timeout and
 * missing-circuit-breaker, which differ only in the callees they cover and the guard they ask for.
 */
export function findUnguardedCalls(
  { graph, nameOf }: Pick<RuleContext, 'graph' | 'nameOf'>,
  callees: ReadonlySet<NodeKind>,
  isGuarded: (link: Link) => boolean,
  missing: string,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (let j = 0; j < graph.links.length; j++) {
    const link = graph.links[j]!;
    const from = graph.linkFrom[j]!;
    const to = graph.linkTo[j]!;
    if (link.kind !== 'sync' || from < 0 || to < 0 || isGuarded(link)) continue;
    if (!CALLERS.has(graph.kinds[from]!) || !callees.has(graph.kinds[to]!)) continue;
    out.push({
      message: `${nameOf(from)} calls ${nameOf(to)} with no ${missing}`,
      nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
      links: [graph.linkIds[j]!],
    });
  }
  return out;
}
