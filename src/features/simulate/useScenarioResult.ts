import type { SimulationResult } from '../../core/simulate/types';
import { useScenarioStore } from '../../editor/react';

/** The current what-if simulation, or null while what-if is off. */
export function useScenarioResult(): SimulationResult | null {
  return useScenarioStore((s) => s.result);
}
