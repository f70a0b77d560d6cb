import { useStore } from 'zustand';
import type { SimulationResult } from '../../core/simulate/types';
import { scenarioStore } from './whatIf';

/** The current what-if simulation, or null while what-if is off. */
export function useScenarioResult(): SimulationResult | null {
  return useStore(scenarioStore, (s) => s.result);
}
