import { useSignalbox } from '../../editor/react';
import { useState, type CSSProperties } from 'react';
import type { BlastRadiusRow } from '../../core/simulate/types';
import { STATE_INFO } from './stateInfo';

/** The top of the ranking answers the review question; the rest is one click away. */
const FIRST_ROWS = 12;

interface BlastRadiusTableProps {
  rows: BlastRadiusRow[];
  entryCount: number;
}

/** Every node down in turn, ranked by the entry points it fails, then degrades; a row opens that scenario. */
export function BlastRadiusTable({ rows, entryCount }: BlastRadiusTableProps) {
  const editor = useSignalbox();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const total = Math.max(entryCount, 1);
  if (rows.length === 0) return <p className="whatif-muted">Add nodes to see what each one takes down with it.</p>;
  return (
    <>
      <table className="whatif-blast" aria-label="Blast radius">
        <thead>
          <tr>
            <th scope="col">Node down</th>
            <th scope="col">
              Entry points <span className="whatif-muted">of {entryCount}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const bar = {
              '--failed': `${(row.failed / total) * 100}%`,
              '--degraded': `${(row.degraded / total) * 100}%`,
              '--failed-color': STATE_INFO.failed.color,
              '--degraded-color': STATE_INFO.degraded.color,
            } as CSSProperties;
            const summary = [row.failed > 0 && `${row.failed} failed`, row.degraded > 0 && `${row.degraded} degraded`]
              .filter(Boolean)
              .join(', ');
            return (
              <tr key={row.node} data-testid={`blast-row-${row.node}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="whatif-link"
                    onClick={() => editor.whatIfMode.enter([row.node])}
                    title={`What if ${row.name} is down?`}
                  >
                    {row.name}
                  </button>
                </th>
                <td>
                  <span className="whatif-blast__cell">
                    <span className="whatif-blast__bar" style={bar} aria-hidden="true">
                      <span className="whatif-blast__failed" />
                      <span className="whatif-blast__degraded" />
                    </span>
                    <span className="whatif-blast__count">{summary || 'none'}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="button button--ghost" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show the top rows' : `Show all ${rows.length}`}
        </button>
      )}
    </>
  );
}
