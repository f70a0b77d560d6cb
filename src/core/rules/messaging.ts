import type { GraphIndex } from '../graph/graphIndex';

/**
 * A consumption (format.md): an async link out of a broker, or a direct service->service event
 * (through an implied broker). Broker-to-broker bridges are plumbing, not consumers.
 */
export function isConsumer(graph: GraphIndex, link: number): boolean {
  if (graph.links[link]!.kind !== 'async') return false;
  const from = graph.kinds[graph.linkFrom[link]!];
  const to = graph.kinds[graph.linkTo[link]!];
  return (from === 'broker' && to !== 'broker') || (from === 'service' && to === 'service');
}

/** A publication: an async link into a broker, or a direct service->service event. */
export function isPublication(graph: GraphIndex, link: number): boolean {
  if (graph.links[link]!.kind !== 'async') return false;
  const from = graph.kinds[graph.linkFrom[link]!];
  const to = graph.kinds[graph.linkTo[link]!];
  return (to === 'broker' && from !== 'broker' && from !== undefined) || (from === 'service' && to === 'service');
}

/** `order.created`, or `messages from Kafka` when the link names no channel. */
export function describeChannel(channel: string | undefined, fromName: string): string {
  return channel ? channel : `messages from ${fromName}`;
}
