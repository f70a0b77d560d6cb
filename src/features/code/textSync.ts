import type { Document } from 'yaml';
import { readDesign, type ReadResult } from '../../core/format/read';
import { writeDesignYaml, writeDesignYamlOver } from '../../core/format/write';
import { deepEqual } from '../../core/model/equal';
import type { Design, Issue } from '../../core/model/types';
import { placeUnplacedNodes } from '../../core/layout/layout';
import { moveNodes } from '../../core/model/edit';
import { diffText, type TextChange } from '../../core/yamlmap/textDiff';

/** Typing is read this long after the last key press, not on every key. */
export const TYPING_DEBOUNCE_MS = 300;

/** A text that reads as a design, with its YAML document (the base for writing over it). */
export interface GoodText {
  text: string;
  doc: Document;
  /** The design the text reads as. */
  design: Design;
}

export interface TextSyncState {
  /** The text as the editor shows it. */
  text: string;
  /** Validation issues of the text as last read (errors first). */
  issues: Issue[];
  /** The last text that read as a design: findings are placed on its lines. */
  lastGood: GoodText | null;
  /** Typing not read yet (it is, after the pause or on `flush`). */
  pending: boolean;
}

export interface TextSyncDeps {
  /** The design as the store holds it now. */
  getDesign: () => Design;
  /** A valid typed text became this design: one coalesced undo step. */
  commit: (design: Design) => void;
  /** The text that read as a design, kept so a later write over it keeps its comments. */
  setSourceText: (text: string) => void;
  /** The editor must show this replacement (a design change made elsewhere). */
  applyEdit: (change: TextChange) => void;
  /** The editor must show this text from scratch, with a fresh text undo stack (another document). */
  resetText: (text: string) => void;
  /** The text was read: new issues, perhaps a new good text. */
  onRead?: (state: TextSyncState) => void;
  debounceMs?: number;
}

export interface TextSync {
  /** The editor's text changed (typing, or the echo of an edit this sync asked for). */
  onTextChanged: (text: string) => void;
  /** The store's design changed (canvas, inspector, undo): write it into the text. */
  onDesignChanged: (design: Design) => void;
  /** Another document was opened: start from its own text. */
  onDocumentOpened: (design: Design, sourceText: string | null | undefined) => void;
  /** Read pending typing now (blur, a reload, closing the panel). */
  flush: () => void;
  /**
   * Where the editor's Ctrl+Z goes: `design` while the text reads as a design (pending typing is
   * committed first, so it is one step of the shared history), `text` while it has errors (the
   * editor's own undo is the way back to a text the store can take).
   */
  prepareHistory: () => 'design' | 'text';
  /** Read the first text, committing it (nodes without `at` get placed), and report it. */
  start: () => void;
  getState: () => TextSyncState;
  /** Flush and stop the timer. */
  dispose: () => void;
}

const FILE_NAME = 'design.signalbox.yaml';

/**
 * The code view's two-way sync between a text and the design, without an editor or a store:
 * - text -> design: a pause after typing (or `flush`), a valid text is committed once; an invalid
 *   one only updates the issues, so the design keeps its last valid state.
 * - design -> text: a change made elsewhere is written into the current text by
 *   `writeDesignYaml`, which rewrites only what changed, and handed out as one minimal edit, so
 *   comments survive and the cursor of someone typing does not jump.
 * - no echo: the design it commits is not written back, and the edit it hands out is not read
 *   back as typing.
 */
export function createTextSync(deps: TextSyncDeps, initial: { design: Design; sourceText: string | null | undefined }): TextSync {
  const debounceMs = deps.debounceMs ?? TYPING_DEBOUNCE_MS;
  // Start from the text the design was opened or last typed as, so its comments are there.
  let text = writeDesignYamlOver(initial.design, initial.sourceText);
  let issues: Issue[] = [];
  let lastGood: GoodText | null = null;
  /** The text this sync last read or wrote, and the design that text stands for. */
  let synced: (GoodText & { design: Design }) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A canvas edit reads the text before and after writing it: the same text is parsed once.
  let lastRead: { text: string; result: ReadResult } | null = null;

  const read = (t: string): ReadResult => {
    if (lastRead?.text !== t) lastRead = { text: t, result: readDesign(t, FILE_NAME) };
    return lastRead.result;
  };
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const getState = (): TextSyncState => ({ text, issues, lastGood, pending: timer !== undefined });

  /** Read the text; a valid one is what the design becomes (committed if it differs). */
  const readText = (commit: boolean) => {
    stopTimer();
    const result = read(text);
    issues = result.issues;
    if (!result.design || !result.doc) {
      deps.onRead?.(getState());
      return;
    }
    lastGood = { text, doc: result.doc, design: result.design };
    deps.setSourceText(text);
    deps.onRead?.(getState());
    if (!commit) return;
    const current = deps.getDesign();
    const placed = moveNodes(result.design, placeUnplacedNodes(result.design, current));
    if (deepEqual(placed, current)) {
      synced = { ...lastGood, design: current };
      return;
    }
    // Before the commit: the store tells its subscribers at once, and this design is no news.
    synced = { ...lastGood, design: placed };
    deps.commit(placed);
  };

  const flush = () => {
    if (timer !== undefined) readText(true);
  };

  return {
    onTextChanged: (next) => {
      // The echo of an edit handed out below (an editor reports it at once or later), or no change.
      if (next === text) return;
      text = next;
      stopTimer();
      timer = setTimeout(() => readText(true), debounceMs);
    },

    onDesignChanged: (design) => {
      if (design === synced?.design) return;
      stopTimer();
      const current = read(text);
      // A text with errors cannot be merged into: the last good text is the base, and the broken
      // typing gives way to the change made elsewhere (the canvas and the text must agree).
      const base = current.design && current.doc ? { text, doc: current.doc } : (lastGood ?? synced);
      const next = base ? writeDesignYaml(design, base) : writeDesignYaml(design);
      const change = diffText(text, next);
      if (change) {
        text = next;
        deps.applyEdit(change);
      }
      readText(false);
      if (lastGood) synced = { ...lastGood, design };
    },

    onDocumentOpened: (design, sourceText) => {
      stopTimer();
      text = writeDesignYamlOver(design, sourceText);
      deps.resetText(text);
      readText(false);
      if (lastGood) synced = { ...lastGood, design };
    },

    flush,

    prepareHistory: () => {
      if (!read(text).design) return 'text';
      flush();
      return 'design';
    },

    start: () => readText(true),
    getState,

    dispose: () => {
      // Closing the panel must not lose the last keystrokes.
      flush();
      stopTimer();
    },
  };
}
