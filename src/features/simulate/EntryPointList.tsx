import type { Design } from '../../core/model/types';
import type { SimulationResult } from '../../core/simulate/types';
import { StateChip } from './StateChip';

/** What the people at the front door see: each entry point's state, why, and its stated figures. */
export function EntryPointList({ design, result }: { design: Design; result: SimulationResult }) {
  const entries = Object.entries(result.entries);
  if (entries.length === 0) return <p className="whatif-muted">This design has no entry points (clients or gateways).</p>;
  return (
    <ul className="whatif-list" aria-label="Entry points">
      {entries.map(([id, state]) => {
        const availability = result.availability[id];
        const latency = result.latencyMs[id];
        return (
          <li key={id} className="whatif-item" data-testid={`whatif-entry-${id}`}>
            <div className="whatif-item__head">
              <span className="whatif-item__name">{design.nodes[id]?.name ?? id}</span>
              <StateChip state={state} />
            </div>
            {state !== 'ok' && result.explanations[id] && <p className="whatif-item__why">{result.explanations[id]}</p>}
            {(availability !== undefined || latency !== undefined) && (
              <p className="whatif-item__figures">
                {availability !== undefined && <span>Availability {availability}%</span>}
                {latency !== undefined && <span>Worst-case latency {latency} ms</span>}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
