import { useState } from 'react';
import type { Design } from '../../core/model/types';
import type { BlastRadiusRow } from '../../core/simulate/types';
import { getBlastRadius, getCachedBlastRadius, isBlastRadiusOnDemand } from './blastRadiusView';

export interface BlastRadiusView {
  /** Null until computed (big designs wait for `compute`). */
  rows: BlastRadiusRow[] | null;
  onDemand: boolean;
  computing: boolean;
  compute: () => void;
}

/**
 * The blast radius of the design. It only runs while the What if tab is mounted, so it is lazy by
 * construction; rows are cached per design object, so re-renders and tab switches cost nothing.
 */
export function useBlastRadius(design: Design): BlastRadiusView {
  const [computing, setComputing] = useState(false);
  const [, setComputed] = useState<Design | null>(null);
  const onDemand = isBlastRadiusOnDemand(design);
  const rows = onDemand ? (getCachedBlastRadius(design) ?? null) : getBlastRadius(design);
  const compute = () => {
    setComputing(true);
    // Let "Computing…" paint before the main thread is busy with n scenarios.
    window.setTimeout(() => {
      getBlastRadius(design);
      setComputed(design);
      setComputing(false);
    }, 30);
  };
  return { rows, onDemand, computing, compute };
}
