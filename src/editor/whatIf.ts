/**
 * What-if mode: a view, never an edit. It reads the design and writes only the what-if store
 * (which the canvas colours nodes by) and the scenario store (what the panel shows); the design's
 * content and undo history are never touched, and the design is locked while it is on.
 */
import { createStore } from 'zustand/vanilla';
import type { Design } from '../core/model/types';
import { simulate } from '../core/simulate/simulate';
import type { SimulationResult } from '../core/simulate/types';
import { WHAT_IF_LOCK, type DesignStore } from '../state/designStore';
import type { WhatIfStore } from '../state/overlayStores';

export interface ScenarioState {
  /** The last simulation of the current scenario; null while what-if is off. */
  result: SimulationResult | null;
}

export const createScenarioStore = () => createStore<ScenarioState>()(() => ({ result: null }));
export type ScenarioStore = ReturnType<typeof createScenarioStore>;

/** The scenario on this design: down ids the design no longer has are dropped, not an error. */
export function runScenario(design: Design, down: readonly string[]): SimulationResult {
  const kept = down.filter((id, i) => Object.hasOwn(design.nodes, id) && down.indexOf(id) === i);
  return simulate(design, kept);
}

export interface WhatIf {
  /** Enter what-if mode, optionally with nodes already down (a blast radius row). */
  enter: (down?: readonly string[]) => void;
  /** Back to the plain view: no states, no colours, the design editable again. */
  leave: () => void;
  /** For a keyboard shortcut: enter, or leave. */
  toggle: () => void;
  /** Take a node down, or bring it back; enters what-if mode if it is off. */
  setNodeDown: (nodeId: string, isDown: boolean) => void;
  /** Toggle a node down (a click on the canvas in what-if mode). */
  toggleDown: (nodeId: string) => void;
  /** Everything back up, still in what-if mode. */
  reset: () => void;
  dispose: () => void;
}

/**
 * The what-if service of one editor: re-runs the scenario whenever the design changes (undo, an
 * edit, another document) or whatever writes `down`, and locks the design while it is on.
 */
export function createWhatIf(design: DesignStore, whatIf: WhatIfStore, scenario: ScenarioStore): WhatIf {
  // What the last run was computed from: both stores notify on changes that do not matter here
  // (a selection, our own write of states), and those must not re-run it.
  let ranDesign: Design | null = null;
  let ranDown: readonly string[] | null = null;

  const sync = () => {
    const state = whatIf.getState();
    if (!state.active) return;
    const current = design.getState().design;
    if (current === ranDesign && state.down === ranDown) return;
    const result = runScenario(current, state.down);
    const down = result.down.length === state.down.length ? state.down : result.down;
    ranDesign = current;
    ranDown = down;
    whatIf.setState({ down, states: result.states, explanations: result.explanations });
    scenario.setState({ result });
  };
  const offDesign = design.subscribe(sync);
  const offWhatIf = whatIf.subscribe((state, prev) => {
    if (state.active !== prev.active) design.getState().setEditLock(state.active ? WHAT_IF_LOCK : null);
    sync();
  });

  const enter = (down: readonly string[] = []) => whatIf.setState({ active: true, down: [...down] });
  const leave = () => {
    ranDesign = null;
    ranDown = null;
    whatIf.setState({ active: false, down: [], states: {}, explanations: {} });
    scenario.setState({ result: null });
  };
  const setNodeDown = (nodeId: string, isDown: boolean) => {
    const { active, down } = whatIf.getState();
    if (!active) return enter(isDown ? [nodeId] : []);
    if (down.includes(nodeId) === isDown) return;
    whatIf.setState({ down: isDown ? [...down, nodeId] : down.filter((id) => id !== nodeId) });
  };
  return {
    enter,
    leave,
    toggle: () => (whatIf.getState().active ? leave() : enter()),
    setNodeDown,
    toggleDown: (nodeId) => {
      const { active, down } = whatIf.getState();
      if (!active) return enter([nodeId]);
      setNodeDown(nodeId, !down.includes(nodeId));
    },
    reset: () => {
      if (whatIf.getState().active) whatIf.setState({ down: [] });
    },
    dispose: () => {
      offDesign();
      offWhatIf();
    },
  };
}
