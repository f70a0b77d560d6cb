import { useFindingsStore, useLintStatus, useSignalbox } from '../../editor/react';
import { useCallback, useMemo, useState } from 'react';
import { SEVERITIES, type Finding, type Severity } from '../../core/model/types';
import { FindingGroup } from './FindingGroup';
import { FindingsSummary } from './FindingsSummary';
import { useElementNames } from './useElementNames';
import './findings.css';

/**
 * The Findings tab: what the rules engine says about the design, most severe first. Linting
 * itself runs in startLiveLint (started once at boot), so badges stay current whatever tab is open.
 */
export function FindingsPanel() {
  const editor = useSignalbox();
  const findings = useFindingsStore((s) => s.findings);
  const summary = useFindingsStore((s) => s.summary);
  const pending = useFindingsStore((s) => s.pending);
  const lintError = useLintStatus((s) => s.error);
  const names = useElementNames();
  const [filter, setFilter] = useState<ReadonlySet<Severity>>(() => new Set());
  const [active, setActive] = useState<{ index: number; findings: Finding[] } | null>(null);

  const groups = useMemo(() => {
    const bySeverity: Record<Severity, { finding: Finding; index: number }[]> = { error: [], warning: [], info: [] };
    findings.forEach((finding, index) => bySeverity[finding.severity].push({ finding, index }));
    return bySeverity;
  }, [findings]);

  const toggle = useCallback(
    (severity: Severity) =>
      setFilter((current) => {
        const next = new Set(current);
        if (!next.delete(severity)) next.add(severity);
        return next;
      }),
    [],
  );

  const show = useCallback(
    (finding: Finding, index: number) => {
      setActive({ index, findings });
      editor.uiActions.showFinding(finding);
    },
    [findings, editor.uiActions],
  );

  // The highlight belongs to one lint's list: a new list (after an edit) starts with none.
  const activeIndex = active && active.findings === findings ? active.index : null;
  const total = findings.length;
  const visible = SEVERITIES.filter((s) => groups[s].length > 0 && (filter.size === 0 || filter.has(s)));

  return (
    <div className="findings" aria-busy={pending}>
      <FindingsSummary summary={summary} pending={pending} filter={filter} onToggle={toggle} />
      {lintError !== null && (
        <p className="findings-error" role="alert">
          The rules could not be checked: {lintError}. The list may be out of date.
        </p>
      )}
      {total === 0 && !pending && lintError === null && (
        <div className="findings-empty" role="note">
          <span className="findings-empty__mark" aria-hidden="true">
            ✓
          </span>
          <p className="findings-empty__text">No findings — this design follows every rule in the catalog.</p>
        </div>
      )}
      {total > 0 && visible.length === 0 && (
        <p className="findings-filtered">No findings of the selected severity. Press a chip again to show all.</p>
      )}
      {visible.map((severity) => (
        <FindingGroup
          key={severity}
          severity={severity}
          entries={groups[severity]}
          names={names}
          activeIndex={activeIndex}
          onShow={show}
        />
      ))}
    </div>
  );
}
