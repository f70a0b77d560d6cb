import type { Design } from '../../core/model/types';
import { writeSvgImage } from '../../core/export/svgImage';
import type { FindingsState } from '../../state/overlayStores';

export type CanvasImageFormat = 'png' | 'svg';

/** Browsers refuse canvases much past 16k pixels a side; stay well under. */
const MAX_PNG_PIXELS_SIDE = 8192;

export interface CanvasImage {
  /** A data URL, for an <img> preview. */
  dataUrl: string;
  blob: Blob;
  width: number;
  height: number;
}

export interface CanvasImageInput {
  design: Design;
  /** The live lint's worst finding per node and link; `null` when badges are hidden. */
  badges: Pick<FindingsState, 'worstByNode' | 'worstByLink'> | null;
}

/**
 * The design as a picture: the SVG is written from the design by the core (`writeSvgImage`, real
 * SVG elements, no DOM scraping); the PNG is that SVG drawn by the browser onto a canvas at twice
 * its size, so both pictures are the same drawing.
 */
export async function drawCanvasImage(input: CanvasImageInput, format: CanvasImageFormat): Promise<CanvasImage> {
  const { svg, width, height } = writeSvgImage(input.design, {
    badges: input.badges ? { nodes: input.badges.worstByNode, links: input.badges.worstByLink } : null,
  });
  const svgBlob = new Blob([svg], { type: 'image/svg+xml' });
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === 'svg') return { dataUrl: svgUrl, blob: svgBlob, width, height };
  const ratio = Math.max(0.1, Math.min(2, MAX_PNG_PIXELS_SIDE / Math.max(width, height)));
  const blob = await rasterise(svgBlob, Math.round(width * ratio), Math.round(height * ratio));
  return { dataUrl: await blobToDataUrl(blob), blob, width, height };
}

async function rasterise(svg: Blob, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser could not draw the picture (no 2D canvas).');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the picture'));
    reader.readAsDataURL(blob);
  });
}
