import type { FindingDraft, Rule } from './types';
import { listNames, unique } from './text';

export const sharedDatabase: Rule = {
  id: 'shared-database',
  defaultSeverity: 'error',
  title: 'Database shared across services',
  description:
    'A database is used by 2+ services that are not all in the same `group`: a schema change in one breaks the others, and they couple through data instead of contracts.',
  fix: 'One database per service; share through an API or events.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let d = 0; d < graph.nodeIds.length; d++) {
      if (graph.kinds[d] !== 'database') continue;
      const uses = [...graph.syncIn[d]!, ...graph.asyncIn[d]!].filter((j) => graph.kinds[graph.linkFrom[j]!] === 'service');
      const services = unique(uses.map((j) => graph.linkFrom[j]!));
      if (services.length < 2) continue;
      // An ungrouped service is a context of its own; one stated group shared by all may share.
      const contexts = new Set(services.map((s) => graph.nodes[s]!.group ?? `\u0000${s}`));
      if (contexts.size < 2) continue;
      out.push({
        message: `${nameOf(d)} is shared by ${listNames(services.map(nameOf))}`,
        nodes: [graph.nodeIds[d]!, ...services.map((s) => graph.nodeIds[s]!)],
        links: uses.sort((a, b) => a - b).map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
