import { getLinkId } from '../model/ids';
import type { Design, NodeKind } from '../model/types';

/** A link as the simulator needs it: node positions instead of ids, resilience keys read once. */
export interface IndexedLink {
  id: string;
  from: number;
  to: number;
  sync: boolean;
  channel?: string;
  /** The breaker's fallback, when the link has a breaker that states one. */
  fallback?: string;
  hasTimeout: boolean;
}

/**
 * Everything about a design a scenario needs, computed once: 1,000 scenarios on a 1,000-service
 * design then cost one pass each over the links they touch, not a rebuild of the graph.
 * A small graph index of its own so the simulator does not depend on src/core/graph.
 */
export interface SimulationIndex {
  design: Design;
  ids: string[];
  names: string[];
  kinds: NodeKind[];
  outbox: boolean[];
  indexOf: Map<string, number>;
  links: IndexedLink[];
  /** Per node: the sync links that call it (its callers are their `from`). */
  callersOf: number[][];
  /** Per node: the sync links it makes. */
  callsOf: number[][];
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
  const ids = Object.keys(design.nodes);
  const n = ids.length;
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const nodes = ids.map((id) => design.nodes[id]!);
  const kinds = nodes.map((node) => node.kind);
  const isBroker = kinds.map((kind) => kind === 'broker');

  const links: IndexedLink[] = [];
  for (const link of design.links) {
    const from = indexOf.get(link.from);
    const to = indexOf.get(link.to);
    // A valid design names known nodes only; skip rather than crash on a draft being edited.
    if (from === undefined || to === undefined) continue;
    const fallback = link.breaker?.fallback;
    links.push({
      id: getLinkId(link),
      from,
      to,
      sync: link.kind === 'sync',
      channel: typeof link.channel === 'string' && link.channel !== '' ? link.channel : undefined,
      fallback: typeof fallback === 'string' && fallback.trim() !== '' ? fallback : undefined,
      hasTimeout: typeof link.timeoutMs === 'number',
    });
  }

  const list = () => Array.from({ length: n }, () => [] as number[]);
  const callersOf = list();
  const callsOf = list();
  const publishesTo = list();
  const consumedFrom = list();
  const directInto = list();
  const feeds = list();
  const feeders: number[][] = links.map(() => EMPTY);

  links.forEach((link, l) => {
    if (link.sync) {
      callersOf[link.to]!.push(l);
      callsOf[link.from]!.push(l);
    } else if (isBroker[link.from]) consumedFrom[link.from]!.push(l);
    else if (isBroker[link.to]) publishesTo[link.to]!.push(l);
    else directInto[link.to]!.push(l);
  });

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

  const edge = kinds.map((kind, i) => (kind === 'client' || kind === 'gateway' ? i : -1)).filter((i) => i >= 0);
  const entries =
    edge.length > 0
      ? edge
      : kinds.map((kind, i) => (kind === 'service' && callersOf[i]!.length === 0 ? i : -1)).filter((i) => i >= 0);

  const index: SimulationIndex = {
    design,
    ids,
    names: nodes.map((node) => node.name),
    kinds,
    outbox: nodes.map((node) => node.outbox === true),
    indexOf,
    links,
    callersOf,
    callsOf,
    publishesTo,
    consumedFrom,
    feeds,
    feeders,
    entries,
    availability: {},
    latencyMs: {},
  };
  index.availability = Object.freeze(
    computeAvailability(
      index,
      nodes.map((node) => node.availability),
    ),
  );
  index.latencyMs = Object.freeze(
    computeLatency(
      index,
      nodes.map((node) => node.latencyMs),
    ),
  );
  return index;
}

/**
 * Product of the stated availabilities of everything an entry depends on by sync links without a
 * fallback. The entry's own availability is left out: it is the entry's target, which the
 * availability-budget rule compares this product against. Unstated values are not guessed: an
 * entry none of whose dependencies state one gets no figure.
 */
function computeAvailability(index: SimulationIndex, stated: (number | undefined)[]): Record<string, number> {
  const result: [string, number][] = [];
  const seen = new Int32Array(index.ids.length).fill(-1);
  for (const entry of index.entries) {
    let product = 1;
    let counted = 0;
    const queue = [entry];
    seen[entry] = entry;
    for (let q = 0; q < queue.length; q++) {
      for (const l of index.callsOf[queue[q]!]!) {
        const link = index.links[l]!;
        if (link.fallback !== undefined || seen[link.to] === entry) continue;
        seen[link.to] = entry;
        queue.push(link.to);
        const a = stated[link.to];
        if (typeof a === 'number') {
          product *= a / 100;
          counted++;
        }
      }
    }
    if (counted > 0) result.push([index.ids[entry]!, Math.round(product * 100 * 10000) / 10000]);
  }
  return Object.fromEntries(result);
}

/**
 * Critical path of stated latencyMs along sync links, entry included (its own time is on every
 * path). Sync cycles are collapsed into one step costing the sum of their members: an upper bound,
 * since a request could visit each member once.
 */
function computeLatency(index: SimulationIndex, stated: (number | undefined)[]): Record<string, number> {
  const n = index.ids.length;
  const weight = stated.map((v) => (typeof v === 'number' ? v : 0));
  const { component, count } = stronglyConnected(index);
  const componentWeight = new Float64Array(count);
  const componentStated = new Uint8Array(count);
  for (let v = 0; v < n; v++) {
    componentWeight[component[v]!]! += weight[v]!;
    if (typeof stated[v] === 'number') componentStated[component[v]!] = 1;
  }
  // Tarjan numbers components in reverse topological order: callees before callers.
  const members = Array.from({ length: count }, () => [] as number[]);
  for (let v = 0; v < n; v++) members[component[v]!]!.push(v);
  const longest = new Float64Array(count);
  const anyStated = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    let best = 0;
    let stated = componentStated[c]!;
    for (const v of members[c]!) {
      for (const l of index.callsOf[v]!) {
        const d = component[index.links[l]!.to]!;
        if (d === c) continue;
        if (longest[d]! > best) best = longest[d]!;
        stated |= anyStated[d]!;
      }
    }
    longest[c] = componentWeight[c]! + best;
    anyStated[c] = stated;
  }
  const result: [string, number][] = [];
  for (const entry of index.entries) {
    const c = component[entry]!;
    if (anyStated[c]) result.push([index.ids[entry]!, longest[c]!]);
  }
  return Object.fromEntries(result);
}

/** Iterative Tarjan over sync links (a recursive one overflows the stack on a long chain). */
function stronglyConnected(index: SimulationIndex): { component: Int32Array; count: number } {
  const n = index.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: [number, number][] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    work.push([root, 0]);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const v = frame[0];
      if (frame[1] === 0 && order[v] === -1) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const calls = index.callsOf[v]!;
      if (frame[1] < calls.length) {
        const w = index.links[calls[frame[1]++]!]!.to;
        if (order[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}

/** Designs are values (the store replaces them, never mutates), so one index per design object. */
const cache = new WeakMap<Design, { nodes: object; links: object; linkCount: number; index: SimulationIndex }>();

export function getSimulationIndex(design: Design): SimulationIndex {
  const hit = cache.get(design);
  if (hit && hit.nodes === design.nodes && hit.links === design.links && hit.linkCount === design.links.length) return hit.index;
  const index = buildSimulationIndex(design);
  cache.set(design, { nodes: design.nodes, links: design.links, linkCount: design.links.length, index });
  return index;
}
