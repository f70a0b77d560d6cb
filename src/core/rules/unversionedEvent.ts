import type { FindingDraft, Rule } from './types';
import { isPublication } from '../graph/messaging';
import { listNames } from './text';

export const unversionedEvent: Rule = {
  id: 'unversioned-event',
  defaultSeverity: 'warning',
  title: 'Unversioned message',
  description:
    'A published message has no `message.version`, no `schema`, or `compatibility: none`: consumers cannot tell which shape they get, and a producer change breaks them at runtime.',
  fix: 'Use a schema registry with backward compatibility.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      if (!isPublication(graph, j)) continue;
      const link = graph.links[j]!;
      const message = link.message;
      const problems: string[] = [];
      if (message?.version === undefined || message.version === '') problems.push('no version');
      if (message?.schema === undefined) problems.push('no schema');
      if (message?.compatibility === 'none') problems.push('compatibility none');
      if (problems.length === 0) continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      const what = message?.name ?? link.channel ?? `a message to ${nameOf(to)}`;
      out.push({
        message: `${nameOf(from)} publishes ${what} with ${listNames(problems)}`,
        nodes: [graph.nodeIds[from]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
