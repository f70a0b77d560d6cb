import { useDesignStore, useSignalbox } from '../../editor/react';
import { useState } from 'react';
import { usePopover } from '../../components/usePopover';
import { MenuTrigger } from '../../components/MenuTrigger';
import type { DesignVersion } from '../../state/versions';
import { restoreVersion, startCompare } from './compareVersion';
import {
  deleteCurrentVersion,
  describeVersionStorage,
  formatSavedAt,
  listCurrentVersions,
  saveCurrentVersion,
} from './versionActions';
import './versions.css';

const ORIGIN_LABELS: Record<DesignVersion['origin'], string> = {
  saved: 'saved',
  file: 'kept on open',
  link: 'kept on open',
  import: 'kept on import',
};

/** "Versions" in the top bar: save a named version, compare the design with one, restore one. */
export function VersionsButton() {
  const editor = useSignalbox();
  const { open, setOpen, root } = usePopover();
  const [name, setName] = useState('');
  // Versions are read from storage while the popup is open; bump to re-read after an action.
  const [, setRevision] = useState(0);
  // Re-read when another design opens while the popup is up.
  useDesignStore((s) => s.designId);
  const versions = open ? listCurrentVersions(editor) : [];
  const refresh = () => setRevision((r) => r + 1);
  return (
    <div className="menu" ref={root}>
      <MenuTrigger label="Versions" open={open} popup="dialog" onToggle={() => setOpen(!open)} />
      {open && (
        <div className="menu__popup versions" role="dialog" aria-label="Versions">
          <form
            className="versions__save"
            onSubmit={(e) => {
              e.preventDefault();
              if (saveCurrentVersion(editor, name)) setName('');
              refresh();
            }}
          >
            <input
              className="field__input versions__name"
              aria-label="Version name"
              placeholder="Name this version (optional)"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              Save version
            </button>
          </form>
          {versions.length === 0 ? (
            <p className="versions__empty">No versions yet. Save one before a change, then compare with it.</p>
          ) : (
            <ul className="versions__list" aria-label="Saved versions">
              {versions.map((version) => (
                <li key={version.id} className="versions__item">
                  <span className="versions__text">
                    <span className="versions__item-name" title={version.name}>
                      {version.name}
                    </span>
                    <span className="versions__meta">
                      {formatSavedAt(version.savedAt)} · {ORIGIN_LABELS[version.origin]}
                    </span>
                  </span>
                  <span className="versions__actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={`Compare with ${version.name}`}
                      onClick={() => {
                        startCompare(editor, version);
                        setOpen(false);
                      }}
                    >
                      Compare
                    </button>
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={`Restore ${version.name}`}
                      onClick={() => {
                        restoreVersion(editor, version);
                        setOpen(false);
                      }}
                    >
                      Restore
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--icon"
                      aria-label={`Delete version ${version.name}`}
                      title="Delete this version"
                      onClick={() => {
                        deleteCurrentVersion(editor, version.id);
                        refresh();
                      }}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="versions__note">
            Kept with the design in this browser; versions use {describeVersionStorage()} of its storage.
          </p>
        </div>
      )}
    </div>
  );
}
