import { useSignalbox } from '../../editor/react';
import type { Design } from '../../core/model/types';
import { STATE_RANK, type SimulationResult } from '../../core/simulate/types';
import { StateChip } from './StateChip';

/** Every other node the scenario reaches, worst first, each with the chain that explains it. */
export function AffectedNodeList({ design, result }: { design: Design; result: SimulationResult }) {
  const editor = useSignalbox();
  const affected = Object.entries(result.states)
    .filter(([id, state]) => state !== 'ok' && !(id in result.entries))
    .sort(([, a], [, b]) => STATE_RANK[b] - STATE_RANK[a]);
  if (affected.length === 0) return <p className="whatif-muted">Nothing else is affected.</p>;
  return (
    <ul className="whatif-list" aria-label="Affected nodes">
      {affected.map(([id, state]) => (
        <li key={id} className="whatif-item" data-testid={`whatif-node-${id}`}>
          <div className="whatif-item__head">
            <button
              type="button"
              className="whatif-item__name whatif-link"
              onClick={() => editor.uiActions.requestFrame([id])}
              title="Show on the canvas"
            >
              {design.nodes[id]?.name ?? id}
            </button>
            <StateChip state={state} />
          </div>
          {result.explanations[id] && <p className="whatif-item__why">{result.explanations[id]}</p>}
        </li>
      ))}
    </ul>
  );
}
