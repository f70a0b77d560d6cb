import type { FindingDraft, Rule } from './types';

const UNSAFE_METHOD = /^\s*(POST|PATCH)\b/i;

export const retryNonIdempotent: Rule = {
  id: 'retry-non-idempotent',
  defaultSeverity: 'error',
  title: 'Retrying a non-idempotent call',
  description:
    'A sync link retries an operation that is not idempotent (a POST or PATCH operation, or `idempotent: false`): a retry after a lost response does the work twice, such as charging a card twice.',
  fix: 'Send an idempotency key, or do not retry.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let j = 0; j < graph.links.length; j++) {
      const link = graph.links[j]!;
      if (link.kind !== 'sync' || !link.retry || !(link.retry.max > 0) || link.idempotent === true) continue;
      const unsafe = (link.operations ?? []).filter((op) => UNSAFE_METHOD.test(op));
      if (link.idempotent !== false && unsafe.length === 0) continue;
      const from = graph.linkFrom[j]!;
      const to = graph.linkTo[j]!;
      const what = unsafe.length > 0 ? unsafe.join(', ') : 'a non-idempotent operation';
      out.push({
        message: `${nameOf(from)} retries ${what} on ${nameOf(to)}, which is not idempotent`,
        nodes: [graph.nodeIds[from]!, graph.nodeIds[to]!],
        links: [graph.linkIds[j]!],
      });
    }
    return out;
  },
};
