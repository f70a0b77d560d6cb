import type { FindingDraft, Rule } from './types';

/** Nodes at the `end` of `links` not yet marked with `stamp`, marking them: one stamp over two lists counts their union. */
function countNeighbours(links: readonly number[], end: Int32Array, seen: Int32Array, stamp: number): number {
  let count = 0;
  // An indexed loop: this runs once per lint over every service, on cold code.
  for (let i = 0; i < links.length; i++) {
    const w = end[links[i]!]!;
    if (seen[w] !== stamp) {
      seen[w] = stamp;
      count++;
    }
  }
  return count;
}

function median(values: Int32Array): number {
  if (values.length === 0) return 0;
  const sorted = Int32Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const hubService: Rule = {
  id: 'hub-service',
  defaultSeverity: 'warning',
  title: 'Hub service',
  description:
    'A service’s fan-in and fan-out (distinct nodes linked to and from it, sync or async) both exceed the design’s median and are balanced (|in − out| < (in + out) / 4): a god service that everything passes through.',
  fix: 'Split it by capability.',
  check({ graph, nameOf }) {
    const services: number[] = [];
    for (let v = 0; v < graph.nodeIds.length; v++) if (graph.kinds[v] === 'service') services.push(v);
    const fanIn = new Int32Array(services.length);
    const fanOut = new Int32Array(services.length);
    // Stamps instead of a Set per node: one array, reused, keeps this linear on 20,000 nodes.
    const seen = new Int32Array(graph.nodeIds.length).fill(-1);
    let stamp = 0;
    for (let i = 0; i < services.length; i++) {
      const v = services[i]!;
      // Sync and async lists under one stamp each way, not joined into a copy.
      const inStamp = stamp++;
      fanIn[i] =
        countNeighbours(graph.syncIn[v]!, graph.linkFrom, seen, inStamp) +
        countNeighbours(graph.asyncIn[v]!, graph.linkFrom, seen, inStamp);
      const outStamp = stamp++;
      fanOut[i] =
        countNeighbours(graph.syncOut[v]!, graph.linkTo, seen, outStamp) +
        countNeighbours(graph.asyncOut[v]!, graph.linkTo, seen, outStamp);
    }
    const medianIn = median(fanIn);
    const medianOut = median(fanOut);
    const out: FindingDraft[] = [];
    for (let i = 0; i < services.length; i++) {
      const v = services[i]!;
      const fin = fanIn[i]!;
      const fout = fanOut[i]!;
      if (!(fin > medianIn && fout > medianOut && Math.abs(fin - fout) < (fin + fout) / 4)) continue;
      out.push({
        message: `${nameOf(v)} is a hub: ${fin} nodes depend on it and it depends on ${fout} (design median ${medianIn} in, ${medianOut} out)`,
        nodes: [graph.nodeIds[v]!],
        links: [],
      });
    }
    return out;
  },
};
