import type { FindingDraft, Rule } from './types';

export const gatewayUnprotected: Rule = {
  id: 'gateway-unprotected',
  defaultSeverity: 'warning',
  title: 'Gateway without authentication or rate limit',
  description:
    'A gateway states no `auth` (or `auth: none`) or no `rateLimitRps`: the edge is where callers are authenticated and floods are stopped.',
  fix: 'Authenticate and rate-limit at the edge.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let g = 0; g < graph.nodeIds.length; g++) {
      const node = graph.nodes[g]!;
      if (node.kind !== 'gateway') continue;
      const missing: string[] = [];
      if (node.auth === undefined || node.auth === 'none') missing.push('no authentication');
      if (node.rateLimitRps === undefined) missing.push('no rate limit');
      if (missing.length === 0) continue;
      out.push({ message: `${nameOf(g)} has ${missing.join(' and ')}`, nodes: [graph.nodeIds[g]!], links: [] });
    }
    return out;
  },
};
