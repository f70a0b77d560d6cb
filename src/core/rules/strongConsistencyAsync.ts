import type { FindingDraft, Rule } from './types';
import { getLinksById } from '../model/ids';
import { listNames, unique } from './text';

export const strongConsistencyAsync: Rule = {
  id: 'strong-consistency-async',
  defaultSeverity: 'error',
  title: 'Strongly consistent flow crosses an async link',
  description:
    'A flow with `consistency: strong` has a step on an async link: the message is handled after the flow answers, so the flow can only be eventually consistent.',
  fix: 'Make those steps synchronous, or declare the flow eventual and design for the delay (a saga, a status to poll).',
  check({ design, graph }) {
    const out: FindingDraft[] = [];
    const flows = design.flows ?? [];
    if (!flows.some((f) => f.consistency === 'strong')) return out;
    const linksById = getLinksById(design);
    const name = (id: string) => graph.nodes[graph.indexOf.get(id) ?? -1]?.name ?? id;
    for (const flow of flows) {
      if (flow.consistency !== 'strong') continue;
      const asyncSteps = unique(flow.steps.map((s) => s.link)).filter((id) => linksById.get(id)?.kind === 'async');
      if (asyncSteps.length === 0) continue;
      const links = asyncSteps.map((id) => linksById.get(id)!);
      out.push({
        message: `Flow "${flow.name}" is marked strongly consistent but crosses ${asyncSteps.length === 1 ? 'an async link' : `${asyncSteps.length} async links`}: ${listNames(links.map((l) => `${name(l.from)} → ${name(l.to)}${l.channel ? ` (${l.channel})` : ''}`))}`,
        nodes: unique(links.flatMap((l) => [l.from, l.to])),
        links: asyncSteps,
      });
    }
    return out;
  },
};
