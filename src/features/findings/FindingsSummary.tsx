import { SEVERITIES, type Severity } from '../../core/model/types';
import type { FindingsState } from '../../state/overlayStores';
import { countLabel, SEVERITY_LABEL } from './severity';

interface FindingsSummaryProps {
  summary: FindingsState['summary'];
  pending: boolean;
  /** Severities shown; empty means all. */
  filter: ReadonlySet<Severity>;
  onToggle: (severity: Severity) => void;
}

/** Counts per severity as toggle chips: pressing one narrows the list to it (several may be on). */
export function FindingsSummary({ summary, pending, filter, onToggle }: FindingsSummaryProps) {
  const total = summary.error + summary.warning + summary.info;
  return (
    <header className="findings-summary">
      <div className="findings-summary__title">
        <h2 className="findings-summary__heading">Findings</h2>
        <span className="findings-summary__total" data-testid="findings-total">
          {total}
        </span>
        {/* A polite live region: the count is announced when linting settles, not on every keystroke. */}
        <span className="findings-summary__status" role="status" aria-live="polite">
          {pending ? 'Checking…' : ''}
        </span>
      </div>
      <div className="findings-summary__chips" role="group" aria-label="Filter by severity">
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`findings-chip findings-chip--${severity}`}
            aria-pressed={filter.has(severity)}
            aria-label={countLabel(severity, summary[severity])}
            data-testid={`findings-count-${severity}`}
            onClick={() => onToggle(severity)}
          >
            <span className="findings-dot" aria-hidden="true" />
            <span className="findings-chip__count">{summary[severity]}</span>
            <span className="findings-chip__label">{SEVERITY_LABEL[severity].heading}</span>
          </button>
        ))}
      </div>
    </header>
  );
}
