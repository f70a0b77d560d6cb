import type { IndexedLink, SimulationIndex } from './designIndex';
import { CAUSE, DEGRADED, DOWN, FAILED } from './spread';
import type { Spread } from './spread';

/** One line per non-ok node, in design order, naming the chain in the design's own names. */
export function explainAll(index: SimulationIndex, spread: Spread): Record<string, string> {
  const affected = [...spread.touched].sort((a, b) => a - b);
  return Object.fromEntries(affected.map((v) => [index.graph.nodeIds[v]!, explainNode(index, spread, v)]));
}

function channelOf(link: IndexedLink): string {
  return link.channel ?? 'its messages';
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Follow the recorded causes from v while they pass the same state along (failed through failed
 * callers, degraded through degraded ones): the chain ends at the node whose own link decided.
 */
function walkChain(index: SimulationIndex, spread: Spread, v: number): number[] {
  const chain = [v];
  const seen = new Set(chain);
  let current = v;
  while (spread.cause[current] === CAUSE.call) {
    const next = index.links[spread.causeLink[current]!]!.to;
    const s = spread.state[current]!;
    const passesOn = (s === FAILED || s === DEGRADED) && spread.state[next] === s;
    if (!passesOn || seen.has(next)) break;
    chain.push(next);
    seen.add(next);
    current = next;
  }
  return chain;
}

/** The node taken down at the bottom of a failure chain, for "while Order fails because Payment is down". */
function rootOf(index: SimulationIndex, spread: Spread, v: number): number {
  const chain = walkChain(index, spread, v);
  const last = chain[chain.length - 1]!;
  if (spread.cause[last] === CAUSE.down) return last;
  const link = spread.causeLink[last]!;
  return link >= 0 ? index.links[link]!.to : last;
}

function explainNode(index: SimulationIndex, spread: Spread, v: number): string {
  const name = (i: number) => index.graph.nodes[i]!.name;
  const { state, cause, causeLink } = spread;

  if (cause[v] === CAUSE.down) return `${name(v)} is down (taken down by the scenario)`;
  if (cause[v] === CAUSE.brokerDown) {
    const link = index.links[causeLink[v]!]!;
    return `${name(link.from)} is down: ${name(v)} receives ${channelOf(link)} late (the messages wait until ${name(link.from)} is back)`;
  }
  if (cause[v] === CAUSE.producerDown) {
    const link = index.links[causeLink[v]!]!;
    const producers = index.feeders[causeLink[v]!]!.map(name);
    const only = producers.length === 1 ? `its only publisher` : `all of its publishers`;
    return `${joinNames(producers)} ${producers.length === 1 ? 'is' : 'are'} down: ${name(v)} receives ${channelOf(link)} late (${only})`;
  }

  const chain = walkChain(index, spread, v);
  const last = chain[chain.length - 1]!;
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
          ? `fails because ${name(rootOf(index, spread, callee))} is down`
          : 'is degraded';
    reason =
      decisive.fallback !== undefined && state[callee]! >= FAILED
        ? `${name(last)} -> ${name(callee)} falls back to "${decisive.fallback}" while ${name(callee)} ${calleeState}`
        : state[last] === FAILED
          ? `${name(last)} -> ${name(callee)} has no circuit breaker fallback and ${name(callee)} ${calleeState}`
          : `${name(last)} calls ${name(callee)}, which ${calleeState}`;
  }

  const prefix = chain.length > 1 ? `${chain.map(name).join(' -> ')} ${state[v] === FAILED ? 'fails' : 'is degraded'}: ` : '';
  return `${prefix}${reason}${timeoutCallOut(index, spread, chain)}`;
}

/**
 * Rule 5: a sync call with no timeout toward a down or failed node. Without a timeout the caller's
 * threads hang and the outage can take down everything the caller serves (Release It!).
 */
function timeoutCallOut(index: SimulationIndex, spread: Spread, chain: number[]): string {
  const hanging: IndexedLink[] = [];
  for (const v of chain) {
    if (spread.cause[v] !== CAUSE.call) continue;
    const link = index.links[spread.causeLink[v]!]!;
    // Clients are outside the design's control (as in the missing-timeout rule): no call-out for them.
    if (!link.hasTimeout && spread.state[link.to]! >= FAILED && index.graph.kinds[link.from] !== 'client') hanging.push(link);
  }
  if (hanging.length === 0) return '';
  const name = (i: number) => index.graph.nodes[i]!.name;
  if (hanging.length === 1) {
    const caller = name(hanging[0]!.from);
    return `; ${caller} -> ${name(hanging[0]!.to)} has no timeout: ${caller}'s threads hang waiting and the outage can take down everything ${caller} serves`;
  }
  const list = hanging.map((link) => `${name(link.from)} -> ${name(link.to)}`).join(', ');
  return `; no timeout on ${list}: the callers' threads hang waiting and the outage can take down everything they serve`;
}
