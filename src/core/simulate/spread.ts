import type { SimulationIndex } from './designIndex';

/** States as numbers (STATE_RANK), so "the worst state wins" is a comparison. */
export const OK = 0;
export const LAGGING = 1;
export const DEGRADED = 2;
export const FAILED = 3;
export const DOWN = 4;

/** Why a node is in its state: read back by the explanations. */
export const CAUSE = {
  none: 0,
  /** Taken down by the scenario. */
  down: 1,
  /** A sync call (causeLink) toward a down, failed or degraded node (rule 1). */
  call: 2,
  /** A publish (causeLink) into a down broker (rule 3). */
  publish: 3,
  /** A consumption (causeLink) from a down broker (rule 3). */
  brokerDown: 4,
  /** A consumption (causeLink) whose every publisher is down (rule 4). */
  producerDown: 5,
} as const;

export interface Spread {
  state: Uint8Array;
  cause: Uint8Array;
  causeLink: Int32Array;
  /** Every node whose state is not ok, in the order it was reached. */
  touched: number[];
}

/** Fresh arrays for one scenario; pass the same Spread back to spreadFailure to reuse them. */
export function createSpread(nodeCount: number): Spread {
  return {
    state: new Uint8Array(nodeCount),
    cause: new Uint8Array(nodeCount),
    causeLink: new Int32Array(nodeCount).fill(-1),
    touched: [],
  };
}

/**
 * Spread a scenario through the design: seeds from the down nodes (rules 2-4), then up sync links
 * until nothing changes (rule 1). States only rise and there are five, so each node is raised at
 * most four times: the fixpoint terminates on cycles and costs O(links) per scenario. Breadth
 * first, so the recorded cause is a shortest chain.
 */
export function spreadFailure(index: SimulationIndex, down: readonly number[], reuse?: Spread): Spread {
  const spread = reuse ?? createSpread(index.graph.nodeIds.length);
  const { state, cause, causeLink, touched } = spread;
  const { kinds, nodes, syncIn } = index.graph;
  // Reset only what the previous scenario touched: the blast radius runs one scenario per node.
  for (const v of touched) {
    state[v] = OK;
    cause[v] = CAUSE.none;
    causeLink[v] = -1;
  }
  touched.length = 0;
  const queue: number[] = [];

  const raise = (v: number, s: number, why: number, link: number) => {
    if (s <= state[v]!) return;
    if (state[v] === OK) touched.push(v);
    state[v] = s;
    cause[v] = why;
    causeLink[v] = link;
    if (s >= DEGRADED) queue.push(v);
  };

  for (const d of down) raise(d, DOWN, CAUSE.down, -1);
  const isCut = (l: number) =>
    index.routes[l]!.every((r) => state[r.feeder] === DOWN || r.brokers.some((b) => state[b] === DOWN));

  for (const d of down) {
    if (kinds[d] === 'broker') {
      // The publish fails the request, unless an outbox keeps the message until the broker is back.
      for (const l of index.publishesTo[d]!) {
        const publisher = index.links[l]!.from;
        raise(publisher, nodes[publisher]!.outbox === true ? DEGRADED : FAILED, CAUSE.publish, l);
      }
      for (const l of index.consumedFrom[d]!) raise(index.links[l]!.to, LAGGING, CAUSE.brokerDown, l);
      // Bridged on to another broker: its consumers lag when every way their messages come is cut.
      for (const { link: l, bridge } of index.bridgedConsumers[d]!) {
        const to = index.links[l]!.to;
        if (state[to]! < LAGGING && isCut(l)) raise(to, LAGGING, CAUSE.brokerDown, bridge);
      }
    }
    // A consumer lags only when everything that publishes what it consumes is down (or cut off by a down broker).
    for (const l of index.feeds[d]!) {
      const link = index.links[l]!;
      if (state[link.to]! >= LAGGING || (kinds[link.from] === 'broker' && state[link.from] === DOWN)) continue;
      if (isCut(l)) raise(link.to, LAGGING, CAUSE.producerDown, l);
    }
  }

  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    const s = state[v]!;
    for (const l of syncIn[v]!) {
      const link = index.links[l]!;
      const effect = s >= FAILED ? (link.fallback !== undefined ? DEGRADED : FAILED) : DEGRADED;
      raise(link.from, effect, CAUSE.call, l);
    }
  }

  return spread;
}
