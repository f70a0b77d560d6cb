import type { Design, DesignNode, Link, NodeKind } from '../model/types';
import { getLinkIds } from '../model/ids';

/**
 * A design as integer-indexed adjacency, built once and shared by every rule (and the simulator).
 * Nodes and links keep design order: node i is `Object.keys(design.nodes)[i]`, link j is
 * `design.links[j]`. Adjacency lists hold link indices, in design order.
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
  syncOut: number[][];
  syncIn: number[][];
  asyncOut: number[][];
  asyncIn: number[][];
  /** Successor node indices along sync links (duplicates possible), for SCC and path algorithms. */
  syncSuccessors: number[][];
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
  const makeLists = () => {
    const lists = new Array<number[]>(n);
    for (let i = 0; i < n; i++) lists[i] = [];
    return lists;
  };
  const syncOut = makeLists();
  const syncIn = makeLists();
  const asyncOut = makeLists();
  const asyncIn = makeLists();
  const syncSuccessors = makeLists();
  const links = design.links;
  const linkIds = getLinkIds(links);
  const linkFrom = new Int32Array(links.length);
  const linkTo = new Int32Array(links.length);
  for (let j = 0; j < links.length; j++) {
    const link = links[j]!;
    // A valid design names known nodes; -1 keeps an unvalidated one from crashing the rules.
    const from = indexOf.get(link.from) ?? -1;
    const to = indexOf.get(link.to) ?? -1;
    linkFrom[j] = from;
    linkTo[j] = to;
    if (from < 0 || to < 0) continue;
    if (link.kind === 'sync') {
      syncOut[from]!.push(j);
      syncIn[to]!.push(j);
      syncSuccessors[from]!.push(to);
    } else {
      asyncOut[from]!.push(j);
      asyncIn[to]!.push(j);
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
