import type { FindingDraft, Rule } from './types';
import { isConsumption } from '../graph/messaging';
import { describeChannel } from './messaging';

export const nonIdempotentConsumer: Rule = {
  id: 'non-idempotent-consumer',
  defaultSeverity: 'error',
  title: 'At-least-once consumer that is not idempotent',
  description:
    'A consumer with at-least-once delivery (the default when `delivery` is not stated) is not marked `idempotent`: every redelivery repeats the side effect.',
  fix: 'De-duplicate by message id.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      if (!isConsumption(graph, j) || link.idempotent === true) continue;
      if ((link.delivery ?? 'at-least-once') !== 'at-least-once') continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      out.push({
        message: `${nameOf(to)} consumes ${describeChannel(link.channel, nameOf(from))} at least once but is not idempotent`,
        nodes: [graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
