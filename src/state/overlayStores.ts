/**
 * View-only overlays on the canvas, kept apart from the design store so that computing them
 * (findings, a what-if scenario) never enters undo history and never re-renders the design.
 */
import { createStore } from 'zustand/vanilla';
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

export const createFindingsStore = () =>
  createStore<FindingsState>()(() => ({
    findings: [],
    worstByNode: {},
    worstByLink: {},
    summary: { error: 0, warning: 0, info: 0 },
    pending: false,
  }));

export type NodeState = 'down' | 'failed' | 'degraded' | 'lagging' | 'ok';

export interface WhatIfState {
  /** What-if mode is on: clicks on nodes toggle them down instead of selecting. */
  active: boolean;
  down: string[];
  /** The state of every node under the scenario; empty when inactive. */
  states: Record<string, NodeState>;
  explanations: Record<string, string>;
}

export const createWhatIfStore = () =>
  createStore<WhatIfState>()(() => ({ active: false, down: [], states: {}, explanations: {} }));

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
  /** Bumped by the Open shortcut: the top bar opens its file picker (nobody looks for it in the DOM). */
  openFileRequest?: number;
  /** The finding last shown from a list (finding to fix): the inspector highlights its field. `at` re-focuses it. */
  focusedFinding?: { finding: Finding; at: number } | null;
}

export const createUiStore = () =>
  createStore<UiState>()(() => ({
    panel: 'inspector',
    codeOpen: false,
    frameRequest: null,
    readOnly: false,
    progress: null,
    snapToGrid: false,
    focusedFinding: null,
  }));

export type FindingsStore = ReturnType<typeof createFindingsStore>;
export type WhatIfStore = ReturnType<typeof createWhatIfStore>;
export type UiStore = ReturnType<typeof createUiStore>;
