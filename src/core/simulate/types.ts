/** What a failure scenario does to each node, worst first (spec/simulation.md, "States"). */
export const SIMULATION_STATES = ['down', 'failed', 'degraded', 'lagging', 'ok'] as const;
export type SimulationState = (typeof SIMULATION_STATES)[number];

/** Rank of a state: higher is worse, so "the worst state wins" is a max. */
export const STATE_RANK = { ok: 0, lagging: 1, degraded: 2, failed: 3, down: 4 } as const satisfies Record<
  SimulationState,
  number
>;

/** The JSON object `signalbox simulate --down` prints (spec/simulation.md). */
export interface SimulationResult {
  /** The nodes the scenario takes down, as given (deduplicated, in order). */
  down: string[];
  /** Every node of the design, in design order. */
  states: Record<string, SimulationState>;
  /** Every entry point (rules.md) and the state it ends up in. */
  entries: Record<string, SimulationState>;
  /** One line per non-ok node naming the chain that caused its state, in the design's own names. */
  explanations: Record<string, string>;
  /** Expected availability in percent per entry point, only where a dependency states one. */
  availability: Readonly<Record<string, number>>;
  /** Worst-case latency per entry point (critical path of stated latencyMs over sync links). */
  latencyMs: Readonly<Record<string, number>>;
}

/** One row of the blast radius table: this node down, what the entry points see. */
export interface BlastRadiusRow {
  node: string;
  name: string;
  /** How many entry points fail (an entry that is itself the node taken down counts as failed). */
  failed: number;
  degraded: number;
  lagging: number;
  /** The entry points this node affects, with their state (entry points left ok are left out). */
  entries: Record<string, SimulationState>;
  /** How many nodes (besides the one taken down) end up in each state. */
  affected: { failed: number; degraded: number; lagging: number };
}

/** A scenario named a node the design does not have. */
export class UnknownNodeError extends Error {
  readonly unknownIds: string[];
  readonly knownIds: string[];

  constructor(unknownIds: string[], knownIds: string[]) {
    const quoted = unknownIds.map((id) => `"${id}"`).join(', ');
    super(`unknown node ${quoted}; known ids: ${knownIds.join(', ')}`);
    this.name = 'UnknownNodeError';
    this.unknownIds = unknownIds;
    this.knownIds = knownIds;
  }
}
