import type { FindingDraft, Rule } from './types';
import { getLinksById } from '../model/ids';
import { listNames, unique } from './text';

export const sagaWithoutCompensation: Rule = {
  id: 'saga-without-compensation',
  defaultSeverity: 'error',
  title: 'Saga step without compensation',
  description:
    'A flow with `saga:` has a step before its pivot (the step marked `pivot: true`, else the last) that is neither `readOnly` nor has a `compensation`: when a later step fails, that step cannot be undone.',
  fix: 'Give every step before the pivot a compensating action.',
  check({ design, graph }) {
    const out: FindingDraft[] = [];
    const flows = design.flows ?? [];
    if (!flows.some((f) => f.saga)) return out;
    const linksById = getLinksById(design);
    for (const flow of flows) {
      if (!flow.saga) continue;
      const marked = flow.steps.findIndex((s) => s.pivot === true);
      const pivot = marked >= 0 ? marked : flow.steps.length - 1;
      const bare = flow.steps.slice(0, Math.max(pivot, 0)).filter((s) => s.readOnly !== true && !s.compensation);
      if (bare.length === 0) continue;
      const nodes = unique(
        bare.flatMap((s) => {
          const link = linksById.get(s.link);
          return link ? [link.from, link.to] : [];
        }),
      );
      const names = bare.map((s) => {
        const link = linksById.get(s.link);
        const from = link ? graph.nodes[graph.indexOf.get(link.from) ?? -1]?.name : undefined;
        const to = link ? graph.nodes[graph.indexOf.get(link.to) ?? -1]?.name : undefined;
        return from && to ? `${from} → ${to}` : s.link;
      });
      out.push({
        message: `Saga "${flow.name}" has ${bare.length === 1 ? 'a step' : `${bare.length} steps`} before its pivot with no compensation: ${listNames(names)}`,
        nodes,
        links: bare.map((s) => s.link),
      });
    }
    return out;
  },
};
