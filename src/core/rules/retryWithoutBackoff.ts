import type { FindingDraft, Rule } from './types';

export const retryWithoutBackoff: Rule = {
  id: 'retry-without-backoff',
  defaultSeverity: 'warning',
  title: 'Retry without exponential backoff and jitter',
  description:
    'A link retries with backoff `none` or `fixed`, states no backoff, or has no `jitter: true`: synchronized retries hit a recovering service all at once.',
  fix: 'Use capped exponential backoff with full jitter.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      const retry = graph.links[j]!.retry;
      if (!retry || !(retry.max > 0)) continue;
      const problems: string[] = [];
      if (retry.backoff !== 'exponential') problems.push(retry.backoff ? `${retry.backoff} backoff` : 'no stated backoff');
      if (retry.jitter !== true) problems.push('no jitter');
      if (problems.length === 0) continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      out.push({
        message: `${nameOf(from)} retries ${nameOf(to)} ${retry.max} times with ${problems.join(' and ')}`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
