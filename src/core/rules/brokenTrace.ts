import type { FindingDraft, Rule } from './types';

export const brokenTrace: Rule = {
  id: 'broken-trace',
  defaultSeverity: 'warning',
  title: 'Trace context stops',
  description:
    'A service with `tracing: false` calls, or is called synchronously by, a service with `tracing: true`: the distributed trace stops there.',
  fix: 'Propagate W3C trace context through every hop.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      if (graph.links[j]!.kind !== 'sync') continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      const a = graph.nodes[from];
      const b = graph.nodes[to];
      if (a?.kind !== 'service' || b?.kind !== 'service') continue;
      // Only stated values count: a service that says nothing about tracing is not known to break it.
      const stop = a.tracing === true && b.tracing === false ? to : a.tracing === false && b.tracing === true ? from : -1;
      if (stop < 0) continue;
      out.push({
        message: `The trace stops at ${nameOf(stop)}: ${nameOf(from)} calls ${nameOf(to)} and only one of them propagates trace context`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
