import { useDesignStore, useImportRequest, useSignalbox } from '../../editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { driftDesign } from '../../core/import/drift';
import type { ImportResult } from '../../core/import/types';
import { getLinkId } from '../../core/model/ids';
import type { Design } from '../../core/model/types';
import { readImportFiles } from './readImportFiles';
import './import.css';

export type ImportMode = 'new' | 'merge';

interface ImportDialogProps {
  /** Creates the design (or merges it) as one undo step, laid out, and keeps it as a version named by the files; provided by the shell. */
  onAccept: (design: Design, mode: ImportMode, files: string[]) => Promise<void>;
}

function where(file: string, line?: number): string {
  return `${file.replace(/^.*[/\\]/, '')}${line !== undefined ? `:${line}` : ''}`;
}

/** The import preview: what will be created, every inference and its reason, and drift. */
export function ImportDialog({ onAccept }: ImportDialogProps) {
  const editor = useSignalbox();
  const close = () => editor.importRequest.setState({ files: null });
  const files = useImportRequest((s) => s.files);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mode, setMode] = useState<ImportMode>('new');
  const [busy, setBusy] = useState(false);
  const openName = useDesignStore((s) => s.design.name);
  const openCount = useDesignStore((s) => Object.keys(s.design.nodes).length);
  const accept = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!files) return;
    let live = true;
    setResult(null);
    setMode('new');
    // The importers load with the first import, not with the app.
    void Promise.all([readImportFiles(files), import('../../core/import/importFiles')]).then(([inputs, { importFiles }]) => {
      if (live) setResult(importFiles(inputs));
    });
    return () => {
      live = false;
    };
  }, [files]);

  // The buttons appear once the files are read: focus the main one then, so Enter and Escape work.
  useEffect(() => {
    if (result) accept.current?.focus();
  }, [result]);

  const drift = useMemo(
    () => (result?.ok && openCount > 0 ? driftDesign(editor.design.getState().design, result.design) : null),
    [result, openCount, editor.design],
  );

  if (!files) return null;
  const names = files.map((f) => f.name).join(', ');
  return (
    <ModalDialog
      labelledBy="import-title"
      onClose={close}
      initialFocus={accept}
      className="dialog--import"
      testId="import-dialog"
    >
      {/* The window's shortcut handler takes Escape (clear selection) before the dialog sees it. */}
      <div onKeyDown={(e) => e.key === 'Escape' && close()}>
        <h2 id="import-title" className="dialog__title">
          Import {files.length === 1 ? files[0]!.name : `${files.length} files`}
        </h2>
        {!result && <p className="dialog__text">Reading {names}…</p>}
        {result && !result.ok && (
          <>
            <p className="dialog__text">Nothing was imported and your design is unchanged.</p>
            <ul className="dialog__issues" aria-label="Problems">
              {result.errors.map((e, i) => (
                <li key={i} className="dialog__issue">
                  <code className="dialog__where">{where(e.file, e.line)}</code>
                  <span>{e.message}</span>
                </li>
              ))}
            </ul>
            <div className="dialog__actions">
              <button ref={accept} type="button" className="button button--primary" onClick={close}>
                OK
              </button>
            </div>
          </>
        )}
        {result?.ok && (
          <>
            <p className="dialog__text">
              {Object.entries(result.sources)
                .map(([file, source]) => `${file.replace(/^.*[/\\]/, '')} (${source})`)
                .join(', ')}
              : {Object.keys(result.design.nodes).length} nodes and {result.design.links.length} links.
            </p>
            <div className="import__columns">
              <section aria-labelledby="import-created" className="import__section">
                <h3 id="import-created" className="import__heading">
                  Will be created
                </h3>
                <ul className="import__list" aria-label="Nodes to create">
                  {Object.entries(result.design.nodes).map(([id, node]) => (
                    <li key={id} className="import__row">
                      <span className="import__id">{id}</span>
                      <span className={`import__kind import__kind--${node.kind}`}>{node.kind}</span>
                      {node.tech && <span className="import__meta">{node.tech}</span>}
                    </li>
                  ))}
                </ul>
                <ul className="import__list" aria-label="Links to create">
                  {result.design.links.map((link) => (
                    <li key={getLinkId(link)} className="import__row">
                      <span className="import__id">{getLinkId(link)}</span>
                      <span className="import__meta">
                        {link.kind}
                        {link.protocol ? ` ${link.protocol}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="import-why" className="import__section import__section--why">
                <h3 id="import-why" className="import__heading">
                  Why ({result.inferences.length} inferences)
                </h3>
                <ul className="import__list" aria-label="Inferences">
                  {result.inferences.map((inf, i) => (
                    <li key={i} className="import__inference">
                      <span>
                        <strong>{inf.element}</strong>: {inf.what}
                      </span>
                      <span className="import__reason">{inf.reason}</span>
                      <code className="import__where">{where(inf.file, inf.line)}</code>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            {drift && (
              <details className="import__drift">
                <summary>
                  Drift against “{openName}”:{' '}
                  {drift.length === 0 ? 'the design agrees with the files' : `${drift.length} differences`}
                </summary>
                <ul className="import__list" aria-label="Drift">
                  {drift.map((d, i) => (
                    <li key={i} className="import__row">
                      <span className={`import__change import__change--${d.change}`}>{d.change.replace(/-/g, ' ')}</span>
                      <span>{d.message}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {openCount > 0 && (
              <fieldset className="import__mode">
                <legend>Where</legend>
                <label>
                  <input type="radio" name="import-mode" checked={mode === 'new'} onChange={() => setMode('new')} /> A new design
                </label>
                <label>
                  <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge
                  into “{openName}” (keeps what it says, adds what is new)
                </label>
              </fieldset>
            )}
            <div className="dialog__actions import__actions">
              <button type="button" className="button button--ghost" onClick={close}>
                Cancel
              </button>
              <button
                ref={accept}
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  void onAccept(
                    result.design,
                    mode,
                    files.map((f) => f.name),
                  ).finally(() => {
                    setBusy(false);
                    close();
                  });
                }}
              >
                {mode === 'new' ? 'Create design' : 'Merge into design'}
              </button>
            </div>
          </>
        )}
      </div>
    </ModalDialog>
  );
}
