import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { renderMermaid } from './mermaidRenderer';
import { Splitter } from '../../components/Splitter';
import { usePersistedSize } from '../../components/usePersistedSize';
import { fitView, zoomAt, type View } from './panZoom';

interface MermaidPreviewProps {
  text: string;
  /** Names the region ("Preview of place-order.mmd"). */
  label: string;
}

type PreviewState = { status: 'rendering' } | { status: 'drawn' } | { status: 'error'; error: string };

const getHeightBounds = () => ({ min: 160, max: Math.max(200, window.innerHeight - 200) });

/**
 * The diagram as Mermaid draws it, redrawn when the exported text changes. The last good drawing
 * stays up while a newer one renders, so the preview does not flash on every edit. It pans and
 * zooms like Mermaid Live: the wheel zooms at the pointer, a drag pans, buttons for the keyboard.
 */
export function MermaidPreview({ text, label }: MermaidPreviewProps) {
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const hostRef = useRef<HTMLDivElement | null>(null);
  const [state, setState] = useState<PreviewState>({ status: 'rendering' });
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const [height, setHeight] = usePersistedSize('signalbox.mermaidPreviewHeight', 300, getHeightBounds);
  const [actualSize, setActualSize] = useState(false);
  const actualSizeRef = useRef(actualSize);
  actualSizeRef.current = actualSize;

  const getSizes = useCallback(() => {
    const svg = hostRef.current?.querySelector('svg');
    const box = viewportRef.current;
    if (!svg || !box) return null;
    const vb = svg.viewBox.baseVal;
    return { content: { w: vb.width || 1, h: vb.height || 1 }, viewport: { w: box.clientWidth, h: box.clientHeight } };
  }, []);

  const fit = useCallback(() => {
    const sizes = getSizes();
    if (sizes) setView(fitView(sizes.content, sizes.viewport));
    setActualSize(false);
  }, [getSizes]);

  useEffect(() => {
    let current = true;
    setState((s) => (s.status === 'drawn' ? s : { status: 'rendering' }));
    void renderMermaid(text).then((result) => {
      if (!current) return;
      const host = hostRef.current;
      if (result.ok && host) {
        // Mermaid's strict mode has sanitised this SVG, and every name in it came escaped from the core.
        host.innerHTML = result.svg;
        const svg = host.querySelector('svg');
        if (svg) {
          // Drawn at its own size; the view's transform does the fitting and zooming.
          const vb = svg.viewBox.baseVal;
          svg.style.maxWidth = 'none';
          svg.setAttribute('width', String(vb.width));
          svg.setAttribute('height', String(vb.height));
        }
        // Fitted before it shows, so the first frame is the whole diagram, not its corner.
        if (!actualSizeRef.current) fit();
        setState({ status: 'drawn' });
      } else if (!result.ok) {
        if (host) host.innerHTML = '';
        setState({ status: 'error', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [text, fit]);

  // A new drawing, or a resized preview, is fitted again (unless the reader chose actual size).
  useEffect(() => {
    if (state.status === 'drawn' && !actualSize) fit();
  }, [state, height, fit, actualSize]);

  // Non-passive: the wheel zooms the drawing instead of scrolling the side panel.
  useEffect(() => {
    const box = viewportRef.current;
    if (!box) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = box.getBoundingClientRect();
      setActualSize(false);
      setView((v) => zoomAt(v, Math.exp(-e.deltaY / 300), e.clientX - rect.left, e.clientY - rect.top));
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => box.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const start = { x: e.clientX, y: e.clientY };
    const from = view;
    const move = (ev: PointerEvent) => setView({ ...from, x: from.x + ev.clientX - start.x, y: from.y + ev.clientY - start.y });
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const zoomBy = (factor: number) => {
    const box = viewportRef.current;
    if (!box) return;
    setActualSize(false);
    setView((v) => zoomAt(v, factor, box.clientWidth / 2, box.clientHeight / 2));
  };
  const showActualSize = () => {
    const sizes = getSizes();
    if (!sizes) return;
    setActualSize(true);
    // The middle of the drawing at scale 1: the top-left corner of a flowchart is mostly empty.
    setView({
      k: 1,
      x: (sizes.viewport.w - sizes.content.w) / 2,
      y: (sizes.viewport.h - sizes.content.h) / 2,
    });
  };

  return (
    <section className="export-preview" role="region" aria-label={label} data-testid="mermaid-preview">
      {state.status === 'drawn' && (
        <div className="export-preview__tools" role="toolbar" aria-label="Preview zoom">
          <button
            type="button"
            className="export-preview__tool"
            aria-label="Zoom out"
            title="Zoom out"
            onClick={() => zoomBy(1 / 1.25)}
          >
            −
          </button>
          <span className="export-preview__scale" aria-live="polite">
            {Math.round(view.k * 100)}%
          </span>
          <button
            type="button"
            className="export-preview__tool"
            aria-label="Zoom in"
            title="Zoom in"
            onClick={() => zoomBy(1.25)}
          >
            +
          </button>
          <button type="button" className="export-preview__tool" onClick={fit}>
            Fit
          </button>
          <button type="button" className="export-preview__tool" aria-pressed={actualSize} onClick={showActualSize}>
            Actual size
          </button>
        </div>
      )}
      <div
        ref={viewportRef}
        className="export-preview__viewport"
        style={{ height }}
        onPointerDown={onPointerDown}
        onDoubleClick={fit}
        aria-busy={state.status === 'rendering'}
      >
        <div
          ref={hostRef}
          className="export-preview__drawing"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})` }}
        />
        {state.status === 'rendering' && <p className="export-preview__status">Drawing the diagram…</p>}
      </div>
      <Splitter
        className="export-preview__splitter"
        label="Resize diagram preview"
        orientation="horizontal"
        value={height}
        {...getHeightBounds()}
        grow={1}
        onChange={setHeight}
      />
      {state.status === 'error' && (
        <div className="export-preview__error" role="alert">
          <strong>Mermaid could not draw this diagram.</strong>
          <pre>{state.error}</pre>
        </div>
      )}
    </section>
  );
}
