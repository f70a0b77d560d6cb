/**
 * View-only overlays on the canvas, kept apart from the design store so that computing them
 * (findings, a what-if scenario) never enters undo history and never re-renders the design.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Finding, Severity } from '../core/model/types';

export interface FindingsState {
  findings: Finding[];
  /** Worst severity per node id and per link id, for badges. */
  worstByNode: Record<string, Severity>;
  worstByLink: Record<string, Severity>;
  summary: { error: number; warning: number; info: number };
  /** True while a lint of a newer design version is running. */
  pending: boolean;
}

export const findingsStore = createStore<FindingsState>()(() => ({
  findings: [],
  worstByNode: {},
  worstByLink: {},
  summary: { error: 0, warning: 0, info: 0 },
  pending: false,
}));

export function useFindingsStore<T>(selector: (s: FindingsState) => T): T {
  return useStore(findingsStore, selector);
}

export type NodeState = 'down' | 'failed' | 'degraded' | 'lagging' | 'ok';

export interface WhatIfState {
  /** What-if mode is on: clicks on nodes toggle them down instead of selecting. */
  active: boolean;
  down: string[];
  /** The state of every node under the scenario; empty when inactive. */
  states: Record<string, NodeState>;
  explanations: Record<string, string>;
}

export const whatIfStore = createStore<WhatIfState>()(() => ({ active: false, down: [], states: {}, explanations: {} }));

export function useWhatIfStore<T>(selector: (s: WhatIfState) => T): T {
  return useStore(whatIfStore, selector);
}

/** Take a node down or bring it back in the scenario (the what-if feature re-runs it on change). */
export function setNodeDownInScenario(nodeId: string, isDown: boolean): void {
  const { down } = whatIfStore.getState();
  if (down.includes(nodeId) === isDown) return;
  whatIfStore.setState({ down: isDown ? [...down, nodeId] : down.filter((id) => id !== nodeId) });
}

/** Which tab of the side panel is open, and a request to frame elements on the canvas. */
export interface UiState {
  panel: 'inspector' | 'findings' | 'flows' | 'export' | 'whatif';
  codeOpen: boolean;
  /** Set by requestFrame (a finding click, auto-layout): the canvas fits these into view, then clears it. */
  frameRequest: { nodes: string[]; links: string[] } | null;
  /** View mode (`view` share links): no editing chrome. */
  readOnly: boolean;
  /** A long-running task the shell shows (auto-layout of a big file); null when idle. */
  progress?: string | null;
  /** Snap node positions to the grid while dragging. */
  snapToGrid?: boolean;
  /** The finding last shown from a list (finding to fix): the inspector highlights its field. `at` re-focuses it. */
  focusedFinding?: { finding: Finding; at: number } | null;
}

export const uiStore = createStore<UiState>()(() => ({
  panel: 'inspector',
  codeOpen: false,
  frameRequest: null,
  readOnly: false,
  progress: null,
  snapToGrid: false,
  focusedFinding: null,
}));

export function useUiStore<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}

/**
 * Ask the canvas to fit these nodes, and both ends of these links, into view. A view request: it
 * edits nothing. Each call is a new request, so asking twice for the same nodes frames them twice.
 */
export function requestFrame(nodes: string[], links: string[] = []): void {
  uiStore.setState({ frameRequest: { nodes, links } });
}
