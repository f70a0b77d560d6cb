import type { SimulationState } from '../../core/simulate/types';

/** Worst first, as the legend and the lists read. Down is dark red, as on the canvas; every colour carries white text at >= 4.5:1 (WCAG AA). */
export const STATE_INFO = {
  down: { label: 'Down', color: '#7f1d1d', hint: 'taken down by the scenario' },
  failed: { label: 'Failed', color: '#dc2626', hint: 'requests that need it fail' },
  degraded: { label: 'Degraded', color: '#b45309', hint: 'answers with a fallback or delayed side effects' },
  lagging: { label: 'Lagging', color: '#2563eb', hint: 'works, receives messages late' },
  ok: { label: 'OK', color: '#15803d', hint: 'unaffected' },
} as const satisfies Record<SimulationState, { label: string; color: string; hint: string }>;
