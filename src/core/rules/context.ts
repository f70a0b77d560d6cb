import type { Design } from '../model/types';
import { buildGraphIndex } from '../graph/graphIndex';
import { stronglyConnectedComponents } from '../graph/scc';
import { getEntryPoints } from '../graph/entryPoints';
import { getLongestSyncPaths } from '../graph/paths';
import { getWorstCaseMs } from '../graph/worstCase';
import { buildMessaging } from '../graph/messaging';
import type { RuleContext } from './types';

function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** The shared context for one lint run: indexes built once, analyses on first use. */
export function createRuleContext(design: Design): RuleContext {
  const graph = buildGraphIndex(design);
  const getSyncComponents = memo(() => stronglyConnectedComponents(graph.syncSuccessors));
  return {
    design,
    graph,
    thresholds: {},
    getSyncComponents,
    getEntryPoints: memo(() => getEntryPoints(graph)),
    getLongestSyncPaths: memo(() => getLongestSyncPaths(graph, getSyncComponents())),
    getWorstCaseMs: memo(() => getWorstCaseMs(graph, getSyncComponents())),
    getMessaging: memo(() => buildMessaging(graph)),
    nameOf: (node) => graph.nodes[node]?.name ?? graph.nodeIds[node] ?? '?',
  };
}
