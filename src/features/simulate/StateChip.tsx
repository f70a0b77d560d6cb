import type { CSSProperties } from 'react';
import type { SimulationState } from '../../core/simulate/types';
import { STATE_INFO } from './stateInfo';

/** A node's or entry point's state as a coloured word (never colour alone: it must read in grey too). */
export function StateChip({ state }: { state: SimulationState }) {
  const style = { '--state-color': STATE_INFO[state].color } as CSSProperties;
  return (
    <span className={`whatif-chip whatif-chip--${state}`} style={style} data-state={state}>
      {STATE_INFO[state].label}
    </span>
  );
}
