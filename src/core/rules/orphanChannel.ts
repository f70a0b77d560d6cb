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
  check({ graph, nameOf, getMessaging }) {
    const messaging = getMessaging();
    const uses: ChannelUse[] = [];
    for (const c of messaging.channels) {
      // A link that names no channel is not known to be on any channel: never guess. A direct
      // event is published and consumed by the same link.
      if (c.broker < 0 || c.name === undefined) continue;
      // A bridge takes the channel off one broker and puts it on the other (graph/messaging.ts).
      uses.push({
        broker: c.broker,
        channel: c.name,
        published: [...c.publications, ...c.bridgesIn],
        consumed: [...c.consumptions, ...c.bridgesOut],
      });
    }
    const out: FindingDraft[] = [];
    for (const use of uses) {
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
