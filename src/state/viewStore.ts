/**
 * The view on the canvas (issue 16): which filters, focus and level apply now. A view, not an
 * edit: it never enters undo history or the design (saving a named view is a design edit, in
 * features/views). Cleared when a different document opens.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ViewSpec } from '../core/views/view';
import { designStore } from './designStore';

export interface ViewState {
  spec: ViewSpec | null;
  /** The saved view this came from (`views:` key), until the user changes it. */
  name: string | null;
  searchOpen: boolean;
}

export const viewStore = createStore<ViewState>()(() => ({ spec: null, name: null, searchOpen: false }));

export function useViewStore<T>(selector: (s: ViewState) => T): T {
  return useStore(viewStore, selector);
}

export function setView(spec: ViewSpec | null, name: string | null = null): void {
  viewStore.setState({ spec, name });
}

/** Change part of the current view; it is no longer the saved view it came from. */
export function updateView(patch: Partial<ViewSpec>): void {
  const next: ViewSpec = { ...(viewStore.getState().spec ?? {}), ...patch };
  for (const key of Object.keys(next) as (keyof ViewSpec)[]) {
    const v = next[key];
    // An empty `collapsed` means none collapsed (absent means all): keep it.
    if (v === undefined || (Array.isArray(v) && v.length === 0 && key !== 'collapsed')) delete next[key];
  }
  viewStore.setState({ spec: Object.keys(next).length > 0 ? next : null, name: null });
}

export const selectViewSpec = (s: ViewState) => s.spec;

/** Expand one collapsed group or team in place; the others stay collapsed. */
export function expandAggregate(key: string): void {
  const { spec } = viewStore.getState();
  if (!spec) return;
  // Views are applied with an explicit list (withExplicitCollapsed), so this is never "all".
  updateView({ collapsed: (spec.collapsed ?? []).filter((k) => k !== key), level: spec.level });
}

// A different document starts with the whole design in view (a view link applies its view after).
let shownDocument = designStore.getState().documentVersion;
designStore.subscribe((s) => {
  if (s.documentVersion === shownDocument) return;
  shownDocument = s.documentVersion;
  if (viewStore.getState().spec) viewStore.setState({ spec: null, name: null });
});
