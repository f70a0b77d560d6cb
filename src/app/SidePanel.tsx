import { useDesignStore, useSignalbox, useUiStore } from '../editor/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Inspector } from '../features/inspector/Inspector';
import { FindingsPanel } from '../features/findings/FindingsPanel';
import { ExportPanel } from '../features/exports/ExportPanel';
import { WhatIfPanel } from '../features/simulate/WhatIfPanel';
import { FlowsPanel } from '../features/flows/FlowsPanel';
import { FindingsCountBadge } from '../features/findings/FindingsCountBadge';
import { Splitter } from '../components/Splitter';
import { usePersistedSize } from '../components/usePersistedSize';
import type { UiState } from '../state/overlayStores';
import { selectSelection } from '../state/designStore';

const TABS: { id: UiState['panel']; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'findings', label: 'Findings' },
  { id: 'flows', label: 'Flows' },
  { id: 'export', label: 'Export' },
  { id: 'whatif', label: 'What if' },
];

const MIN_WIDTH = 300;
// The canvas keeps at least this much of the window, whatever width was saved.
const getWidthBounds = () => ({ min: MIN_WIDTH, max: Math.min(900, window.innerWidth - 520) });

export function SidePanel() {
  const editor = useSignalbox();
  const panel = useUiStore((s) => s.panel);
  const editLock = useDesignStore((s) => s.editLock);
  const selection = useDesignStore(selectSelection);
  const [width, setWidth] = usePersistedSize('signalbox.sidePanelWidth', 360, getWidthBounds);
  const bodyRef = useRef<HTMLDivElement>(null);

  // Each tab opens at its top (the inspector at the name, Findings at its filters), and so does
  // the inspector for another selection; Findings keeps its place when a click there selects.
  const scrollKey = panel === 'inspector' ? `inspector:${selection.nodes.join()}|${selection.links.join()}` : panel;
  useLayoutEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
  }, [scrollKey]);

  // Selecting an element from any tab shows it in the inspector (issue 10); the Flows tab picks
  // links by selecting them, and what-if clicks take nodes down, so those two stay. Only a pure
  // selection (a click, a search): an edit that selects what it made (add, paste) keeps the tab,
  // so the findings can be watched while building.
  useEffect(
    () =>
      editor.design.subscribe((s, prev) => {
        if (s.selection === prev.selection || s.design !== prev.design) return;
        if (s.selection.nodes.length + s.selection.links.length === 0) return;
        const { panel: open } = editor.ui.getState();
        if (open === 'findings' || open === 'export') editor.uiActions.openPanel('inspector');
      }),
    [editor],
  );

  return (
    <aside className="side-panel" aria-label="Side panel" style={{ width }}>
      <Splitter
        className="side-panel__splitter"
        label="Resize side panel"
        orientation="vertical"
        value={width}
        {...getWidthBounds()}
        grow={-1}
        onChange={setWidth}
      />
      <div role="tablist" className="side-panel__tabs">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls={`panel-${tab.id}`}
            className="side-panel__tab"
            onClick={() => editor.uiActions.openPanel(tab.id)}
          >
            {tab.label}
            {tab.id === 'findings' && <FindingsCountBadge />}
          </button>
        ))}
      </div>
      <div ref={bodyRef} role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="side-panel__body">
        {panel === 'inspector' && (
          // The store refuses edits in what-if anyway; a disabled form says so before a key is typed.
          <fieldset className="side-panel__lock" disabled={editLock !== null}>
            {editLock !== null && <p className="side-panel__lock-note">{editLock}</p>}
            <Inspector />
          </fieldset>
        )}
        {panel === 'findings' && <FindingsPanel />}
        {panel === 'flows' && <FlowsPanel />}
        {panel === 'export' && <ExportPanel />}
        {panel === 'whatif' && <WhatIfPanel />}
      </div>
    </aside>
  );
}
