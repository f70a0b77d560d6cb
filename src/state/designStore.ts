import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Design, DesignNode, Link, NodeKind } from '../core/model/types';
import { getLinkId } from '../core/model/ids';
import {
  addConnectedNode as addConnectedNodeTo,
  addLink as addLinkTo,
  addNode as addNodeTo,
  copyElements,
  moveNodes as moveNodesIn,
  pasteElements,
  removeElements,
  renameNode as renameNodeIn,
  renameNodeId as renameNodeIdIn,
  suggestLink,
  updateLink as updateLinkIn,
  updateNode as updateNodeIn,
  type Clipboard,
  type Patch,
} from '../core/model/edit';
import { createHistory, record, redo as redoIn, undo as undoIn, type History } from './history';
import { whatIfStore } from './overlayStores';

export interface Selection {
  nodes: string[];
  links: string[];
}

const EMPTY_SELECTION: Selection = { nodes: [], links: [] };

export interface DesignState {
  design: Design;
  /** Which saved design this is (the local design library); null before one is opened. */
  designId: string | null;
  /** Bumped when a different document is opened (not on edits): views reset on it. */
  documentVersion: number;
  /**
   * The YAML text the design was opened from, or the code view's last valid text: writing the
   * design over it keeps the user's comments (writeDesignYamlOver). Not history: it trails edits.
   */
  sourceText: string | null;
  selection: Selection;
  history: History<Design>;
  clipboard: Clipboard | null;
  /** The last thing an action refused, for a toast ("a link order->payment already exists"). */
  notice: { text: string; at: number } | null;
  /**
   * Why the design may not change now (what-if mode is a view), or null. While set, every action
   * that would change the design or step its history refuses with this as its notice, whatever
   * called it: a key, a click, a paste, the inspector, the code view.
   */
  editLock: string | null;
  setEditLock: (reason: string | null) => void;

  /** Open a different document: replaces the design, clears history and selection. */
  openDesign: (design: Design, designId?: string | null, sourceText?: string | null) => void;
  setSourceText: (text: string | null) => void;
  /** Replace the whole design as one undoable step (code editor, auto-layout, metadata). */
  replaceDesign: (design: Design, coalesceKey?: string) => void;
  addNode: (kind: NodeKind, at?: [number, number]) => string;
  /** A new node linked to `other` in one undo step (a connection dropped on empty canvas). */
  addConnectedNode: (kind: NodeKind, at: [number, number], other: string, direction: 'out' | 'in') => string | undefined;
  updateNode: (id: string, patch: Patch<DesignNode>, coalesceKey?: string) => void;
  renameNodeId: (from: string, to: string) => void;
  /** Rename a node (one undo step); a generated id follows the name. Returns the id after it. */
  renameNode: (id: string, name: string) => string;
  /** Positions after a drag: one undo step however far the drag went. */
  moveNodes: (positions: Record<string, [number, number]>) => void;
  /**
   * Give nodes that had no position one, amending the current step instead of recording a new
   * one: placing a node the code editor added is part of that edit, not an intention to undo.
   */
  placeNodes: (positions: Record<string, [number, number]>) => void;
  /** Connect two nodes with the link their kinds suggest; returns its id or undefined. */
  connect: (from: string, to: string) => string | undefined;
  addLink: (link: Link) => string | undefined;
  updateLink: (id: string, patch: Patch<Link>, coalesceKey?: string) => string | undefined;
  deleteSelection: () => void;
  duplicateSelection: () => void;
  copySelection: () => Clipboard | null;
  paste: (clip?: Clipboard | null) => void;
  select: (selection: Partial<Selection>) => void;
  selectAll: () => void;
  clearSelection: () => void;
  undo: () => void;
  redo: () => void;
  setNotice: (text: string) => void;
}

export function createDesignStore(initial: Design) {
  return createStore<DesignState>()((set, get) => {
    /** True (and says why) when the design is locked against edits. */
    const refused = (): boolean => {
      const lock = get().editLock;
      if (lock !== null) get().setNotice(lock);
      return lock !== null;
    };

    /** Every edit goes through here: history records the intention, selection drops what vanished. */
    const commit = (next: Design, coalesceKey?: string, selection?: Selection) => {
      const { design, history } = get();
      if (next === design || refused()) return;
      set({
        design: next,
        history: record(history, design, coalesceKey, Date.now()),
        selection: selection ?? pruneSelection(get().selection, next),
      });
    };

    return {
      design: initial,
      designId: null,
      documentVersion: 0,
      sourceText: null,
      selection: EMPTY_SELECTION,
      history: createHistory<Design>(),
      clipboard: null,
      notice: null,
      editLock: null,
      setEditLock: (editLock) => set({ editLock }),

      openDesign: (design, designId = null, sourceText = null) =>
        set((s) => ({
          design,
          designId,
          sourceText,
          documentVersion: s.documentVersion + 1,
          selection: EMPTY_SELECTION,
          history: createHistory<Design>(),
        })),
      replaceDesign: (design, coalesceKey) => commit(design, coalesceKey),
      setSourceText: (sourceText) => set({ sourceText }),
      addNode: (kind, at) => {
        if (refused()) return '';
        const { design, id } = addNodeTo(get().design, kind, at);
        commit(design, undefined, { nodes: [id], links: [] });
        return id;
      },
      addConnectedNode: (kind, at, other, direction) => {
        const result = addConnectedNodeTo(get().design, kind, at, other, direction);
        if (!result) return undefined;
        commit(result.design, undefined, { nodes: [result.id], links: [] });
        return result.id;
      },
      updateNode: (id, patch, coalesceKey) =>
        commit(updateNodeIn(get().design, id, patch), coalesceKey ?? `node:${id}:${Object.keys(patch).join(',')}`),
      renameNodeId: (from, to) => {
        if (refused()) return;
        const next = renameNodeIdIn(get().design, from, to);
        if (next === get().design) {
          get().setNotice(get().design.nodes[to] ? `A node with id "${to}" already exists` : `Cannot rename "${from}"`);
          return;
        }
        commit(next, undefined, { nodes: [to], links: [] });
      },
      renameNode: (id, name) => {
        const result = renameNodeIn(get().design, id, name);
        const selection = get().selection;
        const nodes = selection.nodes.map((n) => (n === id ? result.id : n));
        commit(result.design, undefined, { nodes, links: pruneSelection(selection, result.design).links });
        return result.id;
      },
      moveNodes: (positions) => commit(moveNodesIn(get().design, positions)),
      placeNodes: (positions) => {
        if (get().editLock !== null) return;
        const next = moveNodesIn(get().design, positions);
        if (next !== get().design) set({ design: next });
      },
      connect: (from, to) => get().addLink(suggestLink(get().design, from, to)),
      addLink: (link) => {
        if (refused()) return undefined;
        const result = addLinkTo(get().design, link);
        if (!result.ok) {
          get().setNotice(result.error);
          return undefined;
        }
        commit(result.design, undefined, { nodes: [], links: [result.id] });
        return result.id;
      },
      updateLink: (id, patch, coalesceKey) => {
        if (refused()) return undefined;
        const result = updateLinkIn(get().design, id, patch);
        if (!result.ok) {
          get().setNotice(result.error);
          return undefined;
        }
        const selection = get().selection;
        const links = selection.links.map((l) => (l === id ? result.id : l));
        commit(result.design, coalesceKey ?? `link:${id}:${Object.keys(patch).join(',')}`, { nodes: selection.nodes, links });
        return result.id;
      },
      deleteSelection: () => {
        const { nodes, links } = get().selection;
        if (nodes.length === 0 && links.length === 0) return;
        commit(removeElements(get().design, nodes, links), undefined, EMPTY_SELECTION);
      },
      duplicateSelection: () => {
        const clip = get().copySelection();
        if (clip) get().paste(clip);
      },
      copySelection: () => {
        const { nodes } = get().selection;
        if (nodes.length === 0) return null;
        const clip = copyElements(get().design, nodes);
        set({ clipboard: clip });
        return clip;
      },
      paste: (clip) => {
        if (refused()) return;
        const source = clip ?? get().clipboard;
        if (!source || Object.keys(source.nodes).length === 0) return;
        const result = pasteElements(get().design, source, [40, 40]);
        commit(result.design, undefined, { nodes: result.nodeIds, links: result.linkIds });
        // The next paste lands a further step away, as in draw.io.
        set({ clipboard: shiftClipboard(source, 40) });
      },
      select: (selection) =>
        set((s) => ({ selection: { nodes: selection.nodes ?? s.selection.nodes, links: selection.links ?? s.selection.links } })),
      selectAll: () => {
        const d = get().design;
        set({ selection: { nodes: Object.keys(d.nodes), links: d.links.map(getLinkId) } });
      },
      clearSelection: () => set({ selection: EMPTY_SELECTION }),
      undo: () => {
        if (refused()) return;
        const step = undoIn(get().history, get().design);
        if (step) set({ design: step.present, history: step.history, selection: pruneSelection(get().selection, step.present) });
      },
      redo: () => {
        if (refused()) return;
        const step = redoIn(get().history, get().design);
        if (step) set({ design: step.present, history: step.history, selection: pruneSelection(get().selection, step.present) });
      },
      setNotice: (text) => set({ notice: { text, at: Date.now() } }),
    };
  });
}

function shiftClipboard(clip: Clipboard, by: number): Clipboard {
  const nodes = Object.fromEntries(
    Object.entries(clip.nodes).map(([id, n]) => [id, n.at ? { ...n, at: [n.at[0] + by, n.at[1] + by] as [number, number] } : n]),
  );
  return { nodes, links: clip.links };
}

function pruneSelection(selection: Selection, design: Design): Selection {
  if (selection.nodes.length === 0 && selection.links.length === 0) return selection;
  const linkIds = new Set(design.links.map(getLinkId));
  const nodes = selection.nodes.filter((id) => design.nodes[id]);
  const links = selection.links.filter((id) => linkIds.has(id));
  return nodes.length === selection.nodes.length && links.length === selection.links.length ? selection : { nodes, links };
}

export type DesignStore = ReturnType<typeof createDesignStore>;

/** The app's one design store; features read it through selectors, never the whole state. */
export const designStore = createDesignStore({ signalbox: 1, name: 'Untitled design', nodes: {}, links: [] });

/** What-if is a view (README): while it is on, the design refuses every edit, from anywhere. */
export const WHAT_IF_LOCK = 'What-if is a view: nothing can change the design. Press Escape to leave it and edit.';
whatIfStore.subscribe((state, prev) => {
  if (state.active !== prev.active) designStore.getState().setEditLock(state.active ? WHAT_IF_LOCK : null);
});

export function useDesignStore<T>(selector: (state: DesignState) => T): T {
  return useStore(designStore, selector);
}

// Named selectors: components subscribe to the smallest slice they need.
export const selectDesign = (s: DesignState) => s.design;
export const selectNodes = (s: DesignState) => s.design.nodes;
export const selectLinks = (s: DesignState) => s.design.links;
export const selectSelection = (s: DesignState) => s.selection;
export const selectCanUndo = (s: DesignState) => s.history.past.length > 0;
export const selectCanRedo = (s: DesignState) => s.history.future.length > 0;
