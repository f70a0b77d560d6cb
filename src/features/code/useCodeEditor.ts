import { useEffect, useRef, useState, type RefObject } from 'react';
import { monaco } from '../../components/monaco/monacoSetup';
import { DESIGN_MODEL_URI, registerYamlAssist } from './yamlAssist';
import { getFindingMarkers, getIssueMarkers } from './markers';
import { createTextSync } from './textSync';
import { useSignalbox } from '../../editor/react';
import { createPathLocator, type PathLocator } from '../../core/format/locatePath';
import type { Issue } from '../../core/model/types';

export interface CodeEditorHandle {
  /** Validation issues of the text as it is now (errors first). */
  issues: Issue[];
  /** Put the cursor on a line:column and focus the editor (a click on a listed problem). */
  reveal: (line: number, column: number) => void;
}

/**
 * A Monaco editor on the design as YAML, kept two-way with the design store by `createTextSync`
 * (textSync.ts, where the logic lives and is tested); this hook only wires Monaco and the stores:
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

    // The sync is created before the model it feeds: its first text is the model's text, and its
    // callbacks reach the model and editor only once `start()` runs below.
    const sync = createTextSync(
      {
        getDesign: () => designStore.getState().design,
        commit: (design) => designStore.getState().replaceDesign(design, 'code'),
        setSourceText: (text) => designStore.getState().setSourceText(text),
        applyEdit: (change) => {
          const from = model.getPositionAt(change.start);
          const to = model.getPositionAt(change.end);
          editor.executeEdits('signalbox-store', [
            { range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: change.text },
          ]);
        },
        resetText: (text) => model.setValue(text),
        onRead: (state) => {
          setIssues(state.issues);
          monaco.editor.setModelMarkers(model, 'signalbox', getIssueMarkers(state.issues, model));
          showFindings();
        },
      },
      { design: designStore.getState().design, sourceText: designStore.getState().sourceText },
    );
    const model = monaco.editor.createModel(sync.getState().text, 'yaml', monaco.Uri.parse(DESIGN_MODEL_URI));
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

    // Where findings go in the last good text: one locator per text, reused as findings change.
    const locators = new WeakMap<object, PathLocator>();
    const locatorOf = (good: { text: string; doc: Parameters<typeof createPathLocator>[1] }) => {
      let locate = locators.get(good);
      if (!locate) locators.set(good, (locate = createPathLocator(good.text, good.doc)));
      return locate;
    };
    const showFindings = () => {
      const { lastGood } = sync.getState();
      monaco.editor.setModelMarkers(
        model,
        'signalbox-findings',
        lastGood ? getFindingMarkers(findingsStore.getState().findings, lastGood.design, locatorOf(lastGood)) : [],
      );
    };

    sync.start();
    const contentSub = model.onDidChangeContent(() => sync.onTextChanged(model.getValue()));
    // Leaving the editor (to drag on the canvas, say) commits the typing before anything else.
    const blurSub = editor.onDidBlurEditorText(() => sync.flush());
    // A reload within the typing pause must not lose the typing: autosave flushes this first.
    const unregisterPending = signalbox.pendingEdits.register(() => sync.flush());

    const routeHistory = (direction: 'undo' | 'redo') => {
      if (sync.prepareHistory() === 'text') {
        editor.trigger('keyboard', direction, null);
        return;
      }
      const store = designStore.getState();
      if (direction === 'undo') store.undo();
      else store.redo();
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => routeHistory('undo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => routeHistory('redo'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => routeHistory('redo'));

    const unsubscribeDesign = designStore.subscribe((state, prev) => {
      // Another document: start from its own fresh text, with a fresh text undo stack.
      if (state.documentVersion !== prev.documentVersion) sync.onDocumentOpened(state.design, state.sourceText);
      else if (state.design !== prev.design) sync.onDesignChanged(state.design);
    });
    // What-if is a view: the text cannot be typed into while the design refuses edits.
    const showLock = (lock: string | null) =>
      editor.updateOptions({ readOnly: lock !== null, readOnlyMessage: lock ? { value: lock } : undefined });
    showLock(designStore.getState().editLock);
    const unsubscribeLock = designStore.subscribe((state, prev) => {
      if (state.editLock !== prev.editLock) showLock(state.editLock);
    });
    const unsubscribeFindings = findingsStore.subscribe((state, prev) => {
      if (state.findings !== prev.findings) showFindings();
    });

    return () => {
      // Closing the panel must not lose the last keystrokes.
      sync.dispose();
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
