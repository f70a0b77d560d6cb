import type { Design } from '../model/types';
import type { SimulationIndex } from './designIndex';
import { getSimulationIndex } from './designIndex';
import { explainAll } from './explain';
import { spreadFailure } from './spread';
import type { SimulationResult, SimulationState } from './types';
import { SIMULATION_STATES, UnknownNodeError } from './types';

/** Numbers from spreadFailure back to names: rank 4 is `down`, 0 is `ok`. */
export const STATE_NAMES: readonly SimulationState[] = [...SIMULATION_STATES].reverse();

/** Node ids to positions; throws UnknownNodeError naming every id the design does not have. */
function resolveNodes(index: SimulationIndex, ids: readonly string[]): number[] {
  const unknown = ids.filter((id) => !index.graph.indexOf.has(id));
  if (unknown.length > 0) throw new UnknownNodeError([...new Set(unknown)], index.graph.nodeIds);
  return [...new Set(ids)].map((id) => index.graph.indexOf.get(id)!);
}

/** A record from parallel arrays; a loop is the cheapest way to build a 1,000-key object. */
function toRecord<T>(keys: readonly string[], valueOf: (i: number) => T): Record<string, T> {
  const record: Record<string, T> = {};
  for (let i = 0; i < keys.length; i++) {
    // A node id may be "__proto__": define it, do not assign it (which would set the prototype).
    if (keys[i] === '__proto__')
      Object.defineProperty(record, '__proto__', { value: valueOf(i), enumerable: true, writable: true, configurable: true });
    else record[keys[i]!] = valueOf(i);
  }
  return record;
}

function simulateIndexed(index: SimulationIndex, down: readonly string[]): SimulationResult {
  const positions = resolveNodes(index, down);
  const spread = spreadFailure(index, positions);
  const stateOf = (i: number) => STATE_NAMES[spread.state[i]!]!;
  return {
    down: positions.map((i) => index.graph.nodeIds[i]!),
    states: toRecord(index.graph.nodeIds, stateOf),
    // An entry's state is the worst that reached it up sync links (rule 1 already carried it there).
    entries: Object.fromEntries(index.entries.map((i) => [index.graph.nodeIds[i]!, stateOf(i)])),
    explanations: explainAll(index, spread),
    // Design-level figures, the same for every scenario: shared and frozen rather than copied.
    availability: index.availability,
    latencyMs: index.latencyMs,
  };
}

/**
 * What happens when the nodes in `down` are down (spec/simulation.md). The design's index is built
 * once per design object and reused, so calling this in a loop stays cheap.
 */
export function simulate(design: Design, down: readonly string[]): SimulationResult {
  return simulateIndexed(getSimulationIndex(design), down);
}

/**
 * The design's entry points (rules.md) as node ids, from the simulator's cached index; the rule
 * itself is graph/entryPoints.ts.
 */
export function getEntryPoints(design: Design): string[] {
  const index = getSimulationIndex(design);
  return index.entries.map((i) => index.graph.nodeIds[i]!);
}
