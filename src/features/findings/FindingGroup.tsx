import { useId, useState } from 'react';
import type { Finding, Severity } from '../../core/model/types';
import { FindingItem } from './FindingItem';
import { SEVERITY_LABEL } from './severity';
import type { ElementNames } from './useElementNames';

interface FindingGroupProps {
  severity: Severity;
  /** Entries keep their index in the full list: a stable key and the "active" marker. */
  entries: { finding: Finding; index: number }[];
  names: ElementNames;
  activeIndex: number | null;
  onShow: (finding: Finding, index: number) => void;
}

/** Cards rendered at first: a 1,000-service design can have thousands of findings. */
const PAGE = 100;

/** One severity's findings under a heading, rendered a page at a time. */
export function FindingGroup({ severity, entries, names, activeIndex, onShow }: FindingGroupProps) {
  const headingId = useId();
  const [limit, setLimit] = useState(PAGE);
  const visible = entries.slice(0, limit);
  return (
    <section className={`findings-group findings-group--${severity}`} aria-labelledby={headingId}>
      <h3 className="findings-group__heading" id={headingId}>
        <span className="findings-dot" aria-hidden="true" />
        {SEVERITY_LABEL[severity].heading}
        <span className="findings-group__count">{entries.length}</span>
      </h3>
      <ul className="findings-group__list" aria-labelledby={headingId}>
        {visible.map(({ finding, index }) => (
          <FindingItem
            key={`${index}:${finding.rule}`}
            finding={finding}
            index={index}
            names={names}
            active={activeIndex === index}
            onShow={onShow}
          />
        ))}
      </ul>
      {entries.length > limit && (
        <button type="button" className="findings-group__more" onClick={() => setLimit((l) => l + PAGE * 5)}>
          Show {Math.min(PAGE * 5, entries.length - limit)} more of {entries.length - limit}
        </button>
      )}
    </section>
  );
}
