import type { FindingDraft, Rule } from './types';
import { listNames, unique } from './text';

export const noApiGateway: Rule = {
  id: 'no-api-gateway',
  defaultSeverity: 'warning',
  title: 'Client calls services directly',
  description:
    'A client calls services directly, bypassing any gateway: every service then handles authentication, rate limiting and client-specific shaping itself, and cannot change its API freely.',
  fix: 'Route clients through a gateway or a backend-for-frontend.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let c = 0; c < graph.nodeIds.length; c++) {
      if (graph.kinds[c] !== 'client') continue;
      const direct = graph.syncOut[c]!.filter((j) => graph.kinds[graph.linkTo[j]!] === 'service');
      if (direct.length === 0) continue;
      const services = unique(direct.map((j) => graph.linkTo[j]!));
      out.push({
        message: `${nameOf(c)} calls ${listNames(services.map(nameOf))} directly, bypassing any gateway`,
        nodes: [graph.nodeIds[c]!, ...services.map((s) => graph.nodeIds[s]!)],
        links: direct.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
