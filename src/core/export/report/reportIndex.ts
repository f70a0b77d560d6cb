import type { GraphIndex } from '../../graph/graphIndex';
import { buildGraphIndex } from '../../graph/graphIndex';
import { withLinkDefaults } from '../../model/defaults';
import type { Design, Flow, Message } from '../../model/types';
import type { Messaging } from '../../graph/messaging';
import { buildMessaging, getUpstream } from '../../graph/messaging';

/** The messages of one channel: who publishes and consumes them, through which broker. */
export interface ChannelGroup {
  /** The channel name, or undefined when the links name none. */
  channel?: string;
  /** Broker node index, or -1 for a direct event (the implied broker of its receiver). */
  broker: number;
  publications: number[];
  consumptions: number[];
  /** Publications on other brokers that reach this channel through broker bridges. */
  bridgedPublications: number[];
}

/** What every section reads, built once per report in one pass over the design (linear). */
export interface ReportIndex {
  design: Design;
  graph: GraphIndex;
  /** Who publishes and consumes what (core/graph/messaging.ts). */
  messaging: Messaging;
  nameOf: (node: number) => string;
  channels: ChannelGroup[];
  /** Sync links, in design order. */
  syncLinks: number[];
  /** The flows that use each link, by link index. */
  flowsOf: Map<number, Flow[]>;
  /** Each channel group's message (the first link of the group that states one). */
  messageOf: (group: ChannelGroup) => Message | undefined;
}

/** The index of the design as its links behave: each link with the design's `defaults:` filled in. */
export function buildReportIndex(stated: Design): ReportIndex {
  const design = withLinkDefaults(stated);
  const graph = buildGraphIndex(design);
  // The channels are core/graph's (messaging.ts): publishers, consumers and bridges as the rules see them.
  const messaging = buildMessaging(graph);
  const channels: ChannelGroup[] = [];
  messaging.channels.forEach((c, k) => {
    // A channel that only relays to another broker is shown there, where it is consumed.
    if (c.consumptions.length === 0 && (c.publications.length === 0 || c.bridgesOut.length > 0)) return;
    const bridgedPublications =
      c.bridgesIn.length === 0 ? [] : getUpstream(messaging, k).flatMap((r) => (r.bridges.length > 0 ? [r.link] : []));
    channels.push({
      channel: c.name,
      broker: c.broker,
      publications: c.publications,
      consumptions: c.consumptions,
      bridgedPublications,
    });
  });
  const syncLinks: number[] = [];
  for (let j = 0; j < graph.links.length; j++) if (graph.links[j]!.kind === 'sync') syncLinks.push(j);
  const linkIndex = new Map(graph.linkIds.map((id, j) => [id, j]));
  const flowsOf = new Map<number, Flow[]>();
  for (const flow of design.flows ?? []) {
    for (const step of flow.steps) {
      const j = linkIndex.get(step.link);
      if (j === undefined) continue;
      const list = flowsOf.get(j) ?? [];
      if (!list.includes(flow)) list.push(flow);
      flowsOf.set(j, list);
    }
  }
  return {
    design,
    graph,
    messaging,
    nameOf: (i) => (i < 0 ? 'an implied broker' : (graph.nodes[i]?.name ?? graph.nodeIds[i] ?? '?')),
    channels,
    syncLinks,
    flowsOf,
    messageOf: (g) => {
      for (const j of [...g.publications, ...g.consumptions]) {
        const message = graph.links[j]!.message;
        if (message && (message.name || message.version !== undefined || message.schema || message.compatibility)) return message;
      }
      return undefined;
    },
  };
}

/** `order.placed`, or `Order → Payment` for a link that names no channel. */
export function channelLabel(index: ReportIndex, group: ChannelGroup): string {
  if (group.channel) return group.channel;
  const j = group.publications[0] ?? group.consumptions[0]!;
  return `${index.nameOf(index.graph.linkFrom[j]!)} → ${index.nameOf(index.graph.linkTo[j]!)}`;
}

export function uniqueNames(index: ReportIndex, nodes: Iterable<number>): string[] {
  return [...new Set(nodes)].map(index.nameOf);
}

/** Services (and gateways) are the nodes the team runs and configures. */
export function isOwned(index: ReportIndex, node: number): boolean {
  const kind = index.graph.kinds[node];
  return kind === 'service' || kind === 'gateway';
}
