/**
 * The view on the canvas (issue 16): which filters, focus and level apply now. A view, not an
 * edit: it never enters undo history or the design (saving a named view is a design edit, in
 * features/views). Cleared when a different document opens.
 */
import { createStore } from 'zustand/vanilla';
import type { ViewSpec } from '../core/views/view';

export interface ViewState {
  spec: ViewSpec | null;
  /** The saved view this came from (`views:` key), until the user changes it. */
  name: string | null;
  searchOpen: boolean;
}

export const createViewStore = () => createStore<ViewState>()(() => ({ spec: null, name: null, searchOpen: false }));

export type ViewStore = ReturnType<typeof createViewStore>;

/** The current view with part of it changed (no longer the saved view it came from); null when nothing is left. */
export function patchView(spec: ViewSpec | null, patch: Partial<ViewSpec>): ViewSpec | null {
  const next: ViewSpec = { ...(spec ?? {}), ...patch };
  for (const key of Object.keys(next) as (keyof ViewSpec)[]) {
    const v = next[key];
    // An empty `collapsed` means none collapsed (absent means all): keep it.
    if (v === undefined || (Array.isArray(v) && v.length === 0 && key !== 'collapsed')) delete next[key];
  }
  return Object.keys(next).length > 0 ? next : null;
}

export const selectViewSpec = (s: ViewState) => s.spec;
