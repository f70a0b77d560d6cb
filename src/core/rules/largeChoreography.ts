import type { FindingDraft, Rule } from './types';
import { getLinksById } from '../model/ids';
import { unique } from './text';

export const largeChoreography: Rule = {
  id: 'large-choreography',
  defaultSeverity: 'warning',
  title: 'Choreography saga too large',
  description:
    'A `saga: choreography` flow has many participating services or compensations (`min`, default 4): no one place knows the state of the saga, and the compensations chain through events.',
  fix: 'Orchestrate the saga: one orchestrator sends commands and tracks each step.',
  thresholds: { min: 4 },
  check({ design, graph, thresholds }) {
    const out: FindingDraft[] = [];
    const min = thresholds.min ?? 4;
    const flows = design.flows ?? [];
    if (!flows.some((f) => f.saga === 'choreography')) return out;
    const linksById = getLinksById(design);
    for (const flow of flows) {
      if (flow.saga !== 'choreography') continue;
      const links = flow.steps.map((s) => linksById.get(s.link));
      // Brokers carry the saga and gateways or third parties only call into it: the participants are the services.
      const participants = unique(
        links.flatMap((l) => (l ? [l.from, l.to] : [])).filter((id) => design.nodes[id]?.kind === 'service'),
      );
      const compensations = flow.steps.filter((s) => s.compensation).length;
      if (participants.length < min && compensations < min) continue;
      const names = participants.map((id) => graph.nodes[graph.indexOf.get(id) ?? -1]?.name ?? id);
      out.push({
        message: `Choreography saga "${flow.name}" has ${participants.length} participants (${names.join(', ')}) and ${compensations} compensation${compensations === 1 ? '' : 's'}: at ${min} or more, no one service can tell where the saga stands`,
        nodes: participants,
        links: unique(flow.steps.map((s) => s.link).filter((id) => linksById.has(id))),
      });
    }
    return out;
  },
};
