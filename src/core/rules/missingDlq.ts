import type { FindingDraft, Rule } from './types';
import { isConsumption } from '../graph/messaging';
import { describeChannel } from './messaging';

export const missingDlq: Rule = {
  id: 'missing-dlq',
  defaultSeverity: 'error',
  title: 'Consumer without a dead-letter channel',
  description:
    'A consumer (an async link out of a broker, or a direct service-to-service event) has no `dlq`: a message it cannot process is redelivered forever and blocks the ones behind it, or is silently dropped.',
  fix: 'Add a dead-letter channel, bound redelivery, and alert on its depth.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      if (!isConsumption(graph, j) || link.dlq) continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      out.push({
        message: `${nameOf(to)} consumes ${describeChannel(link.channel, nameOf(from))} with no dead-letter channel`,
        nodes: [graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
