import { useRef } from 'react';
import { designStore, useDesignStore } from '../state/designStore';
import { uiStore, useUiStore } from '../state/overlayStores';
import { ShareButton } from '../features/share/ShareButton';
import { DesignLibraryButton } from '../features/share/DesignLibraryButton';
import { VersionsButton } from '../features/versions/VersionsButton';
import { TemplatesMenu } from './TemplatesMenu';
import { autoLayout, FILE_ACCEPT, newDesign, openFile, saveFile } from './fileActions';
import { BrandMark } from './BrandMark';
import { HistoryButton } from './HistoryButton';
import { ImportButton } from '../features/import/ImportButton';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export function TopBar() {
  const name = useDesignStore((s) => s.design.name);
  const codeOpen = useUiStore((s) => s.codeOpen);
  const progress = useUiStore((s) => s.progress ?? null);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <BrandMark />
        <span className="topbar__brand-name">Signalbox</span>
      </div>
      <input
        className="topbar__name"
        aria-label="Design name"
        value={name}
        spellCheck={false}
        onChange={(e) => {
          const { design, replaceDesign } = designStore.getState();
          // An empty name is not a valid design: keep the last one until there is text.
          if (e.target.value.trim() === '') return;
          replaceDesign({ ...design, name: e.target.value }, 'design-name');
        }}
      />
      <nav className="topbar__group" aria-label="File">
        <DesignLibraryButton />
        <VersionsButton />
        <button type="button" className="button button--ghost" onClick={newDesign} title="New blank design">
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
            if (file) void openFile(file);
          }}
        />
        <button type="button" className="button button--ghost" onClick={saveFile} title={`Download as .signalbox.yaml (${MOD}S)`}>
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
          onClick={() => void autoLayout()}
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
          onClick={() => uiStore.setState({ codeOpen: !codeOpen })}
        >
          Code
        </button>
        <ShareButton />
      </div>
    </header>
  );
}
