import { withLinkDefaults } from '../model/defaults';
import { getEntryPoints } from '../graph/entryPoints';
import type { GraphIndex } from '../graph/graphIndex';
import { buildGraphIndex } from '../graph/graphIndex';
import { stronglyConnectedComponents } from '../graph/scc';
import { buildMessaging, getDownstream, getUpstream } from '../graph/messaging';
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
  /** Per consuming link (and per bridge): the nodes that publish what it carries, bridged ones included (empty for other links). */
  feeders: number[][];
  /**
   * Per consuming link: every way a publisher's messages reach it, with the brokers upstream of
   * its own that the messages cross through bridges. It lags when every route is cut.
   */
  routes: FeedRoute[][];
  /** Per broker: the consuming links downstream of it through a bridge, with that bridge. */
  bridgedConsumers: { link: number; bridge: number }[][];
  /** Entry points, in design order (rules.md). */
  entries: number[];
  /** Static figures: they depend on the design, not on the scenario (frozen: every result shares them). */
  availability: Readonly<Record<string, number>>;
  latencyMs: Readonly<Record<string, number>>;
}

/** A publisher that feeds a consumption, and the brokers between them other than the consumption's own. */
export interface FeedRoute {
  feeder: number;
  brokers: number[];
}

const EMPTY: number[] = [];
const NO_ROUTES: FeedRoute[] = [];

export function buildSimulationIndex(design: Design): SimulationIndex {
  const graph = buildGraphIndex(design);
  const n = graph.nodeIds.length;
  const { linkFrom, linkTo } = graph;

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
  const feeds = list();
  const feeders: number[][] = links.map(() => EMPTY);
  const routes: FeedRoute[][] = links.map(() => NO_ROUTES);
  const bridgedConsumers = Array.from({ length: n }, () => [] as { link: number; bridge: number }[]);

  // Who publishes and who consumes is core/graph's definition (messaging.ts): a bridge is
  // neither; a direct event goes through its receiver's implied broker, never down, it only buffers.
  const messaging = buildMessaging(graph);
  const { roles } = messaging;
  for (let l = 0; l < links.length; l++) {
    if (roles[l] === 'publish') publishesTo[links[l]!.to]!.push(l);
    else if (roles[l] === 'consume') consumedFrom[links[l]!.from]!.push(l);
  }
  // One walk per channel, shared by its consumptions. Design order, not node order: the order of
  // a consumer's publishers is the order its explanation names them.
  const upstream = new Map<number, { routes: FeedRoute[]; feeders: number[] }>();
  const upstreamOf = (c: number) => {
    let found = upstream.get(c);
    if (!found) {
      const walked = getUpstream(messaging, c).map((r) => ({
        feeder: linkFrom[r.link]!,
        brokers: r.bridges.map((b) => linkFrom[b]!),
      }));
      found = { routes: walked, feeders: [...new Set(walked.map((r) => r.feeder))] };
      upstream.set(c, found);
    }
    return found;
  };
  for (let l = 0; l < links.length; l++) {
    const role = roles[l];
    if (role !== 'consume' && role !== 'direct' && role !== 'bridge') continue;
    const found = upstreamOf(messaging.leaves[l]!);
    feeders[l] = found.feeders;
    if (role === 'bridge') continue;
    routes[l] = found.routes;
    for (const f of found.feeders) feeds[f]!.push(l);
  }
  for (let l = 0; l < links.length; l++) {
    if (roles[l] !== 'bridge') continue;
    for (const r of getDownstream(messaging, messaging.enters[l]!))
      bridgedConsumers[links[l]!.from]!.push({ link: r.link, bridge: l });
  }

  const index: SimulationIndex = {
    graph,
    links,
    publishesTo,
    consumedFrom,
    feeds,
    feeders,
    routes,
    bridgedConsumers,
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
