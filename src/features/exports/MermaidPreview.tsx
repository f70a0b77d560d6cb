import { useEffect, useRef, useState } from 'react';
import { renderMermaid } from './mermaidRenderer';

interface MermaidPreviewProps {
  text: string;
  /** Names the region ("Preview of place-order.mmd"). */
  label: string;
}

type PreviewState = { status: 'rendering' } | { status: 'drawn' } | { status: 'error'; error: string };

/**
 * The diagram as Mermaid draws it, redrawn when the exported text changes. The last good drawing
 * stays up while a newer one renders, so the preview does not flash on every edit.
 */
export function MermaidPreview({ text, label }: MermaidPreviewProps) {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const [state, setState] = useState<PreviewState>({ status: 'rendering' });
  // A 20-service flowchart fitted into the 360px side panel is a thumbnail; actual size scrolls.
  const [actualSize, setActualSize] = useState(false);

  useEffect(() => {
    let current = true;
    setState((s) => (s.status === 'drawn' ? s : { status: 'rendering' }));
    void renderMermaid(text).then((result) => {
      if (!current) return;
      const host = hostRef.current;
      if (result.ok && host) {
        // Mermaid's strict mode has sanitised this SVG, and every name in it came escaped from the core.
        host.innerHTML = result.svg;
        setState({ status: 'drawn' });
      } else if (!result.ok) {
        if (host) host.innerHTML = '';
        setState({ status: 'error', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [text]);

  useEffect(() => {
    const svg = hostRef.current?.querySelector('svg');
    if (!svg || state.status !== 'drawn') return;
    // Mermaid sizes the drawing to the panel (width 100%, max-width its own width); actual size
    // gives it the width of its viewBox and lets the region scroll.
    const natural = svg.viewBox.baseVal.width;
    svg.dataset.fitMaxWidth ??= svg.style.maxWidth;
    svg.style.width = actualSize && natural > 0 ? `${natural}px` : '';
    svg.style.maxWidth = actualSize ? 'none' : svg.dataset.fitMaxWidth;
    // The top-left corner of a left-to-right flowchart is mostly empty: start from the middle.
    const host = hostRef.current;
    if (actualSize && host) {
      host.scrollLeft = (host.scrollWidth - host.clientWidth) / 2;
      host.scrollTop = (host.scrollHeight - host.clientHeight) / 2;
    }
  }, [actualSize, state]);

  return (
    <section className="export-preview" role="region" aria-label={label} data-testid="mermaid-preview">
      {state.status === 'drawn' && (
        <button
          type="button"
          className="export-preview__zoom"
          aria-pressed={actualSize}
          onClick={() => setActualSize((on) => !on)}
        >
          Actual size
        </button>
      )}
      <div
        ref={hostRef}
        className={`export-preview__drawing${actualSize ? ' export-preview__drawing--actual' : ''}`}
        aria-busy={state.status === 'rendering'}
      />
      {state.status === 'rendering' && <p className="export-preview__status">Drawing the diagram…</p>}
      {state.status === 'error' && (
        <div className="export-preview__error" role="alert">
          <strong>Mermaid could not draw this diagram.</strong>
          <pre>{state.error}</pre>
        </div>
      )}
    </section>
  );
}
