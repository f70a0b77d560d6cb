import type { DesignNode } from '../model/types';

/** `order.created`, or `messages from Kafka` when the link names no channel. */
export function describeChannel(channel: string | undefined, fromName: string): string {
  return channel ? channel : `messages from ${fromName}`;
}

// Logs keep messages after delivery, so a consumer can rewind; queues delete them once acknowledged.
const LOG_TECHS = [
  'kafka',
  'redpanda',
  'pulsar',
  'kinesis',
  'eventstore',
  'eventstoredb',
  'jetstream',
  'event hubs',
  'eventhubs',
];
const QUEUE_TECHS = [
  'rabbitmq',
  'amqp',
  'sqs',
  'sns',
  'activemq',
  'artemis',
  'redis',
  'nats',
  'pub/sub',
  'pubsub',
  'zeromq',
  'mqtt',
];

/**
 * Can a consumer replay what this broker carried? `replayable:` when stated, else judged from
 * `tech` (a log yes, a queue no); undefined when neither says.
 */
export function isReplayable(node: DesignNode | undefined): boolean | undefined {
  if (!node || node.kind !== 'broker') return undefined;
  if (node.replayable !== undefined) return node.replayable;
  const tech = node.tech?.toLowerCase().trim();
  if (!tech) return undefined;
  // JetStream before plain NATS: `nats jetstream` is a log.
  if (LOG_TECHS.some((t) => tech.includes(t))) return true;
  if (QUEUE_TECHS.some((t) => tech.includes(t))) return false;
  return undefined;
}
