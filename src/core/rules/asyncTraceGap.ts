import type { FindingDraft, Rule } from './types';
import { getConsumersOf, getPublishersOf, isConsumption, isPublication } from '../graph/messaging';

export const asyncTraceGap: Rule = {
  id: 'async-trace-gap',
  defaultSeverity: 'warning',
  title: 'Trace context lost across an async hop',
  description:
    'An async link states `traceContext: false` although the service on this side and a service on the other side of the broker both have `tracing: true`: the trace of a request ends at the message.',
  fix: 'Carry the trace context in the message headers (W3C traceparent, or the propagation format the design uses) and continue the trace in the consumer.',
  check({ graph, nameOf, getMessaging }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      if (link.kind !== 'async' || link.traceContext !== false) continue;
      const publication = isPublication(graph, j);
      if (!publication && !isConsumption(graph, j)) continue;
      const own = publication ? graph.linkFrom[j]! : graph.linkTo[j]!;
      if (graph.nodes[own]?.tracing !== true) continue;
      const others = publication ? getConsumersOf(getMessaging(), j) : getPublishersOf(getMessaging(), j);
      const tracing = others.filter((i) => i !== own && graph.nodes[i]?.tracing === true);
      if (tracing.length === 0) continue;
      const [publisher, consumer] = publication ? [own, tracing[0]!] : [tracing[0]!, own];
      out.push({
        message: `The trace stops at ${link.channel ? `channel ${link.channel}` : 'a message'}: ${nameOf(publisher)} and ${nameOf(consumer)} both trace, but ${nameOf(graph.linkFrom[j]!)} → ${nameOf(graph.linkTo[j]!)} carries no trace context`,
        nodes: [graph.nodeIds[own]!, ...tracing.map((i) => graph.nodeIds[i]!)],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
