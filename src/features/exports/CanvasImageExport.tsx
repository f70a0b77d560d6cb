import { useCallback, useEffect, useState } from 'react';
import type { Design } from '../../core/model/types';
import { useBadgesHidden, useSignalbox } from '../../editor/react';
import { designForView, isEmptyView } from '../../core/views/view';
import { drawCanvasImage, type CanvasImage, type CanvasImageFormat } from './canvasImage';
import { downloadBlob } from './download';

interface CanvasImageExportProps {
  format: CanvasImageFormat;
  /** File name without extension: the design's slug. */
  baseName: string;
}

/** Redraw the preview this long after the last edit (or lint, or badge toggle). */
const PREVIEW_DEBOUNCE_MS = 400;
/** Past this many nodes the preview is drawn on request only: routing and rasterising them costs a pause. */
const LIVE_PREVIEW_NODE_LIMIT = 300;

type DrawState =
  | { status: 'idle' }
  | { status: 'drawing' }
  | { status: 'drawn'; image: CanvasImage; design: Design; badgesHidden: boolean }
  | { status: 'error'; error: string };

/** The canvas as a PNG or SVG picture: a preview and a download named after the design. */
export function CanvasImageExport({ format, baseName }: CanvasImageExportProps) {
  const [state, setState] = useState<DrawState>({ status: 'idle' });
  const { design: designStore, findings: findingsStore, view: viewStore, badges: badgeStore } = useSignalbox();
  const badgesHidden = useBadgesHidden();

  const draw = useCallback(async (): Promise<CanvasImage | null> => {
    const whole = designStore.getState().design;
    // The picture of what the canvas draws: the view (groups folded, filters) when one is on.
    const spec = viewStore.getState().spec;
    const design = spec && !isEmptyView(spec) ? designForView(whole, spec, findingsStore.getState()) : whole;
    if (Object.keys(design.nodes).length === 0) {
      setState({ status: 'error', error: 'The canvas is empty: add a node to draw a picture.' });
      return null;
    }
    setState((s) => (s.status === 'drawn' ? s : { status: 'drawing' }));
    // The badges follow the canvas's hide-badges button (zoom controls).
    const hidden = badgeStore.getState().hidden;
    try {
      const image = await drawCanvasImage({ design, badges: hidden ? null : findingsStore.getState() }, format);
      setState({ status: 'drawn', image, design: whole, badgesHidden: hidden });
      return image;
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error.message : 'The browser could not draw the canvas.' });
      return null;
    }
  }, [format, designStore, findingsStore, viewStore, badgeStore]);

  useEffect(() => {
    let timer = setTimeout(() => void draw(), 0);
    const later = () => {
      if (Object.keys(designStore.getState().design.nodes).length > LIVE_PREVIEW_NODE_LIMIT) return;
      clearTimeout(timer);
      timer = setTimeout(() => void draw(), PREVIEW_DEBOUNCE_MS);
    };
    const unsubscribeDesign = designStore.subscribe((s, prev) => {
      if (s.design !== prev.design) later();
    });
    // Badges come from the live lint, which finishes after the edit that started it.
    const unsubscribeFindings = findingsStore.subscribe((s, prev) => {
      if (s.worstByNode !== prev.worstByNode || s.worstByLink !== prev.worstByLink) later();
    });
    const unsubscribeView = viewStore.subscribe((s, prev) => {
      if (s.spec !== prev.spec) later();
    });
    return () => {
      clearTimeout(timer);
      unsubscribeDesign();
      unsubscribeFindings();
      unsubscribeView();
    };
  }, [draw, badgesHidden, designStore, findingsStore, viewStore]);

  const download = async () => {
    // The preview is reused when it shows the current design; otherwise (a big design, or an edit
    // within the debounce) the canvas is drawn again at click time.
    const current =
      state.status === 'drawn' && state.design === designStore.getState().design && state.badgesHidden === badgesHidden
        ? state.image
        : await draw();
    if (current) downloadBlob(current.blob, `${baseName}.${format}`);
  };

  const label = format.toUpperCase();
  return (
    <div className="export-image">
      <p className="export-hint">
        The whole design as it looks on the canvas, drawn as real SVG shapes, without the zoom controls or minimap.
        {badgesHidden ? ' Finding badges are hidden (the badge button in the zoom controls).' : ''}
      </p>
      <div className="export-actions">
        <button type="button" className="export-button export-button--primary" onClick={() => void download()}>
          Download {label}
        </button>
        <span className="export-file-name">{`${baseName}.${format}`}</span>
      </div>
      <figure className="export-image__preview" aria-busy={state.status === 'drawing'}>
        {state.status === 'drawn' && (
          <img src={state.image.dataUrl} alt={`The canvas as ${label}`} width={state.image.width} height={state.image.height} />
        )}
        {(state.status === 'idle' || state.status === 'drawing') && <p className="export-preview__status">Drawing the canvas…</p>}
        {state.status === 'error' && (
          <p className="export-preview__error" role="alert">
            {state.error}
          </p>
        )}
        {state.status === 'drawn' && (
          <figcaption>
            {state.image.width} × {state.image.height} px
          </figcaption>
        )}
      </figure>
    </div>
  );
}
