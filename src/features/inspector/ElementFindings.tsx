import { useFindingsStore, useSignalbox, useUiStore } from '../../editor/react';
import { useMemo } from 'react';
import type { Finding } from '../../core/model/types';
import { getRule } from '../../core/rules/catalog';

/** Findings listed in the inspector before "and N more" (a hub can be named by dozens). */
const MAX_SHOWN = 8;

/**
 * The selected element's own findings, at the top of its inspector: each one shows its field
 * (through showFinding, as a click in the Findings tab does), and a link leads to all findings.
 */
export function ElementFindings({ kind, id }: { kind: 'node' | 'link'; id: string }) {
  const editor = useSignalbox();
  const findings = useFindingsStore((s) => s.findings);
  const focused = useUiStore((s) => s.focusedFinding?.finding ?? null);
  const own = useMemo(
    () => findings.filter((f: Finding) => (kind === 'node' ? f.nodes.includes(id) : f.links.includes(id))),
    [findings, kind, id],
  );
  if (own.length === 0) return null;
  const shown = own.slice(0, MAX_SHOWN);
  return (
    <section className="inspector__section inspector-findings" aria-label="Findings here">
      <div className="inspector-findings__head">
        <h3 className="inspector__heading">
          Findings here <span className="inspector-findings__count">{own.length}</span>
        </h3>
        <button type="button" className="link-button" onClick={() => editor.uiActions.openPanel('findings')}>
          All findings
        </button>
      </div>
      <ul className="inspector-findings__list">
        {shown.map((finding, i) => {
          const current =
            focused !== null && focused.rule === finding.rule && focused.message === finding.message ? 'true' : undefined;
          return (
            <li key={`${i}:${finding.rule}`}>
              <button
                type="button"
                className={`inspector-finding inspector-finding--${finding.severity}`}
                aria-current={current}
                onClick={() => editor.uiActions.showFinding(finding)}
              >
                <span className="inspector-finding__rule">
                  <span className="inspector-finding__severity">{finding.severity}</span>{' '}
                  {getRule(finding.rule)?.title ?? finding.rule}
                </span>
                <span className="inspector-finding__message">{finding.message}</span>
                <span className="inspector-finding__fix">{finding.fix}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {own.length > shown.length && <p className="inspector-findings__more">and {own.length - shown.length} more</p>}
    </section>
  );
}
