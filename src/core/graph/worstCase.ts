import type { Link, Retry } from '../model/types';
import type { GraphIndex } from './graphIndex';
import type { Components } from './scc';

/** How many times a link is tried: 1 + retries (rules.md). */
export function getAttempts(link: Link): number {
  const max = link.retry?.max;
  return typeof max === 'number' && max > 0 ? 1 + Math.floor(max) : 1;
}

/** Total waiting between retries at worst (full jitter can wait the whole step): 0 when not stated. */
export function getBackoffMs(retry: Retry | undefined): number {
  if (!retry || !(retry.max > 0)) return 0;
  const base = retry.baseMs ?? 0;
  const retries = Math.floor(retry.max);
  if (retry.backoff === 'exponential') return base * (2 ** retries - 1);
  if (retry.backoff === 'fixed') return base * retries;
  return 0;
}

/**
 * Worst-case time W(v) of every node, per rules.md timeout-budget: own `latencyMs` + the sum over
 * its sync calls of attempts x timeout + backoff. Computed bottom-up over the SCC condensation:
 * a call with no stated timeout waits as long as its callee can take, W(callee); inside a cycle
 * such a call is counted 0 (unbounded in truth, reported by sync-cycle and missing-timeout).
 * Unstated values count 0, so W is a lower bound: a caller flagged against it is truly short.
 */
export function getWorstCaseMs(graph: GraphIndex, components: Components): Float64Array {
  const n = graph.nodeIds.length;
  const worst = new Float64Array(n);
  const { componentOf } = components;
  // Indexed loops: this runs once per lint, on cold code, where `for...of` costs most.
  for (let c = 0; c < components.components.length; c++) {
    const members = components.components[c]!;
    for (let k = 0; k < members.length; k++) {
      const v = members[k]!;
      let total = graph.nodes[v]!.latencyMs ?? 0;
      const calls = graph.syncOut[v]!;
      for (let i = 0; i < calls.length; i++) {
        const j = calls[i]!;
        const link = graph.links[j]!;
        const w = graph.linkTo[j]!;
        const perAttempt = link.timeoutMs ?? (componentOf[w] === componentOf[v] ? 0 : worst[w]!);
        total += getAttempts(link) * perAttempt + getBackoffMs(link.retry);
      }
      worst[v] = total;
    }
  }
  return worst;
}
