import type { NodeKind } from './types';

/** One shape of a kind's icon, on a 24 x 24 grid, stroked in the kind's colour. */
export interface IconShape {
  tag: 'rect' | 'path' | 'circle' | 'ellipse';
  attrs: Record<string, string | number>;
}

/**
 * The icon of each node kind, as data: the canvas draws it with React (`components/NodeIcon`) and
 * the SVG picture writes it as elements (`core/export/svgImage`), so both show the same icon.
 */
export const KIND_ICONS: Record<NodeKind, readonly IconShape[]> = {
  service: [
    { tag: 'rect', attrs: { x: 4, y: 4, width: 16, height: 16, rx: 4 } },
    { tag: 'path', attrs: { d: 'M9 9h6v6H9z' } },
  ],
  gateway: [
    { tag: 'path', attrs: { d: 'M12 3 20 7v5c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V7z' } },
    { tag: 'path', attrs: { d: 'M9 12h6M13 9.5 15.5 12 13 14.5' } },
  ],
  broker: [
    { tag: 'path', attrs: { d: 'M4 7h16M4 12h16M4 17h16' } },
    { tag: 'circle', attrs: { cx: 8, cy: 7, r: 1.2 } },
    { tag: 'circle', attrs: { cx: 14, cy: 12, r: 1.2 } },
    { tag: 'circle', attrs: { cx: 10, cy: 17, r: 1.2 } },
  ],
  database: [
    { tag: 'ellipse', attrs: { cx: 12, cy: 6, rx: 7, ry: 2.8 } },
    { tag: 'path', attrs: { d: 'M5 6v12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8V6' } },
    { tag: 'path', attrs: { d: 'M5 12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8' } },
  ],
  client: [
    { tag: 'rect', attrs: { x: 3, y: 5, width: 18, height: 12, rx: 2 } },
    { tag: 'path', attrs: { d: 'M8 21h8M12 17v4' } },
  ],
  external: [
    { tag: 'circle', attrs: { cx: 12, cy: 12, r: 8.5 } },
    {
      tag: 'path',
      attrs: { d: 'M3.5 12h17M12 3.5c2.5 2.3 3.6 5.2 3.6 8.5s-1.1 6.2-3.6 8.5c-2.5-2.3-3.6-5.2-3.6-8.5s1.1-6.2 3.6-8.5z' },
    },
  ],
};

/** Each kind's colours, as the canvas's stylesheet sets them (`--kind-fg`, `--kind-bg`, `--kind-border`). */
export const KIND_COLOURS: Record<NodeKind, { fg: string; bg: string; border: string }> = {
  service: { fg: '#1d4ed8', bg: '#eff6ff', border: '#bfdbfe' },
  gateway: { fg: '#6d28d9', bg: '#f5f3ff', border: '#ddd6fe' },
  broker: { fg: '#b45309', bg: '#fffbeb', border: '#fde68a' },
  database: { fg: '#047857', bg: '#ecfdf5', border: '#a7f3d0' },
  client: { fg: '#334155', bg: '#f8fafc', border: '#cbd5e1' },
  external: { fg: '#be185d', bg: '#fdf2f8', border: '#f9a8d4' },
};

/** How each node kind reads to a person: the palette, the canvas, the inspector and the picture share it. */
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  service: 'Service',
  gateway: 'Gateway',
  broker: 'Broker',
  database: 'Database',
  client: 'Client',
  external: 'External API',
};
