/**
 * Compare with a version: a view overlay, like the what-if states. It never enters the design
 * or undo history; the canvas reads a status per node and link, and ghosts for what HEAD removed.
 */
import { createStore } from 'zustand/vanilla';
import type { DesignChange } from '../core/diff/types';
import type { Design, DesignNode, Finding, Link } from '../core/model/types';

export type DiffStatus = 'added' | 'changed' | 'removed';

export interface DiffOverlayState {
  /** The version compared with; null when not comparing. */
  version: { id: string; name: string; savedAt: number; design: Design } | null;
  nodes: Record<string, DiffStatus>;
  links: Record<string, DiffStatus>;
  /** Nodes and links of the version that the current design no longer has, drawn ghosted. */
  ghostNodes: Record<string, DesignNode>;
  ghostLinks: Link[];
  changes: DesignChange[];
  findings: { introduced: Finding[]; resolved: Finding[] };
}

export const EMPTY_DIFF: Omit<DiffOverlayState, 'version'> = {
  nodes: {},
  links: {},
  ghostNodes: {},
  ghostLinks: [],
  changes: [],
  findings: { introduced: [], resolved: [] },
};

export const createDiffOverlayStore = () => createStore<DiffOverlayState>()(() => ({ version: null, ...EMPTY_DIFF }));

export type DiffOverlayStore = ReturnType<typeof createDiffOverlayStore>;
