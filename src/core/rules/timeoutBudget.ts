import type { Rule } from './types';

export const timeoutBudget: Rule = {
  id: 'timeout-budget',
  defaultSeverity: 'error',
  title: 'Timeout shorter than the callee’s worst case',
  description:
    'A caller gives up before its callee can finish: timeout(u→v) < W(v), where W(v) = own `latencyMs` + the sum over its sync calls of attempts × timeout (+ backoff). The callee keeps working for an answer nobody waits for, and retries pile up.',
  fix: 'Propagate deadlines, and shrink timeouts going down the chain.',
  check({ graph, getWorstCaseMs, nameOf }) {
    const worst = getWorstCaseMs();
    const out = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      if (link.kind !== 'sync' || from < 0 || to < 0 || link.timeoutMs === undefined) continue;
      const budget = worst[to]!;
      if (!(link.timeoutMs < budget)) continue;
      out.push({
        message: `${nameOf(from)} waits ${link.timeoutMs} ms for ${nameOf(to)}, but ${nameOf(to)} can take up to ${Math.round(budget)} ms`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
