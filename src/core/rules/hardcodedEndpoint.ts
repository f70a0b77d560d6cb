import type { FindingDraft, Rule } from './types';
import { listNames, unique } from './text';

export const hardcodedEndpoint: Rule = {
  id: 'hardcoded-endpoint',
  defaultSeverity: 'warning',
  title: 'Hard-coded endpoint',
  description:
    'A service with `discovery: static` is called synchronously: its callers hold a fixed address, so it cannot move, scale out or fail over.',
  fix: 'Use DNS, a registry or a service mesh.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let v = 0; v < graph.nodeIds.length; v++) {
      const node = graph.nodes[v]!;
      const calls = graph.syncIn[v]!;
      if (node.kind !== 'service' || node.discovery !== 'static' || calls.length === 0) continue;
      const callers = unique(calls.map((j) => graph.linkFrom[j]!));
      out.push({
        message: `${listNames(callers.map(nameOf))} reach ${nameOf(v)} at a static address`,
        nodes: [graph.nodeIds[v]!, ...callers.map((c) => graph.nodeIds[c]!)],
        links: calls.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
