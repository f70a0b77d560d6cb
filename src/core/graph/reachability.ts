import type { GraphIndex } from './graphIndex';

export type Reach = 'sync' | 'all';

/**
 * Nodes reachable from `starts` (the starts included), following sync links only or every link.
 * Breadth-first with an explicit queue: O(nodes + links).
 */
export function getReachable(graph: GraphIndex, starts: readonly number[], along: Reach): Uint8Array {
  const n = graph.nodeIds.length;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  const visit = (list: readonly number[]) => {
    for (let i = 0; i < list.length; i++) {
      const w = graph.linkTo[list[i]!]!;
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  };
  while (head < tail) {
    const v = queue[head++]!;
    visit(graph.syncOut[v]!);
    if (along === 'all') visit(graph.asyncOut[v]!);
  }
  return seen;
}
