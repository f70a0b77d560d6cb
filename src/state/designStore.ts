import { createStore } from 'zustand/vanilla';
import { READ_LIMITS } from '../core/format/limits';
import { designSchema } from '../core/model/schema';
import type { Design, DesignNode, Link, LinkKind, NodeKind } from '../core/model/types';
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
import { done, refusal, type ActionResult } from './result';

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
  /** The library entry the open design was first saved as (autosave of a design opened without one). */
  adoptDesignId: (id: string) => void;
  /** Replace the whole design as one undoable step (code editor, auto-layout, metadata). */
  replaceDesign: (design: Design, coalesceKey?: string) => ActionResult;
  /** The design's title: trimmed, and refused when empty or too long (the one rule for every field that sets it). */
  renameDesign: (name: string) => ActionResult<{ name: string }>;
  /** The design's description; an empty text removes it. */
  setDescription: (text: string | undefined) => ActionResult;
  addNode: (kind: NodeKind, at?: [number, number]) => ActionResult<{ id: string }>;
  /** A new node linked to `other` in one undo step (a connection dropped on empty canvas). */
  addConnectedNode: (
    kind: NodeKind,
    at: [number, number],
    other: string,
    direction: 'out' | 'in',
  ) => ActionResult<{ id: string }>;
  updateNode: (id: string, patch: Patch<DesignNode>, coalesceKey?: string) => ActionResult;
  /** Change a node's id (links and flow steps follow); refused when the id is taken or not an id. */
  renameNodeId: (from: string, to: string) => ActionResult<{ id: string }>;
  /** Rename a node (one undo step); a generated id follows the name. Answers the id after it. */
  renameNode: (id: string, name: string) => ActionResult<{ id: string }>;
  /** Positions after a drag: one undo step however far the drag went. */
  moveNodes: (positions: Record<string, [number, number]>) => ActionResult;
  /**
   * Give nodes that had no position one, amending the current step instead of recording a new
   * one: placing a node the code editor added is part of that edit, not an intention to undo.
   */
  placeNodes: (positions: Record<string, [number, number]>) => void;
  /** Connect two nodes with the link their kinds suggest. */
  connect: (from: string, to: string) => ActionResult<{ id: string }>;
  addLink: (link: Link) => ActionResult<{ id: string }>;
  updateLink: (id: string, patch: Patch<Link>, coalesceKey?: string) => ActionResult<{ id: string }>;
  /** Sync or async: drops what only the other kind has, and gives the new kind what it needs. */
  setLinkKind: (id: string, kind: LinkKind) => ActionResult<{ id: string }>;
  deleteSelection: () => ActionResult;
  duplicateSelection: () => ActionResult;
  copySelection: () => Clipboard | null;
  paste: (clip?: Clipboard | null) => ActionResult;
  select: (selection: Partial<Selection>) => void;
  selectAll: () => void;
  clearSelection: () => void;
  undo: () => ActionResult;
  redo: () => ActionResult;
  setNotice: (text: string) => void;
}

export interface DesignStoreOptions {
  /** The clock for history coalescing and notices (tests pass a fake one). */
  now?: () => number;
}

export function createDesignStore(initial: Design, { now = Date.now }: DesignStoreOptions = {}) {
  return createStore<DesignState>()((set, get) => {
    /** The lock's refusal (told as a notice too), or null when the design may change. */
    const locked = (): { ok: false; error: string } | null => {
      const lock = get().editLock;
      if (lock === null) return null;
      get().setNotice(lock);
      return refusal(lock);
    };
    /** A refusal the user is told about (the toast), answered to the caller as well. */
    const refuse = (error: string) => {
      get().setNotice(error);
      return refusal(error);
    };

    /** Every edit goes through here: history records the intention, selection drops what vanished. */
    const commit = (next: Design, coalesceKey?: string, selection?: Selection): ActionResult => {
      const { design, history } = get();
      if (next === design) return done;
      const lock = locked();
      if (lock) return lock;
      set({
        design: next,
        history: record(history, design, coalesceKey, now()),
        selection: selection ?? pruneSelection(get().selection, next),
      });
      return done;
    };
    /** Commit, answering with the id the edit made. */
    const commitWithId = (id: string, next: Design, coalesceKey?: string, selection?: Selection) => {
      const result = commit(next, coalesceKey, selection);
      return result.ok ? { ok: true as const, id } : result;
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
      adoptDesignId: (designId) => set({ designId }),
      renameDesign: (name) => {
        const checked = checkDesignName(name);
        if (!checked.ok) return refusal(checked.error);
        const { design } = get();
        if (design.name === checked.name) return { ok: true, name: checked.name };
        const result = commit({ ...design, name: checked.name }, 'design-name');
        return result.ok ? { ok: true, name: checked.name } : result;
      },
      setDescription: (text) => {
        const design = get().design;
        const description = text?.trim() ? text : undefined;
        if (description === design.description) return done;
        const next = { ...design, description };
        if (description === undefined) delete next.description;
        return commit(next, 'design-description');
      },
      addNode: (kind, at) => {
        const lock = locked();
        if (lock) return lock;
        const { design, id } = addNodeTo(get().design, kind, at);
        return commitWithId(id, design, undefined, { nodes: [id], links: [] });
      },
      addConnectedNode: (kind, at, other, direction) => {
        const lock = locked();
        if (lock) return lock;
        const result = addConnectedNodeTo(get().design, kind, at, other, direction);
        if (!result) return refuse(`There is no node "${other}" to connect to`);
        return commitWithId(result.id, result.design, undefined, { nodes: [result.id], links: [] });
      },
      updateNode: (id, patch, coalesceKey) => {
        if (!get().design.nodes[id]) return refusal(`There is no node "${id}"`);
        return commit(updateNodeIn(get().design, id, patch), coalesceKey ?? `node:${id}:${Object.keys(patch).join(',')}`);
      },
      renameNodeId: (from, to) => {
        const lock = locked();
        if (lock) return lock;
        if (from === to) return { ok: true, id: to };
        const design = get().design;
        if (!design.nodes[from]) return refuse(`There is no node "${from}"`);
        if (Object.hasOwn(design.nodes, to)) return refuse(`A node with id "${to}" already exists`);
        const next = renameNodeIdIn(design, from, to);
        if (next === design) return refuse(`Cannot rename "${from}"`);
        return commitWithId(to, next, undefined, { nodes: [to], links: [] });
      },
      renameNode: (id, name) => {
        const lock = locked();
        if (lock) return lock;
        if (!get().design.nodes[id]) return refuse(`There is no node "${id}"`);
        if (name.trim() === '') return refusal('A node needs a name');
        const result = renameNodeIn(get().design, id, name);
        const selection = get().selection;
        const nodes = selection.nodes.map((n) => (n === id ? result.id : n));
        return commitWithId(result.id, result.design, undefined, {
          nodes,
          links: pruneSelection(selection, result.design).links,
        });
      },
      moveNodes: (positions) => commit(moveNodesIn(get().design, positions)),
      placeNodes: (positions) => {
        if (get().editLock !== null) return;
        const next = moveNodesIn(get().design, positions);
        if (next !== get().design) set({ design: next });
      },
      connect: (from, to) => {
        const lock = locked();
        if (lock) return lock;
        const design = get().design;
        if (!design.nodes[from] || !design.nodes[to]) return refuse(`There is no node "${design.nodes[from] ? to : from}"`);
        return get().addLink(suggestLink(design, from, to));
      },
      addLink: (link) => {
        const lock = locked();
        if (lock) return lock;
        const result = addLinkTo(get().design, link);
        if (!result.ok) return refuse(result.error);
        return commitWithId(result.id, result.design, undefined, { nodes: [], links: [result.id] });
      },
      updateLink: (id, patch, coalesceKey) => {
        const lock = locked();
        if (lock) return lock;
        const result = updateLinkIn(get().design, id, patch);
        if (!result.ok) return refuse(result.error);
        const selection = get().selection;
        const links = selection.links.map((l) => (l === id ? result.id : l));
        return commitWithId(result.id, result.design, coalesceKey ?? `link:${id}:${Object.keys(patch).join(',')}`, {
          nodes: selection.nodes,
          links,
        });
      },
      setLinkKind: (id, kind) => {
        const link = get().design.links.find((l) => getLinkId(l) === id);
        if (!link) return refuse(`There is no link "${id}"`);
        if (link.kind === kind) return { ok: true, id };
        const patch: Patch<Link> =
          kind === 'async'
            ? { kind: 'async', protocol: undefined, channel: link.channel ?? `${link.from}.events` }
            : { kind: 'sync', channel: undefined, protocol: link.protocol ?? 'rest' };
        return get().updateLink(id, patch, `link:${link.from}->${link.to}:kind`);
      },
      deleteSelection: () => {
        const { nodes, links } = get().selection;
        if (nodes.length === 0 && links.length === 0) return done;
        return commit(removeElements(get().design, nodes, links), undefined, EMPTY_SELECTION);
      },
      duplicateSelection: () => {
        const lock = locked();
        if (lock) return lock;
        const clip = get().copySelection();
        return clip ? get().paste(clip) : done;
      },
      copySelection: () => {
        const { nodes } = get().selection;
        if (nodes.length === 0) return null;
        const clip = copyElements(get().design, nodes);
        set({ clipboard: clip });
        return clip;
      },
      paste: (clip) => {
        const lock = locked();
        if (lock) return lock;
        const source = clip ?? get().clipboard;
        if (!source || Object.keys(source.nodes).length === 0) return done;
        const result = pasteElements(get().design, source, [40, 40]);
        const committed = commit(result.design, undefined, { nodes: result.nodeIds, links: result.linkIds });
        // The next paste lands a further step away, as in draw.io.
        set({ clipboard: shiftClipboard(source, 40) });
        return committed;
      },
      select: (selection) =>
        set((s) => ({ selection: { nodes: selection.nodes ?? s.selection.nodes, links: selection.links ?? s.selection.links } })),
      selectAll: () => {
        const d = get().design;
        set({ selection: { nodes: Object.keys(d.nodes), links: d.links.map(getLinkId) } });
      },
      clearSelection: () => set({ selection: EMPTY_SELECTION }),
      undo: () => {
        const lock = locked();
        if (lock) return lock;
        const step = undoIn(get().history, get().design);
        if (step) set({ design: step.present, history: step.history, selection: pruneSelection(get().selection, step.present) });
        return done;
      },
      redo: () => {
        const lock = locked();
        if (lock) return lock;
        const step = redoIn(get().history, get().design);
        if (step) set({ design: step.present, history: step.history, selection: pruneSelection(get().selection, step.present) });
        return done;
      },
      setNotice: (text) => set({ notice: { text, at: now() } }),
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

/** A design's title as the store keeps it: trimmed, not empty, within the format's limits. */
export function checkDesignName(name: string): { ok: true; name: string } | { ok: false; error: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, error: 'A design needs a name' };
  // The reader refuses longer names in a file or a link: the editor must not write one.
  if (trimmed.length > READ_LIMITS.maxNameLength)
    return { ok: false, error: `A design name has at most ${READ_LIMITS.maxNameLength} characters` };
  const parsed = designSchema.shape.name.safeParse(trimmed);
  return parsed.success
    ? { ok: true, name: trimmed }
    : { ok: false, error: `Design name: ${parsed.error.issues[0]?.message ?? 'not valid'}` };
}

/** What-if is a view (README): while it is on, the design refuses every edit, from anywhere. */
export const WHAT_IF_LOCK = 'What-if is a view: nothing can change the design. Press Escape to leave it and edit.';

// Named selectors: components subscribe to the smallest slice they need.
export const selectDesign = (s: DesignState) => s.design;
export const selectNodes = (s: DesignState) => s.design.nodes;
export const selectLinks = (s: DesignState) => s.design.links;
export const selectSelection = (s: DesignState) => s.selection;
export const selectCanUndo = (s: DesignState) => s.history.past.length > 0;
export const selectCanRedo = (s: DesignState) => s.history.future.length > 0;
