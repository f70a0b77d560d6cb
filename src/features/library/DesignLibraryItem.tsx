import { useState } from 'react';
import type { DesignEntry } from '../../state/repository';
import { formatRelativeTime } from './relativeTime';

interface DesignLibraryItemProps {
  entry: DesignEntry;
  current: boolean;
  now: number;
  onOpen: () => void;
  onRename: (name: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** One saved design: open it by its name, rename it inline, duplicate or delete it. */
export function DesignLibraryItem({ entry, current, now, onOpen, onRename, onDuplicate, onDelete }: DesignLibraryItemProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== '') onRename(draft);
    setDraft(null);
  };
  return (
    <li className={`library-item${current ? ' library-item--current' : ''}`} aria-current={current ? 'true' : undefined}>
      {draft === null ? (
        <button
          type="button"
          className="library-item__open"
          onClick={onOpen}
          title={current ? 'The design you are editing' : `Open ${entry.name}`}
        >
          <span className="library-item__name">{entry.name}</span>
          <span className="library-item__meta">
            {current ? 'Open now · ' : ''}edited {formatRelativeTime(entry.updatedAt, now)}
          </span>
        </button>
      ) : (
        <input
          className="field__input library-item__rename"
          aria-label="New name"
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              // Escape cancels the rename only; the list stays open.
              e.stopPropagation();
              setDraft(null);
            }
          }}
        />
      )}
      <div className="library-item__actions">
        <button
          type="button"
          className="button button--icon"
          aria-label={`Rename ${entry.name}`}
          title="Rename"
          onClick={() => setDraft(entry.name)}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path
              d="m4 13.5-.5 3 3-.5 9-9-2.5-2.5-9 9Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-label={`Duplicate ${entry.name}`}
          title="Duplicate"
          onClick={onDuplicate}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <rect x="7" y="7" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path
              d="M13 4.5V4a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            />
          </svg>
        </button>
        <button
          type="button"
          className="button button--icon button--danger"
          aria-label={`Delete ${entry.name}`}
          title="Delete"
          onClick={onDelete}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path
              d="M4 6h12M8 6V4h4v2m-6 0 .7 10h6.6L14 6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      </div>
    </li>
  );
}
