import { memo, useId } from 'react';
import type { Finding } from '../../core/model/types';
import { getRule } from '../../core/rules/catalog';
import type { ElementNames } from './useElementNames';

interface FindingItemProps {
  finding: Finding;
  /** Position in the full list, handed back on click (keeps `onShow` stable for memo). */
  index: number;
  names: ElementNames;
  active: boolean;
  onShow: (finding: Finding, index: number) => void;
}

/** Elements listed on a card before "and N more": a hub finding can name hundreds. */
const MAX_ELEMENTS = 6;

/**
 * One finding as a card. The whole card is one button (select and frame on the canvas); its
 * accessible name is the rule and message, the fix is its description, so a screen reader
 * hears a short name and the fix on demand instead of one long run of text.
 */
export const FindingItem = memo(function FindingItem({ finding, index, names, active, onShow }: FindingItemProps) {
  const fixId = useId();
  const title = getRule(finding.rule)?.title;
  const elements = [...finding.nodes.map(names.node), ...finding.links.map(names.link)];
  const shown = elements.slice(0, MAX_ELEMENTS);
  return (
    <li className={`finding finding--${finding.severity}`}>
      <button
        type="button"
        className="finding__button"
        aria-label={`${finding.rule}: ${finding.message}`}
        aria-describedby={fixId}
        aria-current={active ? 'true' : undefined}
        data-testid="finding"
        data-rule={finding.rule}
        onClick={() => onShow(finding, index)}
      >
        <span className="finding__head">
          <code className="finding__rule">{finding.rule}</code>
          {title && <span className="finding__title">{title}</span>}
        </span>
        <span className="finding__message">{finding.message}</span>
        <span className="finding__fix" id={fixId}>
          <span className="finding__fix-label">How to fix</span>
          {finding.fix}
        </span>
        {shown.length > 0 && (
          <span className="finding__elements">
            {shown.map((name, i) => (
              <span key={`${i}:${name}`} className="finding__element">
                {name}
              </span>
            ))}
            {elements.length > shown.length && <span className="finding__more">and {elements.length - shown.length} more</span>}
          </span>
        )}
      </button>
    </li>
  );
});
