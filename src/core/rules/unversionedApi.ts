import type { Protocol } from '../model/types';
import type { FindingDraft, Rule } from './types';

const VERSIONED_PROTOCOLS: ReadonlySet<Protocol> = new Set(['rest', 'grpc', 'graphql']);

export const unversionedApi: Rule = {
  id: 'unversioned-api',
  defaultSeverity: 'warning',
  title: 'Unversioned API',
  description:
    'A sync REST, gRPC or GraphQL link into a service has no `version`: the callee cannot change its contract without breaking callers. Info when the service is internal-only: no client, gateway or edge service (one a client calls directly) calls it.',
  fix: 'Version the API in the path, a header or the package.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    // Where a design has no gateway, the service its clients call (a front-end, a BFF) is the edge,
    // and what it calls is as public as what a gateway calls.
    const calledByClient = (v: number) => graph.syncIn[v]!.some((j) => graph.kinds[graph.linkFrom[j]!] === 'client');
    const isEdge = (v: number) => graph.kinds[v] === 'client' || graph.kinds[v] === 'gateway' || calledByClient(v);
    // Once per callee: a hub called over hundreds of unversioned links would walk its callers'
    // callers for each of them.
    const internal = new Map<number, boolean>();
    const internalOnly = (v: number) => {
      let answer = internal.get(v);
      if (answer === undefined) {
        answer = !graph.syncIn[v]!.some((j) => isEdge(graph.linkFrom[j]!));
        internal.set(v, answer);
      }
      return answer;
    };
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      const to = graph.linkTo[j]!;
      if (link.kind !== 'sync' || graph.kinds[to] !== 'service') continue;
      // An unstated protocol is not known to be REST, gRPC or GraphQL: stay silent.
      if (!link.protocol || !VERSIONED_PROTOCOLS.has(link.protocol)) continue;
      if (link.version !== undefined && link.version !== '') continue;
      const from = graph.linkFrom[j]!;
      out.push({
        severity: internalOnly(to) ? 'info' : 'warning',
        message: `${nameOf(from)} calls ${nameOf(to)} over ${link.protocol} with no API version`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
