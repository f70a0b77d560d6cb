import type { CSSProperties } from 'react';
import { SIMULATION_STATES } from '../../core/simulate/types';
import { STATE_INFO } from './stateInfo';

/** What the canvas colours mean while what-if is on. */
export function WhatIfLegend() {
  return (
    <ul className="whatif-legend" aria-label="Legend">
      {SIMULATION_STATES.map((state) => (
        <li key={state} className="whatif-legend__item" title={STATE_INFO[state].hint}>
          <span
            className="whatif-legend__swatch"
            style={{ '--state-color': STATE_INFO[state].color } as CSSProperties}
            aria-hidden="true"
          />
          {STATE_INFO[state].label}
        </li>
      ))}
    </ul>
  );
}
