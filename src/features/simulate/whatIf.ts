/**
 * What-if mode: a view, never an edit. It reads the design and writes only whatIfStore (which the
 * canvas colours nodes by) and scenarioStore (what the panel shows); the design store's design and
 * undo history are never touched.
 */
import { createStore } from 'zustand/vanilla';
import type { Design } from '../../core/model/types';
import { simulate } from '../../core/simulate/simulate';
import type { SimulationResult } from '../../core/simulate/types';
import { designStore } from '../../state/designStore';
import { setNodeDownInScenario, whatIfStore } from '../../state/overlayStores';

export interface ScenarioState {
  /** The last simulation of the current scenario; null while what-if is off. */
  result: SimulationResult | null;
}

/** The full result (entries, availability, latency) that whatIfStore has no fields for. */
export const scenarioStore = createStore<ScenarioState>()(() => ({ result: null }));

/** The scenario on this design: down ids the design no longer has are dropped, not an error. */
export function runScenario(design: Design, down: readonly string[]): SimulationResult {
  const kept = down.filter((id, i) => Object.hasOwn(design.nodes, id) && down.indexOf(id) === i);
  return simulate(design, kept);
}

// What the last run was computed from: whatIfStore and the design store both notify on changes
// that do not matter here (a selection, our own write of states), and those must not re-run it.
let ranDesign: Design | null = null;
let ranDown: readonly string[] | null = null;

function sync(): void {
  const whatIf = whatIfStore.getState();
  if (!whatIf.active) return;
  const design = designStore.getState().design;
  if (design === ranDesign && whatIf.down === ranDown) return;
  const result = runScenario(design, whatIf.down);
  const down = result.down.length === whatIf.down.length ? whatIf.down : result.down;
  ranDesign = design;
  ranDown = down;
  whatIfStore.setState({ down, states: result.states, explanations: result.explanations });
  scenarioStore.setState({ result });
}

let disconnect: (() => void) | null = null;

/**
 * Re-run the scenario whenever the design changes (undo, an edit, another document) or whatever
 * writes `down` (the canvas toggles it on node clicks). Idempotent; every action calls it, so the
 * app need not, but it returns a disconnect for tests.
 */
export function connectWhatIf(): () => void {
  if (!disconnect) {
    const offDesign = designStore.subscribe(sync);
    const offWhatIf = whatIfStore.subscribe(sync);
    disconnect = () => {
      offDesign();
      offWhatIf();
      disconnect = null;
    };
  }
  sync();
  return disconnect ?? (() => undefined);
}

/** Enter what-if mode, optionally with nodes already down (a blast radius row). */
export function enterWhatIf(down: readonly string[] = []): void {
  whatIfStore.setState({ active: true, down: [...down] });
  connectWhatIf();
}

/** Take a node down, or bring it back; enters what-if mode if it is off. */
export function toggleDown(nodeId: string): void {
  const { active, down } = whatIfStore.getState();
  if (!active) return enterWhatIf([nodeId]);
  setNodeDown(nodeId, !down.includes(nodeId));
}

export function setNodeDown(nodeId: string, isDown: boolean): void {
  const { active, down } = whatIfStore.getState();
  if (!active) return enterWhatIf(isDown ? [nodeId] : []);
  if (down.includes(nodeId) === isDown) return;
  setNodeDownInScenario(nodeId, isDown);
  connectWhatIf();
}

/** Everything back up, still in what-if mode. */
export function resetWhatIf(): void {
  if (!whatIfStore.getState().active) return;
  whatIfStore.setState({ down: [] });
  connectWhatIf();
}

/** Back to the plain view: no states, no colours. */
export function leaveWhatIf(): void {
  ranDesign = null;
  ranDown = null;
  whatIfStore.setState({ active: false, down: [], states: {}, explanations: {} });
  scenarioStore.setState({ result: null });
}

/** For a keyboard shortcut: enter, or leave. */
export function toggleWhatIf(): void {
  if (whatIfStore.getState().active) leaveWhatIf();
  else enterWhatIf();
}
