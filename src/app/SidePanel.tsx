import { Inspector } from '../features/inspector/Inspector';
import { FindingsPanel } from '../features/findings/FindingsPanel';
import { ExportPanel } from '../features/exports/ExportPanel';
import { WhatIfPanel } from '../features/simulate/WhatIfPanel';
import { FindingsCountBadge } from '../features/findings/FindingsCountBadge';
import { uiStore, useUiStore, type UiState } from '../state/overlayStores';

const TABS: { id: UiState['panel']; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'findings', label: 'Findings' },
  { id: 'export', label: 'Export' },
  { id: 'whatif', label: 'What if' },
];

export function SidePanel() {
  const panel = useUiStore((s) => s.panel);
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div role="tablist" className="side-panel__tabs">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls={`panel-${tab.id}`}
            className="side-panel__tab"
            onClick={() => uiStore.setState({ panel: tab.id })}
          >
            {tab.label}
            {tab.id === 'findings' && <FindingsCountBadge />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="side-panel__body">
        {panel === 'inspector' && <Inspector />}
        {panel === 'findings' && <FindingsPanel />}
        {panel === 'export' && <ExportPanel />}
        {panel === 'whatif' && <WhatIfPanel />}
      </div>
    </aside>
  );
}
