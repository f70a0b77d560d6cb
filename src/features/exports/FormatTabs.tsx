import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePopover } from '../../components/usePopover';
import { EXPORT_TABS, type ExportTabId } from './exportTabs';

interface FormatTabsProps {
  selected: ExportTabId;
  onSelect: (id: ExportTabId) => void;
}

export function getFormatTabId(id: ExportTabId): string {
  return `export-format-tab-${id}`;
}

export const FORMAT_BODY_ID = 'export-format-body';

/**
 * One tab per format; arrow keys, Home and End move between them (the ARIA tabs pattern). Fifteen
 * chips wrapped onto four rows in a narrow panel: they sit in one row that scrolls sideways (the
 * selected one kept in view), and "All formats" lists every format in a menu, as draw.io's
 * overflow does.
 */
export function FormatTabs({ selected, onSelect }: FormatTabsProps) {
  const listRef = useRef<HTMLDivElement | null>(null);
  const { open, setOpen, root } = usePopover();
  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLButtonElement>(`#${getFormatTabId(selected)}`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = EXPORT_TABS.findIndex((tab) => tab.id === selected);
    const last = EXPORT_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % EXPORT_TABS.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + EXPORT_TABS.length) % EXPORT_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const tab = EXPORT_TABS[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${getFormatTabId(tab.id)}`)?.focus();
  };

  return (
    <div className="export-tabs-bar">
      <div ref={listRef} role="tablist" aria-label="Export format" className="export-tabs" onKeyDown={onKeyDown}>
        {EXPORT_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={getFormatTabId(tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={FORMAT_BODY_ID}
            tabIndex={tab.id === selected ? 0 : -1}
            className="export-tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="menu export-tabs-more" ref={root}>
        <button
          type="button"
          className="export-tab export-tabs-more__button"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          All formats
        </button>
        {open && (
          <div className="menu__popup export-tabs-more__popup" role="menu" aria-label="All formats">
            {EXPORT_TABS.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="menuitemradio"
                aria-checked={tab.id === selected}
                className="menu__item"
                onClick={() => {
                  setOpen(false);
                  onSelect(tab.id);
                  listRef.current?.querySelector<HTMLButtonElement>(`#${getFormatTabId(tab.id)}`)?.focus();
                }}
              >
                <span className="menu__item-name">{tab.label}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
