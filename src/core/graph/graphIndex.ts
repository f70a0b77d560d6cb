import type { Design, DesignNode, Link, NodeKind } from '../model/types';
import { getLinkIds } from '../model/ids';

/**
 * A design as integer-indexed adjacency, built once and shared by every rule (and the simulator).
 * Nodes and links keep design order: node i is `Object.keys(design.nodes)[i]`, link j is
 * `design.links[j]`. Adjacency lists hold link indices, in design order; they are read-only (the
 * empty ones are one shared list).
 */
export interface GraphIndex {
  design: Design;
  nodeIds: string[];
  nodes: DesignNode[];
  kinds: NodeKind[];
  indexOf: Map<string, number>;
  links: Link[];
  linkIds: readonly string[];
  linkFrom: Int32Array;
  linkTo: Int32Array;
  syncOut: readonly (readonly number[])[];
  syncIn: readonly (readonly number[])[];
  asyncOut: readonly (readonly number[])[];
  asyncIn: readonly (readonly number[])[];
  /** Successor node indices along sync links (duplicates possible), for SCC and path algorithms. */
  syncSuccessors: readonly (readonly number[])[];
}

const EMPTY: readonly number[] = [];

/** A list of `counts[v]` places for each node v, to be filled; the shared empty list for a count of 0. */
function listsOf(counts: Int32Array): number[][] {
  const lists = new Array<number[]>(counts.length);
  for (let v = 0; v < counts.length; v++) lists[v] = counts[v] === 0 ? (EMPTY as number[]) : new Array<number>(counts[v]!);
  return lists;
}

export function buildGraphIndex(design: Design): GraphIndex {
  const nodeIds = Object.keys(design.nodes);
  const n = nodeIds.length;
  const nodes: DesignNode[] = new Array<DesignNode>(n);
  const kinds: NodeKind[] = new Array<NodeKind>(n);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = nodeIds[i]!;
    const node = design.nodes[id]!;
    nodes[i] = node;
    kinds[i] = node.kind;
    indexOf.set(id, i);
  }
  const links = design.links;
  const linkIds = getLinkIds(links);
  const linkFrom = new Int32Array(links.length);
  const linkTo = new Int32Array(links.length);
  // Two passes: count each list's length, then fill lists made to that length. Lists grown by
  // push hold room for 17 or more; at 15,000 nodes, five lists each, the slack was 10 MB that
  // every collection copied (bench/open.ts). A node with nothing in a list shares one empty list.
  const syncOutCount = new Int32Array(n);
  const syncInCount = new Int32Array(n);
  const asyncOutCount = new Int32Array(n);
  const asyncInCount = new Int32Array(n);
  for (let j = 0; j < links.length; j++) {
    const link = links[j]!;
    // A valid design names known nodes; -1 keeps an unvalidated one from crashing the rules.
    const from = indexOf.get(link.from) ?? -1;
    const to = indexOf.get(link.to) ?? -1;
    linkFrom[j] = from;
    linkTo[j] = to;
    if (from < 0 || to < 0) continue;
    if (link.kind === 'sync') {
      syncOutCount[from]!++;
      syncInCount[to]!++;
    } else {
      asyncOutCount[from]!++;
      asyncInCount[to]!++;
    }
  }
  const syncOut = listsOf(syncOutCount);
  const syncIn = listsOf(syncInCount);
  const asyncOut = listsOf(asyncOutCount);
  const asyncIn = listsOf(asyncInCount);
  const syncSuccessors = listsOf(syncOutCount);
  // The counts become each list's next free place.
  syncOutCount.fill(0);
  syncInCount.fill(0);
  asyncOutCount.fill(0);
  asyncInCount.fill(0);
  for (let j = 0; j < links.length; j++) {
    const from = linkFrom[j]!;
    const to = linkTo[j]!;
    if (from < 0 || to < 0) continue;
    if (links[j]!.kind === 'sync') {
      const k = syncOutCount[from]!++;
      syncOut[from]![k] = j;
      syncSuccessors[from]![k] = to;
      syncIn[to]![syncInCount[to]!++] = j;
    } else {
      asyncOut[from]![asyncOutCount[from]!++] = j;
      asyncIn[to]![asyncInCount[to]!++] = j;
    }
  }
  return {
    design,
    nodeIds,
    nodes,
    kinds,
    indexOf,
    links,
    linkIds,
    linkFrom,
    linkTo,
    syncOut,
    syncIn,
    asyncOut,
    asyncIn,
    syncSuccessors,
  };
}
