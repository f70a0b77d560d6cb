import { useDesignStore, useFindingsStore, useSignalbox } from '../../editor/react';
import { useState } from 'react';
import { editViewedDesign } from './openShareLink';

/**
 * The only chrome of a view link: the design's name, fit-to-view, the findings on demand, and a
 * way to get an editable copy. Floats over the canvas so the design keeps the whole window.
 */
export function ViewModeBar() {
  const editor = useSignalbox();
  const requestFrame = editor.uiActions.requestFrame;
  const name = useDesignStore((s) => s.design.name);
  const findings = useFindingsStore((s) => s.findings);
  const [showFindings, setShowFindings] = useState(false);
  return (
    <div className="view-bar" role="region" aria-label="View only">
      <div className="view-bar__row">
        <span className="view-bar__name" data-testid="view-design-name">
          {name}
        </span>
        <span className="view-bar__tag">View only</span>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => requestFrame(Object.keys(editor.design.getState().design.nodes))}
        >
          Fit to view
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={showFindings}
          aria-controls="view-findings"
          onClick={() => setShowFindings(!showFindings)}
        >
          Findings{' '}
          <span className="view-bar__count" data-testid="view-findings-count">
            {findings.length}
          </span>
        </button>
        <button type="button" className="button button--primary" onClick={() => editViewedDesign(editor)}>
          Open in Signalbox
        </button>
      </div>
      {showFindings && (
        <div id="view-findings" className="view-bar__findings">
          {findings.length === 0 ? (
            <p className="view-bar__empty">No findings: the rules found nothing to flag.</p>
          ) : (
            <ul className="view-bar__list" aria-label="Findings">
              {findings.map((f, i) => (
                <li key={`${f.rule}:${i}`}>
                  <button
                    type="button"
                    className={`view-finding view-finding--${f.severity}`}
                    onClick={() => requestFrame(f.nodes, f.links)}
                  >
                    <span className="view-finding__severity">{f.severity}</span>
                    <span className="view-finding__message">{f.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
