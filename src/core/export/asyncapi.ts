import { stringify } from 'yaml';
import type { Design, DesignNode, Link, Message } from '../model/types';
import type { AsyncRole } from '../graph/messaging';
import { withLinkDefaults } from '../model/defaults';
import { buildGraphIndex } from '../graph/graphIndex';
import { buildMessaging } from '../graph/messaging';

/** An AsyncAPI 3.0.0 document: the object (for tools) and its YAML text (for files). */
export interface AsyncApiExport {
  document: Record<string, unknown>;
  text: string;
}

/** Broker `tech` (or name) to the AsyncAPI protocol and its usual port. First match wins. */
const PROTOCOLS: { pattern: RegExp; protocol: string; port: number }[] = [
  { pattern: /kafka|redpanda|msk|event ?hubs?/, protocol: 'kafka', port: 9092 },
  { pattern: /rabbit|amqp|activemq|artemis|qpid|service ?bus/, protocol: 'amqp', port: 5672 },
  { pattern: /nats|jetstream/, protocol: 'nats', port: 4222 },
  { pattern: /sns/, protocol: 'sns', port: 443 },
  { pattern: /sqs/, protocol: 'sqs', port: 443 },
  { pattern: /pub ?sub|google/, protocol: 'googlepubsub', port: 443 },
  { pattern: /mqtt|mosquitto|hivemq/, protocol: 'mqtt', port: 1883 },
  { pattern: /pulsar/, protocol: 'pulsar', port: 6650 },
  { pattern: /redis/, protocol: 'redis', port: 6379 },
];
// An unknown broker is most likely a queueing broker: AMQP, with the stated tech kept as x-signalbox-tech.
const DEFAULT_PROTOCOL = { protocol: 'amqp', port: 5672 };

/** Kafka operation bindings carry the consumer group; other protocols keep it as an extension. */
const KAFKA_BINDING_VERSION = '0.5.0';

export function getBrokerProtocol(node: DesignNode): { protocol: string; port: number } {
  const text = `${node.tech ?? ''} ${node.tech ? '' : node.name}`.toLowerCase();
  return PROTOCOLS.find((entry) => entry.pattern.test(text)) ?? DEFAULT_PROTOCOL;
}

/** Keys in AsyncAPI maps must match ^[A-Za-z0-9_\-]+$: user text becomes a readable, unique key. */
function createKeyer(): (text: string, fallback: string) => string {
  const taken = new Set<string>();
  return (text, fallback) => {
    const words = text.match(/[A-Za-z0-9]+/g) ?? [];
    const base =
      words
        .map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)))
        .join('')
        .slice(0, 60) || fallback;
    let key = base;
    for (let i = 2; taken.has(key); i++) key = `${base}${i}`;
    taken.add(key);
    return key;
  };
}

interface ChannelEntry {
  key: string;
  address: string;
  /** Component message keys, in order of first appearance. */
  messages: string[];
  brokers: Set<string>;
  dlqOf?: string;
}

function definedEntries(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/**
 * The design's messaging as one AsyncAPI 3.0.0 document: brokers as servers, a channel per
 * channel name (and per dead-letter channel), messages in components, a send or receive
 * operation per service and channel.
 */
export function asyncApiDocument(stated: Design): AsyncApiExport {
  // Dead-letter channels and delivery named by the design's defaults are real channels too.
  const design = withLinkDefaults(stated);
  const channelKey = createKeyer();
  const messageKey = createKeyer();
  const operationKey = createKeyer();
  const serverKey = createKeyer();
  const isBroker = (id: string) => design.nodes[id]?.kind === 'broker';

  const servers: Record<string, unknown> = {};
  const serverKeys = new Map<string, string>();
  const protocols = new Map<string, string>();
  for (const [id, node] of Object.entries(design.nodes)) {
    if (node.kind !== 'broker') continue;
    const key = serverKey(id, 'broker');
    const { protocol, port } = getBrokerProtocol(node);
    serverKeys.set(id, key);
    protocols.set(id, protocol);
    servers[key] = definedEntries({
      host: `${key.toLowerCase()}.internal:${port}`,
      protocol,
      title: node.name,
      description: node.notes,
      'x-signalbox-node': id,
      'x-signalbox-tech': node.tech,
    });
  }

  const channels = new Map<string, ChannelEntry>();
  const getChannel = (address: string): ChannelEntry => {
    let entry = channels.get(address);
    if (!entry) {
      entry = { key: channelKey(address, 'channel'), address, messages: [], brokers: new Set() };
      channels.set(address, entry);
    }
    return entry;
  };

  const messages: Record<string, unknown> = {};
  const messageKeys = new Map<string, string>();
  const addMessage = (channel: ChannelEntry, message: Message | undefined) => {
    const name = message?.name ?? `${channel.address} message`;
    const identity = `${name}\u0000${String(message?.version ?? '')}`;
    let key = messageKeys.get(identity);
    if (!key) {
      key = messageKey(message?.version === undefined ? name : `${name} v${String(message.version)}`, 'message');
      messageKeys.set(identity, key);
      messages[key] = definedEntries({
        name,
        title: message?.name,
        contentType: 'application/json',
        // A message without a schema still documents its channel: any JSON object.
        payload: message?.schema ?? { type: 'object', additionalProperties: true },
        'x-signalbox-version': message?.version,
        'x-signalbox-compatibility': message?.compatibility,
      });
    }
    if (!channel.messages.includes(key)) channel.messages.push(key);
  };

  // Who publishes and who consumes is core/graph's definition (messaging.ts): a bridge between two
  // brokers puts the channel on both servers and is no application's operation.
  const { roles } = buildMessaging(buildGraphIndex(design));
  const asyncLinks = design.links.flatMap((link, j) => (link.kind === 'async' ? [{ link, role: roles[j] }] : []));
  const publishes = (role: AsyncRole | undefined) => role === 'publish' || role === 'direct';
  const consumes = (role: AsyncRole | undefined) => role === 'consume' || role === 'direct';
  for (const { link, role } of asyncLinks) {
    const channel = getChannel(link.channel ?? `${link.from}.${link.to}`);
    for (const end of [link.from, link.to]) if (isBroker(end)) channel.brokers.add(end);
    // A consuming link usually omits the message: its publisher's message is the one that counts.
    if (link.message || publishes(role)) addMessage(channel, link.message);
  }
  // The dead-letter channel is the consumer's (a dlq on a publish or a bridge means nothing).
  for (const { link, role } of asyncLinks) {
    if (!link.dlq || !consumes(role)) continue;
    const source = getChannel(link.channel ?? `${link.from}.${link.to}`);
    const dlq = getChannel(link.dlq);
    dlq.dlqOf = source.address;
    for (const broker of source.brokers) dlq.brokers.add(broker);
  }
  // A dead-lettered message is the original message; every channel needs at least one.
  for (const channel of channels.values()) {
    if (channel.messages.length === 0 && channel.dlqOf) channel.messages.push(...(channels.get(channel.dlqOf)?.messages ?? []));
    if (channel.messages.length === 0) addMessage(channel, undefined);
  }

  const channelObjects: Record<string, unknown> = {};
  for (const channel of channels.values()) {
    channelObjects[channel.key] = definedEntries({
      address: channel.address,
      messages: Object.fromEntries(channel.messages.map((key) => [key, { $ref: `#/components/messages/${key}` }])),
      servers:
        channel.brokers.size > 0 ? [...channel.brokers].map((id) => ({ $ref: `#/servers/${serverKeys.get(id)!}` })) : undefined,
      'x-signalbox-dlq-of': channel.dlqOf,
    });
  }

  const operations: Record<string, unknown> = {};
  const addOperation = (nodeId: string, action: 'send' | 'receive', channel: ChannelEntry, link: Link) => {
    const node = design.nodes[nodeId];
    const key = operationKey(`${nodeId} ${action} ${channel.address}`, 'operation');
    const broker = [link.from, link.to].find(isBroker);
    const kafka = broker !== undefined && protocols.get(broker) === 'kafka';
    operations[key] = definedEntries({
      action,
      channel: { $ref: `#/channels/${channel.key}` },
      title: `${node?.name ?? nodeId} ${action === 'send' ? 'publishes to' : 'consumes'} ${channel.address}`,
      messages: channel.messages.map((message) => ({ $ref: `#/channels/${channel.key}/messages/${message}` })),
      bindings:
        kafka && link.consumerGroup && action === 'receive'
          ? { kafka: { groupId: { type: 'string', enum: [link.consumerGroup] }, bindingVersion: KAFKA_BINDING_VERSION } }
          : undefined,
      'x-signalbox-node': nodeId,
      'x-signalbox-consumer-group': action === 'receive' ? link.consumerGroup : undefined,
      'x-signalbox-delivery': link.delivery,
      'x-signalbox-idempotent': link.idempotent,
      'x-signalbox-pattern': link.pattern,
      'x-signalbox-retry': link.retry,
      'x-signalbox-dlq': link.dlq,
    });
  };
  for (const { link, role } of asyncLinks) {
    const channel = getChannel(link.channel ?? `${link.from}.${link.to}`);
    if (publishes(role)) addOperation(link.from, 'send', channel, link);
    if (consumes(role)) addOperation(link.to, 'receive', channel, link);
    // The consumer moves poison messages to the dead-letter channel.
    if (link.dlq && consumes(role))
      addOperation(link.to, 'send', getChannel(link.dlq), { from: link.to, to: link.to, kind: 'async' });
  }

  const document = definedEntries({
    asyncapi: '3.0.0',
    info: definedEntries({ title: design.name, version: '1.0.0', description: design.description }),
    defaultContentType: 'application/json',
    servers: Object.keys(servers).length > 0 ? servers : undefined,
    channels: channelObjects,
    operations,
    components: { messages },
  });
  return { document, text: stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }) };
}
