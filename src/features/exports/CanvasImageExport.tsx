import { useCallback, useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Design } from '../../core/model/types';
import { useSignalbox } from '../../editor/react';
import { drawCanvasImage, type CanvasImage, type CanvasImageFormat } from './canvasImage';
import { downloadBlob } from './download';

interface CanvasImageExportProps {
  format: CanvasImageFormat;
  /** File name without extension: the design's slug. */
  baseName: string;
}

/** Redraw the preview this long after the last edit; drawing clones the canvas DOM on the main thread. */
const PREVIEW_DEBOUNCE_MS = 400;
/** Past this many nodes the preview is drawn on request only: cloning them costs a noticeable pause. */
const LIVE_PREVIEW_NODE_LIMIT = 300;

type DrawState =
  | { status: 'idle' }
  | { status: 'drawing' }
  | { status: 'drawn'; image: CanvasImage; design: Design }
  | { status: 'error'; error: string };

/** The canvas as a PNG or SVG picture: a preview and a download named after the design. */
export function CanvasImageExport({ format, baseName }: CanvasImageExportProps) {
  const { getNodes, getNodesBounds } = useReactFlow();
  const [state, setState] = useState<DrawState>({ status: 'idle' });
  const { design: designStore } = useSignalbox();

  const draw = useCallback(async (): Promise<CanvasImage | null> => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const nodes = getNodes().filter((node) => !node.hidden);
    if (!viewport || nodes.length === 0) {
      setState({ status: 'error', error: 'The canvas is empty: add a node to draw a picture.' });
      return null;
    }
    setState((s) => (s.status === 'drawn' ? s : { status: 'drawing' }));
    const design = designStore.getState().design;
    try {
      const image = await drawCanvasImage(viewport, getNodesBounds(nodes), format);
      setState({ status: 'drawn', image, design });
      return image;
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error.message : 'The browser could not draw the canvas.' });
      return null;
    }
  }, [format, getNodes, getNodesBounds, designStore]);

  useEffect(() => {
    // Let the canvas paint the current design first (the tab may have just opened).
    let timer = setTimeout(() => void draw(), 50);
    const unsubscribe = designStore.subscribe((s, prev) => {
      if (s.design === prev.design || Object.keys(s.design.nodes).length > LIVE_PREVIEW_NODE_LIMIT) return;
      clearTimeout(timer);
      timer = setTimeout(() => void draw(), PREVIEW_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [draw, designStore]);

  const download = async () => {
    // The preview is reused when it shows the current design; otherwise (a big design, or an edit
    // within the debounce) the canvas is drawn again at click time.
    const current = state.status === 'drawn' && state.design === designStore.getState().design ? state.image : await draw();
    if (current) downloadBlob(current.blob, `${baseName}.${format}`);
  };

  const label = format.toUpperCase();
  return (
    <div className="export-image">
      <p className="export-hint">
        The whole design as it looks on the canvas, without the zoom controls, minimap or connection handles.
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
