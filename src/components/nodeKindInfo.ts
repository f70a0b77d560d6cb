import type { NodeKind } from '../core/model/types';

export { NODE_KIND_LABELS } from '../core/model/kindStyle';

/** The order the palette offers kinds in: what people add most first. */
export const PALETTE_KINDS: readonly NodeKind[] = ['service', 'gateway', 'broker', 'database', 'client', 'external'];

/** The drag-and-drop type a palette item carries onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-signalbox-node-kind';
