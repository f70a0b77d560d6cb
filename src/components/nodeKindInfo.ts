import type { NodeKind } from '../core/model/types';

/** How each node kind reads to a person: the palette, the canvas and the inspector share it. */
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  service: 'Service',
  gateway: 'Gateway',
  broker: 'Broker',
  database: 'Database',
  client: 'Client',
  external: 'External API',
};

/** The order the palette offers kinds in: what people add most first. */
export const PALETTE_KINDS: readonly NodeKind[] = ['service', 'gateway', 'broker', 'database', 'client', 'external'];

/** The drag-and-drop type a palette item carries onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-signalbox-node-kind';
