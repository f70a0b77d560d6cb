import type { GraphIndex } from './graphIndex';
import type { Components } from './scc';

/** For every node, the longest sync path starting there: its length in links and its first link. */
export interface LongestPaths {
  hops: Int32Array;
  /** Index of the first link of the longest path from each node, -1 when it has none. */
  nextLink: Int32Array;
}

/**
 * Longest sync path from every node, in O(nodes + links): dynamic programming over the SCC
 * condensation, sinks first. Links inside a cycle are not followed (the longest simple path
 * through a cycle is NP-hard, and sync-cycle already reports the loop), so a path through a cycle
 * is counted as far as it goes without looping: a lower bound, never a guess.
 */
export function getLongestSyncPaths(graph: GraphIndex, components: Components): LongestPaths {
  const n = graph.nodeIds.length;
  const hops = new Int32Array(n);
  const nextLink = new Int32Array(n).fill(-1);
  const { componentOf } = components;
  // Indexed loops: this runs once per lint, on cold code, where `for...of` costs most.
  for (let c = 0; c < components.components.length; c++) {
    const members = components.components[c]!;
    for (let k = 0; k < members.length; k++) {
      const v = members[k]!;
      let best = 0;
      let bestLink = -1;
      const calls = graph.syncOut[v]!;
      for (let i = 0; i < calls.length; i++) {
        const j = calls[i]!;
        const w = graph.linkTo[j]!;
        if (componentOf[w] === componentOf[v]) continue;
        const h = hops[w]! + 1;
        if (h > best) {
          best = h;
          bestLink = j;
        }
      }
      hops[v] = best;
      nextLink[v] = bestLink;
    }
  }
  return { hops, nextLink };
}

/** The links of the longest sync path from `start`, in order. */
export function getLongestSyncPathLinks(graph: GraphIndex, paths: LongestPaths, start: number): number[] {
  const out: number[] = [];
  let v = start;
  for (let j = paths.nextLink[v]!; j >= 0; j = paths.nextLink[v]!) {
    out.push(j);
    v = graph.linkTo[j]!;
  }
  return out;
}
