import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Document } from 'yaml';
import { monaco } from '../../components/monaco/monacoSetup';
import { DESIGN_MODEL_URI, registerYamlAssist } from './yamlAssist';
import { getFindingMarkers, getIssueMarkers } from './markers';
import { useSignalbox } from '../../editor/react';
import { readDesign } from '../../core/format/read';
import { writeDesignYaml, writeDesignYamlOver } from '../../core/format/write';
import { deepEqual } from '../../core/model/equal';
import type { Design, Issue } from '../../core/model/types';
import { placeUnplacedNodes } from '../../core/layout/layout';
import { moveNodes } from '../../core/model/edit';
import { diffText } from '../../core/yamlmap/textDiff';
import { createPathLocator, type PathLocator } from '../../core/format/locatePath';

/** Typing is read this long after the last key press, not on every key. */
export const TYPING_DEBOUNCE_MS = 300;

export interface CodeEditorHandle {
  /** Validation issues of the text as it is now (errors first). */
  issues: Issue[];
  /** Put the cursor on a line:column and focus the editor (a click on a listed problem). */
  reveal: (line: number, column: number) => void;
}

/** The text the store's design was last written to or read from, and that design. */
interface SyncedText {
  text: string;
  doc: Document;
  design: Design;
}

/**
 * A Monaco editor on the design as YAML, kept two-way with the design store:
 * - text -> store: 300 ms after typing stops (or at once on blur), a valid text becomes one
 *   coalesced `replaceDesign(design, 'code')`; an invalid one only shows markers, so the canvas
 *   keeps the last valid design. Nodes typed without `at` are placed near their neighbours first.
 * - store -> text: a design change from elsewhere (canvas, inspector, undo) is written into the
 *   current text by `writeDesignYaml`, which rewrites only what changed, and applied as one minimal
 *   edit, so comments survive and the cursor of someone typing does not jump.
 * - undo: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in the editor go to the store's history (after committing
 *   pending typing), and the text follows the store. One history for both views means an undo in
 *   the editor also undoes a drag made on the canvas, as it would in one app. Only while the text
 *   has errors, Ctrl+Z is Monaco's own text undo: that is the way back to a text the store can take.
 */
export function useCodeEditor(hostRef: RefObject<HTMLDivElement | null>): CodeEditorHandle {
  const [issues, setIssues] = useState<Issue[]>([]);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create> | null>(null);
  const signalbox = useSignalbox();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const { design: designStore, findings: findingsStore } = signalbox;
    // Node ids and link ids in completions come from this editor's design.
    const unregisterAssist = registerYamlAssist(() => designStore.getState().design);

    // Start from the text the design was opened or last typed as, so its comments are there.
    const initialText = writeDesignYamlOver(designStore.getState().design, designStore.getState().sourceText);
    const model = monaco.editor.createModel(initialText, 'yaml', monaco.Uri.parse(DESIGN_MODEL_URI));
    const editor = monaco.editor.create(host, {
      model,
      ariaLabel: 'Design as YAML',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      renderWhitespace: 'none',
      // Long lines scroll sideways (with a scrollbar) rather than wrap: a wrapped line would make
      // the arrow keys and line numbers disagree with the lines of the file a user talks about.
      wordWrap: 'off',
      scrollbar: { horizontal: 'visible', horizontalScrollbarSize: 10 },
    });
    editorRef.current = editor;

    let synced: SyncedText | null = null;
    let lastValid: { text: string; doc: Document } | null = null;
    // Where the findings go in the last valid text: one locator per text, reused as findings change.
    let findingPlaces: { design: Design; locate: PathLocator } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let applyingStore = false;

    const showMarkers = () => {
      monaco.editor.setModelMarkers(
        model,
        'signalbox-findings',
        findingPlaces ? getFindingMarkers(findingsStore.getState().findings, findingPlaces.design, findingPlaces.locate) : [],
      );
    };

    /** Read the text; a valid one is what the store holds (committing it if it differs). */
    const readText = (commit: boolean) => {
      clearTimeout(timer);
      timer = undefined;
      const text = model.getValue();
      const result = readDesign(text, 'design.signalbox.yaml');
      setIssues(result.issues);
      monaco.editor.setModelMarkers(model, 'signalbox', getIssueMarkers(result.issues, model));
      if (!result.design || !result.doc) return;
      lastValid = { text, doc: result.doc };
      findingPlaces = { design: result.design, locate: createPathLocator(text, result.doc) };
      designStore.getState().setSourceText(text);
      showMarkers();
      if (!commit) return;
      const store = designStore.getState();
      const placed = moveNodes(result.design, placeUnplacedNodes(result.design, store.design));
      if (deepEqual(placed, store.design)) {
        synced = { text, doc: result.doc, design: store.design };
        return;
      }
      synced = { text, doc: result.doc, design: placed };
      store.replaceDesign(placed, 'code');
    };

    /** Write the store's design into the text, changing only what differs. */
    const writeFromStore = (design: Design) => {
      clearTimeout(timer);
      timer = undefined;
      const current = model.getValue();
      const read = readDesign(current, 'design.signalbox.yaml');
      // A text with errors cannot be merged into: the last valid text is the base, and the broken
      // typing gives way to the change made elsewhere (the canvas and the text must agree).
      const base = read.design && read.doc ? { text: current, doc: read.doc } : (lastValid ?? synced);
      const next = base ? writeDesignYaml(design, base) : writeDesignYaml(design);
      const change = diffText(current, next);
      if (change) {
        const from = model.getPositionAt(change.start);
        const to = model.getPositionAt(change.end);
        applyingStore = true;
        try {
          editor.executeEdits('signalbox-store', [
            { range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: change.text },
          ]);
        } finally {
          applyingStore = false;
        }
      }
      readText(false);
      if (lastValid) synced = { ...lastValid, design };
    };

    readText(true);

    const contentSub = model.onDidChangeContent(() => {
      if (applyingStore) return;
      clearTimeout(timer);
      timer = setTimeout(() => readText(true), TYPING_DEBOUNCE_MS);
    });
    // Leaving the editor (to drag on the canvas, say) commits the typing before anything else.
    const blurSub = editor.onDidBlurEditorText(() => {
      if (timer !== undefined) readText(true);
    });
    // A reload within the typing pause must not lose the typing: autosave flushes this first.
    const unregisterPending = signalbox.pendingEdits.register(() => {
      if (timer !== undefined) readText(true);
    });

    const routeHistory = (direction: 'undo' | 'redo') => {
      const result = readDesign(model.getValue());
      if (!result.design) {
        editor.trigger('keyboard', direction, null);
        return;
      }
      if (timer !== undefined) readText(true);
      const store = designStore.getState();
      if (direction === 'undo') store.undo();
      else store.redo();
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => routeHistory('undo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => routeHistory('redo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => routeHistory('redo'));

    const unsubscribeDesign = designStore.subscribe((state, prev) => {
      if (state.documentVersion !== prev.documentVersion) {
        // Another document: start from its own fresh text, with a fresh text undo stack.
        clearTimeout(timer);
        timer = undefined;
        model.setValue(writeDesignYamlOver(state.design, state.sourceText));
        readText(false);
        if (lastValid) synced = { ...lastValid, design: state.design };
        return;
      }
      if (state.design === prev.design || state.design === synced?.design) return;
      writeFromStore(state.design);
    });
    // What-if is a view: the text cannot be typed into while the design refuses edits.
    const showLock = (lock: string | null) =>
      editor.updateOptions({ readOnly: lock !== null, readOnlyMessage: lock ? { value: lock } : undefined });
    showLock(designStore.getState().editLock);
    const unsubscribeLock = designStore.subscribe((state, prev) => {
      if (state.editLock !== prev.editLock) showLock(state.editLock);
    });
    const unsubscribeFindings = findingsStore.subscribe((state, prev) => {
      if (state.findings !== prev.findings) showMarkers();
    });

    return () => {
      // Closing the panel must not lose the last keystrokes.
      if (timer !== undefined) readText(true);
      clearTimeout(timer);
      unsubscribeDesign();
      unsubscribeLock();
      unsubscribeFindings();
      contentSub.dispose();
      blurSub.dispose();
      unregisterPending();
      unregisterAssist();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [hostRef, signalbox]);

  const reveal = (line: number, column: number) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: line, column });
    editor.revealPositionInCenter({ lineNumber: line, column });
    editor.focus();
  };

  return { issues, reveal };
}
