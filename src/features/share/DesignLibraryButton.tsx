import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesignStore } from '../../state/designStore';
import {
  createLibraryDesign,
  deleteLibraryDesign,
  duplicateLibraryDesign,
  listDesigns,
  openLibraryDesign,
  renameLibraryDesign,
  undoDeleteLibraryDesign,
  type DeletedDesign,
} from './designLibrary';
import { DesignLibraryItem } from './DesignLibraryItem';
import { LibraryUndoToast } from './LibraryUndoToast';
import './share.css';

/** "Designs" in the top bar: every design kept in this browser, the open one marked. */
export function DesignLibraryButton() {
  const [open, setOpen] = useState(false);
  // The list is read from storage on each render of the open popup; bump to re-read after an action.
  const [, setRevision] = useState(0);
  const [deleted, setDeleted] = useState<DeletedDesign | null>(null);
  const currentId = useDesignStore((s) => s.designId);
  const currentName = useDesignStore((s) => s.design.name);
  const root = useRef<HTMLDivElement>(null);
  const refresh = () => setRevision((r) => r + 1);
  const dismissToast = useCallback(() => setDeleted(null), []);

  useEffect(() => {
    if (!open) return undefined;
    const close = (e: PointerEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const now = Date.now();
  const designs = open ? listDesigns() : [];
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="button button--ghost"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Designs
        <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div className="menu__popup library" role="dialog" aria-label="Designs">
          <ul className="library__list" aria-label="Your designs">
            {designs.map((entry) => {
              const current = entry.id === currentId;
              // The open design's name is live; the stored one catches up on the next autosave.
              const shown = current ? { ...entry, name: currentName } : entry;
              return (
                <DesignLibraryItem
                  key={entry.id}
                  entry={shown}
                  current={current}
                  now={now}
                  onOpen={() => {
                    if (openLibraryDesign(entry.id)) setOpen(false);
                  }}
                  onRename={(name) => {
                    renameLibraryDesign(entry.id, name);
                    refresh();
                  }}
                  onDuplicate={() => {
                    duplicateLibraryDesign(entry.id);
                    refresh();
                  }}
                  onDelete={() => {
                    setDeleted(deleteLibraryDesign(entry.id) ?? null);
                    refresh();
                  }}
                />
              );
            })}
          </ul>
          <p className="library__note">Kept in this browser only. Share a link or save the file to keep a copy elsewhere.</p>
          <button
            type="button"
            className="button library__new"
            onClick={() => {
              createLibraryDesign();
              setOpen(false);
            }}
          >
            New design
          </button>
        </div>
      )}
      {deleted && (
        <LibraryUndoToast
          key={deleted.entry.id}
          name={deleted.entry.name}
          onUndo={() => {
            undoDeleteLibraryDesign(deleted);
            setDeleted(null);
            refresh();
          }}
          onDismiss={dismissToast}
        />
      )}
    </div>
  );
}
