import type { GraphIndex } from './graphIndex';

/**
 * Entry points per rules.md: clients and gateways; where a design has neither, services with no
 * incoming sync link. Node indices in design order.
 */
export function getEntryPoints(graph: GraphIndex): number[] {
  const edges: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) {
    const kind = graph.kinds[i];
    if (kind === 'client' || kind === 'gateway') edges.push(i);
  }
  if (edges.length > 0) return edges;
  const services: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) {
    if (graph.kinds[i] === 'service' && graph.syncIn[i]!.length === 0) services.push(i);
  }
  return services;
}
