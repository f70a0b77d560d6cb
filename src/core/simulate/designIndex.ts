import { withLinkDefaults } from '../model/defaults';
import { getEntryPoints } from '../graph/entryPoints';
import type { GraphIndex } from '../graph/graphIndex';
import { buildGraphIndex } from '../graph/graphIndex';
import { stronglyConnectedComponents } from '../graph/scc';
import type { Design } from '../model/types';

/**
 * A link as the simulator needs it: node positions instead of ids, resilience keys read once.
 * Link j is `design.links[j]`, as in the graph index (a link naming an unknown node has -1 ends and
 * sits in no adjacency list).
 */
export interface IndexedLink {
  from: number;
  to: number;
  channel?: string;
  /** The breaker's fallback, when the link has a breaker that states one. */
  fallback?: string;
  hasTimeout: boolean;
}

/**
 * Everything about a design a scenario needs, computed once: 1,000 scenarios on a 1,000-service
 * design then cost one pass each over the links they touch, not a rebuild of the graph. Node
 * positions, sync adjacency and entry points come from the shared graph index (src/core/graph);
 * the simulator adds what only it needs: brokers' publishers and consumers and who feeds whom.
 */
export interface SimulationIndex {
  /** Nodes, kinds, positions by id, and sync adjacency (`syncIn`: the links calling a node, `syncOut`: its calls). */
  graph: GraphIndex;
  links: IndexedLink[];
  /** Per broker: the async links publishing into it. */
  publishesTo: number[][];
  /** Per broker: the async links consuming from it. */
  consumedFrom: number[][];
  /** Per node: the consuming links it feeds (as a publisher on a broker, or a direct event). */
  feeds: number[][];
  /** Per consuming link: the nodes that publish what it consumes (empty for other links). */
  feeders: number[][];
  /** Entry points, in design order (rules.md). */
  entries: number[];
  /** Static figures: they depend on the design, not on the scenario (frozen: every result shares them). */
  availability: Readonly<Record<string, number>>;
  latencyMs: Readonly<Record<string, number>>;
}

const EMPTY: number[] = [];

/** Channels match when both name the same one, or when either side does not say (rules never guess). */
function collectFeeders(publishLinks: number[], links: IndexedLink[]): (channel: string | undefined) => number[] {
  const byChannel = new Map<string, Set<number>>();
  const anyChannel = new Set<number>();
  const all = new Set<number>();
  for (const l of publishLinks) {
    const link = links[l]!;
    all.add(link.from);
    if (link.channel === undefined) anyChannel.add(link.from);
    else {
      let set = byChannel.get(link.channel);
      if (!set) byChannel.set(link.channel, (set = new Set()));
      set.add(link.from);
    }
  }
  const cache = new Map<string | undefined, number[]>();
  return (channel) => {
    let feeders = cache.get(channel);
    if (!feeders) {
      feeders = channel === undefined ? [...all] : [...new Set([...(byChannel.get(channel) ?? EMPTY), ...anyChannel])];
      cache.set(channel, feeders);
    }
    return feeders;
  };
}

export function buildSimulationIndex(design: Design): SimulationIndex {
  const graph = buildGraphIndex(design);
  const n = graph.nodeIds.length;
  const { kinds, linkFrom, linkTo } = graph;

  const links: IndexedLink[] = design.links.map((link, j) => {
    const fallback = link.breaker?.fallback;
    return {
      from: linkFrom[j]!,
      to: linkTo[j]!,
      channel: typeof link.channel === 'string' && link.channel !== '' ? link.channel : undefined,
      fallback: typeof fallback === 'string' && fallback.trim() !== '' ? fallback : undefined,
      hasTimeout: typeof link.timeoutMs === 'number',
    };
  });

  const list = () => Array.from({ length: n }, () => [] as number[]);
  const publishesTo = list();
  const consumedFrom = list();
  const directInto = list();
  const feeds = list();
  const feeders: number[][] = links.map(() => EMPTY);

  // Design order, not node order: the order of a consumer's publishers is the order its explanation names them.
  for (let l = 0; l < links.length; l++) {
    const { from, to } = links[l]!;
    if (design.links[l]!.kind === 'sync' || from < 0 || to < 0) continue;
    if (kinds[from] === 'broker') consumedFrom[from]!.push(l);
    else if (kinds[to] === 'broker') publishesTo[to]!.push(l);
    else directInto[to]!.push(l);
  }

  const addFeeders = (l: number, list: number[]) => {
    feeders[l] = list;
    for (const f of list) feeds[f]!.push(l);
  };
  for (let b = 0; b < n; b++) {
    if (consumedFrom[b]!.length > 0) {
      const feedersOf = collectFeeders(publishesTo[b]!, links);
      for (const l of consumedFrom[b]!) addFeeders(l, feedersOf(links[l]!.channel));
    }
    // A direct service->service event goes through an implied broker: never down, it only buffers.
    if (directInto[b]!.length > 0) {
      const feedersOf = collectFeeders(directInto[b]!, links);
      for (const l of directInto[b]!) addFeeders(l, feedersOf(links[l]!.channel));
    }
  }

  const index: SimulationIndex = {
    graph,
    links,
    publishesTo,
    consumedFrom,
    feeds,
    feeders,
    entries: getEntryPoints(graph),
    availability: {},
    latencyMs: {},
  };
  index.availability = Object.freeze(computeAvailability(index));
  index.latencyMs = Object.freeze(computeLatency(index));
  return index;
}

/**
 * Product of the stated availabilities of everything an entry depends on by sync links without a
 * fallback. The entry's own availability is left out: it is the entry's target, which the
 * availability-budget rule compares this product against. Unstated values are not guessed: an
 * entry none of whose dependencies state one gets no figure.
 */
function computeAvailability(index: SimulationIndex): Record<string, number> {
  const { nodeIds, nodes, syncOut } = index.graph;
  const result: [string, number][] = [];
  const seen = new Int32Array(nodeIds.length).fill(-1);
  for (const entry of index.entries) {
    let product = 1;
    let counted = 0;
    const queue = [entry];
    seen[entry] = entry;
    for (let q = 0; q < queue.length; q++) {
      for (const l of syncOut[queue[q]!]!) {
        const link = index.links[l]!;
        if (link.fallback !== undefined || seen[link.to] === entry) continue;
        seen[link.to] = entry;
        queue.push(link.to);
        const a = nodes[link.to]!.availability;
        if (typeof a === 'number') {
          product *= a / 100;
          counted++;
        }
      }
    }
    if (counted > 0) result.push([nodeIds[entry]!, Math.round(product * 100 * 10000) / 10000]);
  }
  return Object.fromEntries(result);
}

/**
 * Critical path of stated latencyMs along sync links, entry included (its own time is on every
 * path). Sync cycles are collapsed into one step costing the sum of their members: an upper bound,
 * since a request could visit each member once.
 */
function computeLatency(index: SimulationIndex): Record<string, number> {
  const { nodeIds, nodes, syncOut, linkTo } = index.graph;
  // Components come sinks first (reverse topological order): callees before callers.
  const { componentOf, components } = stronglyConnectedComponents(index.graph.syncSuccessors);
  const longest = new Float64Array(components.length);
  const anyStated = new Uint8Array(components.length);
  for (let c = 0; c < components.length; c++) {
    let weight = 0;
    let best = 0;
    let stated = 0;
    for (const v of components[c]!) {
      const own = nodes[v]!.latencyMs;
      if (typeof own === 'number') {
        weight += own;
        stated = 1;
      }
      for (const l of syncOut[v]!) {
        const d = componentOf[linkTo[l]!]!;
        if (d === c) continue;
        if (longest[d]! > best) best = longest[d]!;
        stated |= anyStated[d]!;
      }
    }
    longest[c] = weight + best;
    anyStated[c] = stated;
  }
  const result: [string, number][] = [];
  for (const entry of index.entries) {
    const c = componentOf[entry]!;
    if (anyStated[c]) result.push([nodeIds[entry]!, longest[c]!]);
  }
  return Object.fromEntries(result);
}

/** Designs are values (the store replaces them, never mutates), so one index per design object. */
const cache = new WeakMap<Design, { nodes: object; links: object; linkCount: number; index: SimulationIndex }>();

export function getSimulationIndex(design: Design): SimulationIndex {
  const hit = cache.get(design);
  if (hit && hit.nodes === design.nodes && hit.links === design.links && hit.linkCount === design.links.length) return hit.index;
  // Link defaults (format.md `defaults:`) count as stated: a default timeout is a timeout.
  const index = buildSimulationIndex(withLinkDefaults(design));
  cache.set(design, { nodes: design.nodes, links: design.links, linkCount: design.links.length, index });
  return index;
}
