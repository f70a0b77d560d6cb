import type { FindingDraft, Rule } from './types';
import { listNames, unique } from './text';

interface ChannelUse {
  broker: number;
  channel: string;
  published: number[];
  consumed: number[];
}

export const orphanChannel: Rule = {
  id: 'orphan-channel',
  defaultSeverity: 'warning',
  title: 'Orphan channel',
  description:
    'A channel on a broker is published but never consumed, or consumed but never published: messages pile up unread, or a consumer waits for messages that never come.',
  fix: 'Remove it, or add the missing side.',
  check({ graph, nameOf }) {
    const uses = new Map<string, ChannelUse>();
    const useOf = (broker: number, channel: string) => {
      // A channel name is scoped to its broker: order.created on Kafka is not order.created on SQS.
      const key = `${broker}\u0000${channel}`;
      let use = uses.get(key);
      if (!use) uses.set(key, (use = { broker, channel, published: [], consumed: [] }));
      return use;
    };
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      // A link that names no channel is not known to be on any channel: never guess.
      if (link.kind !== 'async' || !link.channel) continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      if (graph.kinds[to] === 'broker') useOf(to, link.channel).published.push(j);
      if (graph.kinds[from] === 'broker') useOf(from, link.channel).consumed.push(j);
    }
    const out: FindingDraft[] = [];
    for (const use of uses.values()) {
      if (use.published.length > 0 && use.consumed.length > 0) continue;
      const published = use.published.length > 0;
      const links = published ? use.published : use.consumed;
      const others = unique(links.map((j) => (published ? graph.linkFrom[j]! : graph.linkTo[j]!)));
      out.push({
        message: published
          ? `${use.channel} on ${nameOf(use.broker)} is published by ${listNames(others.map(nameOf))} but never consumed`
          : `${use.channel} on ${nameOf(use.broker)} is consumed by ${listNames(others.map(nameOf))} but never published`,
        nodes: [graph.nodeIds[use.broker]!, ...others.map((v) => graph.nodeIds[v]!)],
        links: links.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
