import { useRef, type KeyboardEvent } from 'react';
import { EXPORT_TABS, type ExportTabId } from './exportTabs';

interface FormatTabsProps {
  selected: ExportTabId;
  onSelect: (id: ExportTabId) => void;
}

export function getFormatTabId(id: ExportTabId): string {
  return `export-format-tab-${id}`;
}

export const FORMAT_BODY_ID = 'export-format-body';

/** One tab per format; arrow keys, Home and End move between them (the ARIA tabs pattern). */
export function FormatTabs({ selected, onSelect }: FormatTabsProps) {
  const listRef = useRef<HTMLDivElement | null>(null);

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
  );
}
