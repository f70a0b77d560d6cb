import type { FindingDraft, Rule } from './types';
import { getReachable } from '../graph/reachability';

export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  defaultSeverity: 'warning',
  title: 'Single point of failure',
  description:
    'A node with `replicas: 1` lies on a path (sync or async) from an entry point: when its one instance goes down, so does everything that goes through it.',
  fix: 'Run 2+ replicas, or degrade gracefully without it.',
  check({ graph, getEntryPoints, nameOf }) {
    const reachable = getReachable(graph, getEntryPoints(), 'all');
    const out: FindingDraft[] = [];
    for (let v = 0; v < graph.nodeIds.length; v++) {
      if (graph.nodes[v]!.replicas !== 1 || !reachable[v]) continue;
      out.push({
        message: `${nameOf(v)} runs a single replica on a path from an entry point`,
        nodes: [graph.nodeIds[v]!],
        links: [],
      });
    }
    return out;
  },
};
