import { useDesignStore, useSignalbox, useWhatIfStore } from '../../editor/react';
import { useId } from 'react';
import { getEntryPoints } from '../../core/simulate/simulate';
import { selectDesign } from '../../state/designStore';
import { AffectedNodeList } from './AffectedNodeList';
import { BlastRadiusTable } from './BlastRadiusTable';
import { DownNodePicker } from './DownNodePicker';
import { EntryPointList } from './EntryPointList';
import { WhatIfLegend } from './WhatIfLegend';
import { useBlastRadius } from './useBlastRadius';
import { useScenarioResult } from './useScenarioResult';
import './whatIf.css';

/** The What if tab: take nodes down, see how the system degrades, and rank nodes by blast radius. */
export function WhatIfPanel() {
  const editor = useSignalbox();
  const { whatIfMode } = editor;
  const design = useDesignStore(selectDesign);
  const active = useWhatIfStore((s) => s.active);
  const down = useWhatIfStore((s) => s.down);
  const states = useWhatIfStore((s) => s.states);
  const result = useScenarioResult();
  const blast = useBlastRadius(design);
  const ids = { entries: useId(), affected: useId(), blast: useId() };

  const downNames = down.map((id) => design.nodes[id]?.name ?? id);
  return (
    <div className="whatif" data-testid="whatif-panel">
      <header className="whatif__header">
        <h2 className="whatif__title">What if it goes down?</h2>
        <p className="whatif-muted">
          Take services, brokers or databases down and see how the system degrades. A view only: the design does not change.
        </p>
        {active ? (
          <div className="whatif__actions">
            <p className="whatif__status" role="status">
              {down.length === 0 ? 'Nothing is down yet.' : `Down: ${downNames.join(', ')}`}
            </p>
            <button type="button" className="button" onClick={whatIfMode.reset} disabled={down.length === 0}>
              Reset
            </button>
            <button type="button" className="button" onClick={whatIfMode.leave}>
              Leave what-if
            </button>
          </div>
        ) : (
          <div className="whatif__actions">
            <button type="button" className="button button--primary" onClick={() => whatIfMode.enter()}>
              Start what-if
            </button>
          </div>
        )}
      </header>

      {active && (
        <>
          <p className="whatif__hint">Click nodes on the canvas to take them down or bring them back, or tick them here.</p>
          <WhatIfLegend />
          <DownNodePicker design={design} down={down} states={states} />
          {result && (
            <>
              <section className="whatif__section" aria-labelledby={ids.entries}>
                <h3 id={ids.entries} className="whatif__heading">
                  Entry points
                </h3>
                <EntryPointList design={design} result={result} />
              </section>
              <section className="whatif__section" aria-labelledby={ids.affected}>
                <h3 id={ids.affected} className="whatif__heading">
                  Affected nodes
                </h3>
                <AffectedNodeList design={design} result={result} />
              </section>
            </>
          )}
        </>
      )}

      <section className="whatif__section" aria-labelledby={ids.blast}>
        <h3 id={ids.blast} className="whatif__heading">
          Blast radius
        </h3>
        <p className="whatif-muted">
          Each node down on its own, ranked by the entry points it fails, then degrades. Pick one to explore it.
        </p>
        {blast.rows ? (
          <BlastRadiusTable rows={blast.rows} entryCount={getEntryPoints(design).length} />
        ) : (
          <button type="button" className="button" onClick={blast.compute} disabled={blast.computing}>
            {blast.computing ? 'Computing…' : `Compute for ${Object.keys(design.nodes).length} nodes`}
          </button>
        )}
      </section>
    </div>
  );
}
