import { useEffect, useRef, useState } from 'react';
import type { ExportFile, ExportFormat } from '../../core/export/index';
import { useSignalbox } from '../../editor/react';
import { createExportRunner, type ExportRunner } from './exportRunner';
import { designForView, isEmptyView } from '../../core/views/view';

/** Edits are exported this long after the last one, not on every keystroke or drag step. */
export const EXPORT_DEBOUNCE_MS = 300;

export interface ExportFilesState {
  files: ExportFile[] | null;
  error: string | null;
  /** A newer design than the one shown is being exported. */
  pending: boolean;
}

/**
 * The files of one format for the current design, recomputed in a worker 300 ms after the design
 * (or, for the Markdown report, the live lint's findings) last changed. It subscribes to the
 * vanilla stores instead of selecting the design, so an edit does not re-render the panel until
 * the new export is ready.
 */
export function useExportFiles(format: ExportFormat | null): ExportFilesState {
  const [state, setState] = useState<ExportFilesState>({ files: null, error: null, pending: true });
  const runnerRef = useRef<ExportRunner | null>(null);
  const editor = useSignalbox();

  useEffect(() => {
    const runner = createExportRunner();
    runnerRef.current = runner;
    return () => {
      runner.dispose();
      runnerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const runner = runnerRef.current;
    if (format === null || runner === null) return undefined;
    const { design: designStore, findings: findingsStore, view: viewStore } = editor;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let run = 0;

    const exportNow = () => {
      run += 1;
      const mine = run;
      const whole = designStore.getState().design;
      const spec = viewStore.getState().spec;
      // The flowchart is a picture: of the view on the canvas when one is on, as PNG/SVG are.
      const design =
        format === 'mermaid' && spec && !isEmptyView(spec) ? designForView(whole, spec, findingsStore.getState()) : whole;
      const findings = format === 'markdown' ? findingsStore.getState().findings : [];
      runner.run({ design, format, findings }).then(
        (files) => {
          if (!cancelled && mine === run) setState({ files, error: null, pending: false });
        },
        (error: unknown) => {
          if (!cancelled && mine === run)
            setState({ files: null, error: error instanceof Error ? error.message : String(error), pending: false });
        },
      );
    };
    const schedule = () => {
      clearTimeout(timer);
      setState((s) => (s.pending ? s : { ...s, pending: true }));
      timer = setTimeout(exportNow, EXPORT_DEBOUNCE_MS);
    };

    // A new tab shows its export at once; later edits wait for the debounce.
    setState({ files: null, error: null, pending: true });
    exportNow();
    const unsubscribeDesign = designStore.subscribe((s, prev) => {
      if (s.design !== prev.design) schedule();
    });
    const unsubscribeView =
      format === 'mermaid'
        ? viewStore.subscribe((s, prev) => {
            if (s.spec !== prev.spec) schedule();
          })
        : () => undefined;
    const unsubscribeFindings =
      format === 'markdown'
        ? findingsStore.subscribe((s, prev) => {
            if (s.findings !== prev.findings) schedule();
          })
        : () => undefined;
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribeDesign();
      unsubscribeFindings();
      unsubscribeView();
    };
  }, [format, editor]);

  return state;
}
