import { useDesignStore, useSignalbox } from '../../editor/react';
import { useCallback, useState } from 'react';
import { usePopover } from '../../components/usePopover';
import { MenuTrigger } from '../../components/MenuTrigger';
import type { DeletedDesign } from '../../state/repository';
import { DesignLibraryItem } from './DesignLibraryItem';
import { LibraryUndoToast } from './LibraryUndoToast';
import './library.css';

/** "Designs" in the top bar: every design kept in this browser, the open one marked. */
export function DesignLibraryButton() {
  const { open, setOpen, root } = usePopover();
  // The list is read from storage on each render of the open popup; bump to re-read after an action.
  const [, setRevision] = useState(0);
  const editor = useSignalbox();
  const { library } = editor;
  const [deleted, setDeleted] = useState<(DeletedDesign & { wasOpen: boolean }) | null>(null);
  const currentId = useDesignStore((s) => s.designId);
  const currentName = useDesignStore((s) => s.design.name);
  const refresh = () => setRevision((r) => r + 1);
  const dismissToast = useCallback(() => setDeleted(null), []);

  const now = Date.now();
  const designs = open ? library.list() : [];
  const tell = (result: { ok: boolean; error?: string }) => {
    if (!result.ok && result.error) editor.design.getState().setNotice(result.error);
  };
  return (
    <div className="menu" ref={root}>
      <MenuTrigger label="Designs" open={open} popup="dialog" onToggle={() => setOpen(!open)} />
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
                    if (library.open(entry.id).ok) setOpen(false);
                  }}
                  onRename={(name) => {
                    tell(library.rename(entry.id, name));
                    refresh();
                  }}
                  onDuplicate={() => {
                    tell(library.duplicate(entry.id));
                    refresh();
                  }}
                  onDelete={() => {
                    const result = library.remove(entry.id);
                    tell(result);
                    setDeleted(result.ok ? result.deleted : null);
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
              library.create();
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
            tell(library.restore(deleted));
            setDeleted(null);
            refresh();
          }}
          onDismiss={dismissToast}
        />
      )}
    </div>
  );
}
