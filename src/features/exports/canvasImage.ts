import { getViewportForBounds, type Rect } from '@xyflow/react';

export type CanvasImageFormat = 'png' | 'svg';

/** Room around the outermost nodes, in canvas pixels. */
const PADDING_PX = 48;
/** The longest side of the picture at zoom 1; bigger designs are drawn smaller to fit. */
const MAX_SIDE_PX = 4096;
/** Browsers refuse canvases much past 16k pixels a side; stay well under. */
const MAX_PNG_PIXELS_SIDE = 8192;

/**
 * Editor chrome that is not part of the design: zoom buttons, the minimap, the attribution, the
 * panels, and the connection handles on every node. Matched by React Flow's documented class names.
 */
const CHROME_CLASSES = [
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__attribution',
  'react-flow__panel',
  'react-flow__handle',
];

function isDesignContent(domNode: HTMLElement): boolean {
  const classes = domNode.classList as DOMTokenList | undefined;
  if (!classes) return true;
  return !CHROME_CLASSES.some((name) => classes.contains(name));
}

export interface CanvasImage {
  /** A data URL, for an <img> preview. */
  dataUrl: string;
  blob: Blob;
  width: number;
  height: number;
}

/**
 * The canvas as the user sees it, framed on all the nodes rather than the current scroll: React
 * Flow's documented recipe (getNodesBounds, then getViewportForBounds applied as a transform to a
 * clone of `.react-flow__viewport`), drawn by html-to-image.
 */
export async function drawCanvasImage(
  viewportElement: HTMLElement,
  bounds: Rect,
  format: CanvasImageFormat,
): Promise<CanvasImage> {
  const naturalWidth = bounds.width + 2 * PADDING_PX;
  const naturalHeight = bounds.height + 2 * PADDING_PX;
  const fit = Math.min(1, MAX_SIDE_PX / Math.max(naturalWidth, naturalHeight));
  const width = Math.max(1, Math.round(naturalWidth * fit));
  const height = Math.max(1, Math.round(naturalHeight * fit));
  const viewport = getViewportForBounds(bounds, width, height, 0.05, 1, `${Math.round(PADDING_PX * fit)}px`);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    filter: isDesignContent,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  };
  // Loaded on the first picture: most sessions never export one.
  const { toPng, toSvg } = await import('html-to-image');
  const capture = cloneForCapture(viewportElement, width, height);
  const target = capture.viewport;
  try {
    if (format === 'png') {
      // Twice the pixels for a crisp picture in a document, as long as the canvas stays drawable.
      const pixelRatio = Math.min(2, MAX_PNG_PIXELS_SIDE / Math.max(width, height));
      const dataUrl = await toPng(target, { ...options, pixelRatio });
      const blob = dataUrlToBlob(dataUrl, 'image/png');
      return { dataUrl, blob, width, height };
    }
    const dataUrl = await toSvg(target, options);
    // html-to-image returns the SVG URI-encoded after the comma; the file is that markup.
    const markup = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
    return { dataUrl, blob: new Blob([markup], { type: 'image/svg+xml' }), width, height };
  } finally {
    capture.dispose();
  }
}

/**
 * The canvas hides edge labels and node details when zoomed out (`canvas--far`, `canvas--tiny`):
 * a picture of the whole design wants them, whatever the zoom on screen happens to be.
 */
const ZOOM_DETAIL_CLASSES = /\bcanvas--(mid|far|tiny)\b/g;

/**
 * A copy of the viewport, off screen, inside copies of its ancestors (so the stylesheet still
 * matches) with the zoom-dependent detail classes set to full detail. Capturing the copy leaves
 * the canvas untouched: no flash of labels on screen, no inline styles left on React's elements.
 */
function cloneForCapture(
  viewportElement: HTMLElement,
  width: number,
  height: number,
): { viewport: HTMLElement; dispose: () => void } {
  const top = viewportElement.closest('.react-flow')?.parentElement ?? viewportElement.parentElement;
  const chain: HTMLElement[] = [];
  for (let element = viewportElement.parentElement; element && element !== top?.parentElement; element = element.parentElement) {
    chain.unshift(element);
  }
  let host: HTMLElement | null = null;
  let parent: HTMLElement | null = null;
  for (const ancestor of chain) {
    const copy = ancestor.cloneNode(false) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('data-testid');
    if (!host) {
      host = copy;
      host.className = host.className.replace(ZOOM_DETAIL_CLASSES, 'canvas--near');
      host.setAttribute('aria-hidden', 'true');
      Object.assign(host.style, {
        position: 'fixed',
        left: '-100000px',
        top: '0',
        width: `${width}px`,
        height: `${height}px`,
        overflow: 'hidden',
        pointerEvents: 'none',
      });
    } else {
      parent?.append(copy);
    }
    parent = copy;
  }
  const viewport = viewportElement.cloneNode(true) as HTMLElement;
  // Test ids and roles are the live canvas's: the copy must not be found in its place.
  for (const element of [viewport, ...viewport.querySelectorAll<HTMLElement>('[data-testid]')])
    element.removeAttribute('data-testid');
  (parent ?? document.body).append(viewport);
  document.body.append(host ?? viewport);
  inlineSvgStyles(viewport);
  return { viewport, dispose: () => (host ?? viewport).remove() };
}

/** The SVG properties our stylesheet sets on edges, their labels and badges. */
const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'display',
  'visibility',
  'marker-end',
  'font-family',
  'font-size',
  'font-weight',
];

/**
 * html-to-image copies the computed style of each HTML element, but clones an <svg> whole, with
 * no styles below its root, and the picture is drawn without our stylesheet: edges styled by class
 * (stroke colour, dashes, label fills) came out invisible and labels as black pills. Writing the
 * computed values inline on the copy fixes that.
 */
function inlineSvgStyles(root: HTMLElement): void {
  for (const svg of root.querySelectorAll('svg')) {
    for (const element of svg.querySelectorAll<SVGElement>('*')) {
      const computed = getComputedStyle(element);
      for (const name of SVG_STYLE_PROPERTIES) {
        const value = computed.getPropertyValue(name);
        if (value) element.style.setProperty(name, value);
      }
    }
  }
}

/** Decoded here rather than by fetch(dataUrl): no request, not even a data: one, for a file we already hold. */
function dataUrlToBlob(dataUrl: string, type: string): Blob {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
