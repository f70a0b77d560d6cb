import { useDesignStore, useUiStore } from '../editor/react';
import { useEffect, useRef, useState } from 'react';
import { useSignalbox } from '../editor/react';
import { ShareButton } from '../features/share/ShareButton';
import { DesignLibraryButton } from '../features/library/DesignLibraryButton';
import { VersionsButton } from '../features/versions/VersionsButton';
import { TemplatesMenu } from './TemplatesMenu';
import { autoLayout, FILE_ACCEPT, newDesign, openFile, saveFile } from './fileActions';
import { BrandMark } from './BrandMark';
import { HistoryButton } from './HistoryButton';
import { ImportButton } from '../features/import/ImportButton';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export function TopBar() {
  const editor = useSignalbox();
  const name = useDesignStore((s) => s.design.name);
  // While the field has focus it shows what is typed (spaces included); the design takes the trimmed name.
  const [draft, setDraft] = useState<string | null>(null);
  const codeOpen = useUiStore((s) => s.codeOpen);
  const progress = useUiStore((s) => s.progress ?? null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The Open shortcut asks through the editor; the picker is this bar's own input.
  useEffect(
    () =>
      editor.ui.subscribe((s, prev) => {
        if (s.openFileRequest !== prev.openFileRequest) fileInput.current?.click();
      }),
    [editor],
  );
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <BrandMark />
        <span className="topbar__brand-name">Signalbox</span>
      </div>
      <input
        className="topbar__name"
        aria-label="Design name"
        value={draft ?? name}
        spellCheck={false}
        onFocus={() => setDraft(name)}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          // An empty name is refused (renameDesign): the design keeps the last one until there is text.
          editor.design.getState().renameDesign(e.target.value);
        }}
      />
      <nav className="topbar__group" aria-label="File">
        <DesignLibraryButton />
        <VersionsButton />
        <button type="button" className="button button--ghost" onClick={() => newDesign(editor)} title="New blank design">
          New
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => fileInput.current?.click()}
          title={`Open a .signalbox.yaml or .json file (${MOD}O)`}
        >
          Open file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={FILE_ACCEPT}
          hidden
          data-testid="open-file-input"
          aria-label="Design file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openFile(editor, file);
          }}
        />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => saveFile(editor)}
          title={`Download as .signalbox.yaml (${MOD}S)`}
        >
          Save file
        </button>
        <ImportButton />
        <TemplatesMenu />
      </nav>
      <div className="topbar__divider" aria-hidden="true" />
      <nav className="topbar__group" aria-label="Edit">
        <HistoryButton action="undo" shortcut={`${MOD}Z`} />
        <HistoryButton action="redo" shortcut={`${MOD}Shift+Z`} />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void autoLayout(editor)}
          disabled={progress !== null}
          title="Arrange all nodes left to right"
        >
          Auto-layout
        </button>
      </nav>
      {progress && (
        <div className="topbar__progress" role="status" data-testid="progress">
          <span className="spinner" aria-hidden="true" />
          {progress}
        </div>
      )}
      <div className="topbar__actions">
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={codeOpen}
          title={`Show the design as YAML (${MOD}Shift+E)`}
          onClick={() => editor.ui.setState({ codeOpen: !codeOpen })}
        >
          Code
        </button>
        <ShareButton />
      </div>
    </header>
  );
}
