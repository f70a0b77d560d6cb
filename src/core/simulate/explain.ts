import type { IndexedLink, SimulationIndex } from './designIndex';
import { CAUSE, DEGRADED, DOWN, FAILED } from './spread';
import type { Spread } from './spread';

/**
 * Bounds that keep every explanation short whatever the design: a chain of 400 services with
 * 5,000-character names once produced quadratic text (minutes, a gigabyte). A chain shows its
 * first CHAIN_HEAD nodes, the count elided, and its last CHAIN_TAIL; a list names LIST_HEAD
 * items and counts the rest; a name longer than NAME_MAX is cut with an ellipsis.
 */
export const EXPLAIN_LIMITS = { CHAIN_HEAD: 3, CHAIN_TAIL: 2, LIST_HEAD: 3, NAME_MAX: 80 } as const;
const { CHAIN_HEAD, CHAIN_TAIL, LIST_HEAD, NAME_MAX } = EXPLAIN_LIMITS;

/**
 * What every node's failure chain looks like, computed once per scenario in one pass (memoised
 * along the chain), so explaining n nodes costs O(n), not O(n x chain length).
 */
interface Chains {
  /** The next node in v's chain, or -1 where the chain ends at v. */
  next: Int32Array;
  /** Where v's chain ends: the node whose own link decided. */
  last: Int32Array;
  /** How many nodes v's chain has, v included. */
  length: Int32Array;
  /** The chain's last CHAIN_TAIL nodes. */
  tail: number[][];
  /** Links without a timeout toward a failed or down node along v's chain: the first LIST_HEAD, and how many. */
  hanging: IndexedLink[][];
  hangingCount: Int32Array;
}

/** One line per non-ok node, in design order, naming the chain in the design's own names. */
export function explainAll(index: SimulationIndex, spread: Spread): Record<string, string> {
  const affected = [...spread.touched].sort((a, b) => a - b);
  const chains = buildChains(index, spread);
  const names = new Map<number, string>();
  const name = (i: number) => {
    let short = names.get(i);
    if (short === undefined) names.set(i, (short = shortName(index.graph.nodes[i]!.name)));
    return short;
  };
  const result: Record<string, string> = {};
  for (const v of affected) {
    const id = index.graph.nodeIds[v]!;
    const text = explainNode(index, spread, chains, name, v);
    // A node id may be "__proto__": define it, do not assign it (which would set the prototype).
    if (id === '__proto__')
      Object.defineProperty(result, id, { value: text, enumerable: true, writable: true, configurable: true });
    else result[id] = text;
  }
  return result;
}

function shortName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  // Cut on a code point boundary: half a surrogate pair is not text.
  const cut = Array.from(name.slice(0, 2 * NAME_MAX)).slice(0, NAME_MAX - 1);
  return cut.length < NAME_MAX - 1 && [...name].length < NAME_MAX ? name : `${cut.join('')}…`;
}

function channelOf(link: IndexedLink): string {
  return link.channel === undefined ? 'its messages' : shortName(link.channel);
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
function joinNames(names: string[], total = names.length): string {
  if (total > names.length || names.length > LIST_HEAD) {
    const shown = names.slice(0, LIST_HEAD);
    return `${shown.join(', ')} and ${total - shown.length} more`;
  }
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A node's chain follows the recorded causes while they pass the same state along (failed through
 * failed callers, degraded through degraded ones): it ends at the node whose own link decided.
 * The next node always reached its state before the current one, so chains cannot loop; the
 * in-progress mark guards that anyway.
 */
function buildChains(index: SimulationIndex, spread: Spread): Chains {
  const n = spread.state.length;
  const chains: Chains = {
    next: new Int32Array(n).fill(-1),
    last: new Int32Array(n).fill(-1),
    length: new Int32Array(n),
    tail: [],
    hanging: [],
    hangingCount: new Int32Array(n),
  };
  const { state, cause, causeLink } = spread;
  const done = new Uint8Array(n); // 0 new, 1 in progress, 2 done
  const stack: number[] = [];

  const hangingLink = (v: number): IndexedLink | undefined => {
    if (cause[v] !== CAUSE.call) return undefined;
    const link = index.links[causeLink[v]!]!;
    // Clients are outside the design's control (as in the missing-timeout rule): no call-out for them.
    return !link.hasTimeout && state[link.to]! >= FAILED && index.graph.kinds[link.from] !== 'client' ? link : undefined;
  };

  const finish = (v: number, next: number) => {
    const own = hangingLink(v);
    if (next < 0) {
      chains.last[v] = v;
      chains.length[v] = 1;
      chains.tail[v] = [v];
      chains.hanging[v] = own ? [own] : [];
      chains.hangingCount[v] = own ? 1 : 0;
    } else {
      chains.next[v] = next;
      chains.last[v] = chains.last[next]!;
      chains.length[v] = chains.length[next]! + 1;
      const tail = chains.tail[next]!;
      chains.tail[v] = tail.length < CHAIN_TAIL ? [v, ...tail] : tail;
      const after = chains.hanging[next]!;
      chains.hanging[v] = own ? [own, ...after].slice(0, LIST_HEAD + 1) : after;
      chains.hangingCount[v] = chains.hangingCount[next]! + (own ? 1 : 0);
    }
    done[v] = 2;
  };

  for (const start of spread.touched) {
    if (done[start] === 2) continue;
    stack.length = 0;
    let current = start;
    // Walk down to a node already explained or to the end of the chain, then finish on the way back.
    for (;;) {
      done[current] = 1;
      stack.push(current);
      if (cause[current] !== CAUSE.call) break;
      const next = index.links[causeLink[current]!]!.to;
      const s = state[current]!;
      if (!((s === FAILED || s === DEGRADED) && state[next] === s) || done[next] === 1) break;
      if (done[next] === 2) break;
      current = next;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      const v = stack[k]!;
      const next = k + 1 < stack.length ? stack[k + 1]! : continuesInto(v);
      finish(v, next);
    }
  }
  return chains;

  /** The explained node a chain's last stacked node joins, or -1 when its chain ends there. */
  function continuesInto(v: number): number {
    if (cause[v] !== CAUSE.call) return -1;
    const next = index.links[causeLink[v]!]!.to;
    const s = state[v]!;
    return (s === FAILED || s === DEGRADED) && state[next] === s && done[next] === 2 ? next : -1;
  }
}

/** The nodes of v's chain to show: the head, then "… N more …", then the tail. */
function chainText(chains: Chains, name: (i: number) => string, v: number): string {
  const length = chains.length[v]!;
  const head: number[] = [];
  for (let u = v; u >= 0 && head.length < CHAIN_HEAD + CHAIN_TAIL; u = chains.next[u]!) head.push(u);
  if (length <= CHAIN_HEAD + CHAIN_TAIL) return head.map(name).join(' -> ');
  const shown = head.slice(0, CHAIN_HEAD).map(name);
  const tail = chains.tail[v]!.map(name);
  return `${shown.join(' -> ')} -> … ${length - CHAIN_HEAD - CHAIN_TAIL} more … -> ${tail.join(' -> ')}`;
}

/** The node taken down at the bottom of a failure chain, for "while Order fails because Payment is down". */
function rootOf(index: SimulationIndex, spread: Spread, chains: Chains, v: number): number {
  const last = chains.last[v]!;
  if (spread.cause[last] === CAUSE.down) return last;
  const link = spread.causeLink[last]!;
  return link >= 0 ? index.links[link]!.to : last;
}

/**
 * A consumer of a down broker lags, and why depends on what its publishers did: with an outbox the
 * messages wait there, without one the publish failed the request, so those messages were never
 * sent (they will not arrive when the broker is back).
 */
function brokerDownReason(
  index: SimulationIndex,
  name: (i: number) => string,
  link: IndexedLink,
  linkIndex: number,
  v: number,
): string {
  const broker = name(link.from);
  const channel = channelOf(link);
  const publishers = index.feeders[linkIndex] ?? [];
  const withOutbox: string[] = [];
  const without: string[] = [];
  let outboxCount = 0;
  let withoutCount = 0;
  for (const p of publishers) {
    if (index.graph.nodes[p]!.outbox === true) {
      if (withOutbox.length < LIST_HEAD + 1) withOutbox.push(name(p));
      outboxCount++;
    } else {
      if (without.length < LIST_HEAD + 1) without.push(name(p));
      withoutCount++;
    }
  }
  const head = `${broker} is down: ${name(v)} receives ${channel}`;
  if (publishers.length === 0) return `${head} late (what ${broker} already holds waits until it is back)`;
  const parts: string[] = [];
  if (outboxCount > 0)
    parts.push(
      `${joinNames(withOutbox, outboxCount)} keep${outboxCount === 1 ? 's' : ''} new messages in an outbox until ${broker} is back`,
    );
  if (withoutCount > 0)
    parts.push(
      `${joinNames(without, withoutCount)} publish${withoutCount === 1 ? 'es' : ''} without an outbox: those requests fail and their messages are never sent`,
    );
  return outboxCount > 0
    ? `${head} late (${parts.join('; ')})`
    : `${broker} is down: ${name(v)} receives no new ${channel} (${parts.join('; ')})`;
}

function explainNode(index: SimulationIndex, spread: Spread, chains: Chains, name: (i: number) => string, v: number): string {
  const { state, cause, causeLink } = spread;

  if (cause[v] === CAUSE.down) return `${name(v)} is down (taken down by the scenario)`;
  if (cause[v] === CAUSE.brokerDown) {
    const l = causeLink[v]!;
    return brokerDownReason(index, name, index.links[l]!, l, v);
  }
  if (cause[v] === CAUSE.producerDown) {
    const link = index.links[causeLink[v]!]!;
    const all = index.feeders[causeLink[v]!]!;
    const producers = all.slice(0, LIST_HEAD + 1).map(name);
    const only = all.length === 1 ? `its only publisher` : `all of its publishers`;
    return `${joinNames(producers, all.length)} ${all.length === 1 ? 'is' : 'are'} down: ${name(v)} receives ${channelOf(link)} late (${only})`;
  }

  const last = chains.last[v]!;
  const decisive = causeLink[last]! >= 0 ? index.links[causeLink[last]!]! : undefined;
  let reason: string;
  if (!decisive) reason = `${name(last)} is ${state[last] === FAILED ? 'failing' : 'degraded'}`;
  else if (cause[last] === CAUSE.publish) {
    const broker = name(decisive.to);
    reason =
      state[last] === FAILED
        ? `${name(last)} publishes ${channelOf(decisive)} to ${broker} without an outbox and ${broker} is down`
        : `${name(last)} publishes ${channelOf(decisive)} to ${broker} through its outbox: the messages wait there until ${broker} is back`;
  } else {
    const callee = decisive.to;
    const calleeState =
      state[callee] === DOWN
        ? 'is down'
        : state[callee] === FAILED
          ? `fails because ${name(rootOf(index, spread, chains, callee))} is down`
          : 'is degraded';
    reason =
      decisive.fallback !== undefined && state[callee]! >= FAILED
        ? `${name(last)} -> ${name(callee)} falls back to "${shortName(decisive.fallback)}" while ${name(callee)} ${calleeState}`
        : state[last] === FAILED
          ? `${name(last)} -> ${name(callee)} has no circuit breaker fallback and ${name(callee)} ${calleeState}`
          : `${name(last)} calls ${name(callee)}, which ${calleeState}`;
  }

  const prefix = chains.length[v]! > 1 ? `${chainText(chains, name, v)} ${state[v] === FAILED ? 'fails' : 'is degraded'}: ` : '';
  return `${prefix}${reason}${timeoutCallOut(chains, name, v)}`;
}

/**
 * Rule 5: a sync call with no timeout toward a down or failed node. Without a timeout the caller's
 * threads hang and the outage can take down everything the caller serves (Release It!).
 */
function timeoutCallOut(chains: Chains, name: (i: number) => string, v: number): string {
  const hanging = chains.hanging[v]!;
  const count = chains.hangingCount[v]!;
  if (count === 0) return '';
  if (count === 1) {
    const caller = name(hanging[0]!.from);
    return `; ${caller} -> ${name(hanging[0]!.to)} has no timeout: ${caller}'s threads hang waiting and the outage can take down everything ${caller} serves`;
  }
  const shown = hanging.slice(0, LIST_HEAD).map((link) => `${name(link.from)} -> ${name(link.to)}`);
  const list = count > LIST_HEAD ? `${shown.join(', ')} and ${count - LIST_HEAD} more` : shown.join(', ');
  return `; no timeout on ${list}: the callers' threads hang waiting and the outage can take down everything they serve`;
}
