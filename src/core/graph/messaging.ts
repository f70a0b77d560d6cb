import type { LinkKind, NodeKind } from '../model/types';
import type { GraphIndex } from './graphIndex';

/**
 * The one definition of publisher, consumer and channel (format.md "Links"). The rules, the
 * simulator, the AsyncAPI exporter and the report read messaging through here only.
 *
 * An async link whose two ends are known nodes is, by the kinds of its ends:
 * - `publish`: non-broker -> broker. Its `from` publishes on the broker's channel.
 * - `consume`: broker -> non-broker. Its `to` consumes the broker's channel (`consumerGroup`,
 *   `dlq`, `idempotent` are the consumer's).
 * - `bridge`: broker -> broker. It relays the channel from one broker to the other (MirrorMaker, a
 *   shovel): no application publishes or consumes on it, so it is neither. The channel on the
 *   source broker counts as consumed and the one on the target as published, and the target's
 *   consumers are fed by the source's publishers.
 * - `direct`: non-broker -> non-broker, a message through an implied broker (one per receiver,
 *   never down): `from` publishes and `to` consumes.
 * A sync link, or an async link naming an unknown node, is no messaging at all.
 */
export type AsyncRole = 'publish' | 'consume' | 'bridge' | 'direct';

export function getAsyncRole(
  linkKind: LinkKind,
  fromKind: NodeKind | undefined,
  toKind: NodeKind | undefined,
): AsyncRole | undefined {
  if (linkKind !== 'async' || fromKind === undefined || toKind === undefined) return undefined;
  if (fromKind === 'broker') return toKind === 'broker' ? 'bridge' : 'consume';
  return toKind === 'broker' ? 'publish' : 'direct';
}

export function getLinkRole(graph: GraphIndex, j: number): AsyncRole | undefined {
  return getAsyncRole(graph.links[j]!.kind, graph.kinds[graph.linkFrom[j]!], graph.kinds[graph.linkTo[j]!]);
}

/** Its `from` publishes: a publish into a broker, or a direct event. */
export function isPublication(graph: GraphIndex, j: number): boolean {
  const role = getLinkRole(graph, j);
  return role === 'publish' || role === 'direct';
}

/** Its `to` consumes: a consumption out of a broker, or a direct event. */
export function isConsumption(graph: GraphIndex, j: number): boolean {
  const role = getLinkRole(graph, j);
  return role === 'consume' || role === 'direct';
}

/** One channel: a name on one broker (or on the implied broker of one receiver). */
export interface Channel {
  /** The broker's node index, or -1 for the implied broker of direct events. */
  broker: number;
  /** For direct events: the receiving node, whose implied broker this is; -1 on a real broker. */
  receiver: number;
  /** The channel name; undefined when the links name none (then it matches every name on its broker). */
  name: string | undefined;
  /** Links whose `from` publishes here (publish, direct), in design order. */
  publications: number[];
  /** Links whose `to` consumes here (consume, direct), in design order. */
  consumptions: number[];
  /** Bridges bringing this channel in from another broker. */
  bridgesIn: number[];
  /** Bridges relaying this channel on to another broker. */
  bridgesOut: number[];
  /** The consumer groups its consumptions name (consumers in one group share the messages), first use first. */
  consumerGroups: string[];
  /** The dead-letter channels its consumptions name. */
  deadLetters: string[];
}

/** A publication that reaches a channel, and the bridges it crosses on the way (nearest the publisher first). */
export interface Route {
  link: number;
  bridges: number[];
}

export interface Messaging {
  graph: GraphIndex;
  /** Channels in order of first appearance in the design's links. */
  channels: Channel[];
  /** Per link: its role (undefined for sync links and links to unknown nodes). */
  roles: (AsyncRole | undefined)[];
  /** Per link: the channel messages enter through it (publish, direct, a bridge's target), or -1. */
  enters: Int32Array;
  /** Per link: the channel messages leave through it (consume, direct, a bridge's source), or -1. */
  leaves: Int32Array;
  /** Per channel: the channels on the same broker (itself included), so matching stays per broker. */
  onSameBroker: number[][];
}

/** Do two names on one broker carry the same messages? Equal, or either names none (never guess apart). */
export function sameChannel(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Linear: one pass over the links. */
export function buildMessaging(graph: GraphIndex): Messaging {
  const count = graph.links.length;
  const channels: Channel[] = [];
  const byKey = new Map<string, number>();
  const byBroker = new Map<string, number[]>();
  const onSameBroker: number[][] = [];
  const channelOf = (broker: number, receiver: number, name: string | undefined): number => {
    const brokerKey = `${broker}\u0000${receiver}`;
    const key = `${brokerKey}\u0000${name === undefined ? '\u0001' : name}`;
    let c = byKey.get(key);
    if (c === undefined) {
      c = channels.length;
      channels.push({
        broker,
        receiver,
        name,
        publications: [],
        consumptions: [],
        bridgesIn: [],
        bridgesOut: [],
        consumerGroups: [],
        deadLetters: [],
      });
      byKey.set(key, c);
      let siblings = byBroker.get(brokerKey);
      if (!siblings) byBroker.set(brokerKey, (siblings = []));
      siblings.push(c);
      onSameBroker.push(siblings);
    }
    return c;
  };
  const roles = new Array<AsyncRole | undefined>(count);
  const enters = new Int32Array(count).fill(-1);
  const leaves = new Int32Array(count).fill(-1);
  for (let j = 0; j < count; j++) {
    const role = getLinkRole(graph, j);
    roles[j] = role;
    if (role === undefined) continue;
    const link = graph.links[j]!;
    const name = typeof link.channel === 'string' && link.channel !== '' ? link.channel : undefined;
    const from = graph.linkFrom[j]!;
    const to = graph.linkTo[j]!;
    if (role === 'publish') {
      enters[j] = channelOf(to, -1, name);
      channels[enters[j]!]!.publications.push(j);
    } else if (role === 'consume') {
      leaves[j] = channelOf(from, -1, name);
      channels[leaves[j]!]!.consumptions.push(j);
    } else if (role === 'direct') {
      const c = channelOf(-1, to, name);
      enters[j] = leaves[j] = c;
      channels[c]!.publications.push(j);
      channels[c]!.consumptions.push(j);
    } else {
      leaves[j] = channelOf(from, -1, name);
      enters[j] = channelOf(to, -1, name);
      channels[leaves[j]!]!.bridgesOut.push(j);
      channels[enters[j]!]!.bridgesIn.push(j);
    }
  }
  for (const channel of channels)
    for (const j of channel.consumptions) {
      const { consumerGroup, dlq } = graph.links[j]!;
      if (consumerGroup && !channel.consumerGroups.includes(consumerGroup)) channel.consumerGroups.push(consumerGroup);
      if (dlq && !channel.deadLetters.includes(dlq)) channel.deadLetters.push(dlq);
    }
  return { graph, channels, roles, enters, leaves, onSameBroker };
}

/** The channels on the same broker that carry the same messages as `c` (`c` first). */
export function getMatchingChannels(messaging: Messaging, c: number): number[] {
  const name = messaging.channels[c]!.name;
  const out = [c];
  for (const k of messaging.onSameBroker[c]!) if (k !== c && sameChannel(messaging.channels[k]!.name, name)) out.push(k);
  return out;
}

/**
 * Walk from channel `c` across bridges, one way, collecting the routes of each channel reached:
 * upstream the publications (through `bridgesIn`), downstream the consumptions (through
 * `bridgesOut`). Each channel is visited once, so a bridge loop terminates; `bridges` lists the
 * bridges a route crosses in the order its messages travel.
 */
function walkBridged(messaging: Messaging, c: number, direction: 'up' | 'down'): Route[] {
  const routes: Route[] = [];
  const seen = new Set<number>();
  const queue: { channel: number; bridges: number[] }[] = [{ channel: c, bridges: [] }];
  for (let q = 0; q < queue.length; q++) {
    const { channel, bridges } = queue[q]!;
    for (const k of getMatchingChannels(messaging, channel)) {
      if (seen.has(k)) continue;
      seen.add(k);
      const here = messaging.channels[k]!;
      const links = direction === 'up' ? here.publications : here.consumptions;
      for (const link of links) routes.push({ link, bridges });
      if (direction === 'up')
        for (const bridge of here.bridgesIn) queue.push({ channel: messaging.leaves[bridge]!, bridges: [bridge, ...bridges] });
      else
        for (const bridge of here.bridgesOut) queue.push({ channel: messaging.enters[bridge]!, bridges: [...bridges, bridge] });
    }
    // A channel that names none is fed by every channel on its broker: list those in design order.
    if (direction === 'up' && q === 0 && messaging.channels[c]!.name === undefined) routes.sort((x, y) => x.link - y.link);
  }
  return routes;
}

/** Every publication whose messages reach consumers of channel `c`: on `c`'s broker, or bridged in. */
export function getUpstream(messaging: Messaging, c: number): Route[] {
  return walkBridged(messaging, c, 'up');
}

/** Every consumption that receives what is published on channel `c`, on its broker or bridged on. */
export function getDownstream(messaging: Messaging, c: number): Route[] {
  return walkBridged(messaging, c, 'down');
}

/** The nodes that publish what link `j` consumes (empty when `j` consumes nothing), through bridges. */
export function getPublishersOf(messaging: Messaging, j: number): number[] {
  const c = messaging.roles[j] === 'consume' || messaging.roles[j] === 'direct' ? messaging.leaves[j]! : -1;
  if (c < 0) return [];
  return [...new Set(getUpstream(messaging, c).map((r) => messaging.graph.linkFrom[r.link]!))];
}

/** The nodes that consume what link `j` publishes (empty when `j` publishes nothing), through bridges. */
export function getConsumersOf(messaging: Messaging, j: number): number[] {
  const c = messaging.roles[j] === 'publish' || messaging.roles[j] === 'direct' ? messaging.enters[j]! : -1;
  if (c < 0) return [];
  return [...new Set(getDownstream(messaging, c).map((r) => messaging.graph.linkTo[r.link]!))];
}
