import type { FindingDraft, Rule } from './types';
import { isPublication } from '../graph/messaging';
import { isReplayable } from './messaging';
import { listNames, unique } from './text';

export const eventSourcingReplay: Rule = {
  id: 'event-sourcing-not-replayable',
  defaultSeverity: 'warning',
  title: 'Event-sourced service without a replayable channel',
  description:
    'A service with `eventSourced: true` publishes its events to no channel, or only to brokers that delete messages once delivered (`replayable: false`, or a queue `tech` such as RabbitMQ or SQS): no other service can rebuild its view from the history.',
  fix: 'Publish the events to a durable log (Kafka, Pulsar, Kinesis, an event store) with a retention that allows replay.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let i = 0; i < graph.nodes.length; i++) {
      const node = graph.nodes[i]!;
      if (node.kind !== 'service' || node.eventSourced !== true) continue;
      const publications = graph.asyncOut[i]!.filter((j) => isPublication(graph, j));
      if (publications.length === 0) {
        out.push({
          message: `${nameOf(i)} is event-sourced but publishes its events to no channel: no other service can replay its history`,
          nodes: [graph.nodeIds[i]!],
          links: [],
        });
        continue;
      }
      // Stay silent unless every target is known not to keep messages (an unknown broker is not stated).
      const targets = publications.map((j) => graph.nodes[graph.linkTo[j]!]);
      if (!targets.every((t) => t?.kind === 'broker' && isReplayable(t) === false)) continue;
      const brokers = unique(publications.map((j) => graph.linkTo[j]!));
      out.push({
        message: `${nameOf(i)} is event-sourced but publishes only to ${listNames(brokers.map(nameOf))}, which ${brokers.length === 1 ? 'deletes' : 'delete'} messages once delivered: its history cannot be replayed`,
        nodes: [graph.nodeIds[i]!, ...brokers.map((b) => graph.nodeIds[b]!)],
        links: publications.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
