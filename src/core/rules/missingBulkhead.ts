import type { FindingDraft, Rule } from './types';
import { listNames, unique } from './text';

export const missingBulkhead: Rule = {
  id: 'missing-bulkhead',
  defaultSeverity: 'info',
  title: 'Many sync dependencies, no bulkhead',
  description:
    'A service has `min` or more sync dependencies (default 3) and none has a `bulkhead`: one slow dependency can take every worker the service has.',
  fix: 'Set a concurrency limit per dependency.',
  thresholds: { min: 3 },
  check({ graph, thresholds, nameOf }) {
    const min = thresholds.min ?? 3;
    const out: FindingDraft[] = [];
    for (let v = 0; v < graph.nodeIds.length; v++) {
      const calls = graph.syncOut[v]!;
      if (graph.kinds[v] !== 'service' || calls.length < min) continue;
      if (calls.some((j) => graph.links[j]!.bulkhead !== undefined)) continue;
      const callees = unique(calls.map((j) => graph.linkTo[j]!));
      out.push({
        message: `${nameOf(v)} has ${calls.length} sync dependencies (${listNames(callees.map(nameOf))}) and no bulkhead on any`,
        nodes: [graph.nodeIds[v]!, ...callees.map((w) => graph.nodeIds[w]!)],
        links: calls.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
