import type { Design } from '../../core/model/types';
import { blastRadius } from '../../core/simulate/blastRadius';
import type { BlastRadiusRow } from '../../core/simulate/types';

/** Above this many nodes the table waits for a click: every node down in turn is n scenarios. */
export const BLAST_RADIUS_ON_DEMAND_ABOVE = 500;

// Designs are values (an edit makes a new object), so a design's rows never go stale.
const cache = new WeakMap<Design, BlastRadiusRow[]>();

export function getCachedBlastRadius(design: Design): BlastRadiusRow[] | undefined {
  return cache.get(design);
}

export function getBlastRadius(design: Design): BlastRadiusRow[] {
  let rows = cache.get(design);
  if (!rows) {
    rows = blastRadius(design);
    cache.set(design, rows);
  }
  return rows;
}

export function isBlastRadiusOnDemand(design: Design): boolean {
  return Object.keys(design.nodes).length > BLAST_RADIUS_ON_DEMAND_ABOVE;
}
