import { useFindingsStore } from '../../editor/react';
import { SEVERITIES } from '../../core/model/types';
import { countLabel } from './severity';
import './findings.css';

/**
 * A small count for the Findings tab, coloured by the worst severity present, so an architect
 * sees a new error without opening the tab. Renders nothing for a clean design.
 */
export function FindingsCountBadge() {
  const summary = useFindingsStore((s) => s.summary);
  const total = summary.error + summary.warning + summary.info;
  if (total === 0) return null;
  const present = SEVERITIES.filter((s) => summary[s] > 0);
  const worst = present[0] ?? 'info';
  const label = present.map((s) => countLabel(s, summary[s])).join(', ');
  return (
    <span className={`findings-badge findings-badge--${worst}`} title={label} data-testid="findings-tab-badge">
      {total > 999 ? '999+' : total}
    </span>
  );
}
