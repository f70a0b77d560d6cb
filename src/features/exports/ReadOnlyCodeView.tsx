import { useEffect, useRef, useState } from 'react';
import type { EditorLanguage } from './exportTabs';
import { Splitter } from '../../components/Splitter';
import { usePersistedSize } from '../../components/usePersistedSize';
import type { monaco as MonacoNamespace } from '../../components/monaco/monacoSetup';

type Monaco = typeof MonacoNamespace;
type Editor = ReturnType<Monaco['editor']['create']>;

let monacoPromise: Promise<Monaco> | null = null;

/** Monaco is ~1 MB: it loads the first time an export is shown, once. */
function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import('../../components/monaco/monacoSetup').then((module) => module.monaco);
  return monacoPromise;
}

interface ReadOnlyCodeViewProps {
  text: string;
  language: EditorLanguage;
  /** What the editor shows, for screen readers ("OpenAPI: order.openapi.yaml"). */
  label: string;
}

const getHeightBounds = () => ({ min: 120, max: Math.max(160, window.innerHeight - 160) });

/** An export's text in a read-only Monaco editor, with the colouring of its language. */
export function ReadOnlyCodeView({ text, language, label }: ReadOnlyCodeViewProps) {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const [editor, setEditor] = useState<{ monaco: Monaco; instance: Editor } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const shownLabel = useRef(label);
  const [height, setHeight] = usePersistedSize('signalbox.exportCodeHeight', 320, getHeightBounds);

  useEffect(() => {
    let disposed = false;
    let instance: Editor | null = null;
    loadMonaco().then(
      (monaco) => {
        const host = hostRef.current;
        if (disposed || !host) return;
        instance = monaco.editor.create(host, {
          value: '',
          language: 'plaintext',
          readOnly: true,
          domReadOnly: true,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 12,
          lineNumbersMinChars: 3,
          folding: true,
          // Long lines (a schema, a description) wrap at the panel's edge, like the code view.
          wordWrap: 'on',
          scrollBeyondLastLine: false,
          renderLineHighlight: 'none',
          fixedOverflowWidgets: true,
          // A read-only view needs no hint that typing is refused on every key press.
          readOnlyMessage: { value: 'Exports are read-only: edit the design instead.' },
        });
        setEditor({ monaco, instance });
      },
      (error: unknown) => {
        if (!disposed) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      disposed = true;
      instance?.getModel()?.dispose();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!editor) return;
    const model = editor.instance.getModel();
    if (!model) return;
    if (model.getLanguageId() !== language) editor.monaco.editor.setModelLanguage(model, language);
    if (model.getValue() === text) return;
    // The same file recomputed after an edit keeps the reader's place; another file starts at the top.
    const sameFile = shownLabel.current === label;
    const scrollTop = sameFile ? editor.instance.getScrollTop() : 0;
    model.setValue(text);
    editor.instance.setScrollTop(scrollTop);
    shownLabel.current = label;
    editor.instance.updateOptions({ ariaLabel: label });
  }, [editor, text, language, label]);

  return (
    <div className="export-code nokey" data-testid="export-code">
      <div ref={hostRef} className="export-code__editor" style={{ height }} data-typing-surface="" />
      {!editor && !failed && <p className="export-code__status">Loading editor…</p>}
      {failed && (
        <p className="export-code__status" role="alert">
          The editor could not load ({failed}). Copy and Download still work.
        </p>
      )}
      <Splitter
        className="export-code__splitter"
        label="Resize export text"
        orientation="horizontal"
        value={height}
        {...getHeightBounds()}
        grow={1}
        onChange={setHeight}
      />
    </div>
  );
}
