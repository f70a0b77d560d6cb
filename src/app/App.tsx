import { useSignalbox, useUiStore } from '../editor/react';
import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { TopBar } from './TopBar';
import { SidePanel } from './SidePanel';
import { Palette } from '../features/palette/Palette';
import { Canvas } from '../features/canvas/Canvas';
import { Toast } from './Toast';
import { StorageWarning } from './StorageWarning';
import { FileErrorDialog } from './FileErrorDialog';
import { useShortcuts } from './useShortcuts';
import { ShareLayer } from '../features/share/ShareLayer';
import { ImportDialog } from '../features/import/ImportDialog';
import { acceptImport } from './importActions';
import { ViewBar } from '../features/views/ViewBar';
import { SearchDialog } from '../features/views/SearchDialog';
import { CompareOverlay } from '../features/versions/CompareOverlay';

// Monaco is large: the code view loads only when opened (issue 6).
const CodePanel = lazy(() => import('../features/code/CodePanel').then((m) => ({ default: m.CodePanel })));

export function App() {
  const editor = useSignalbox();
  const codeOpen = useUiStore((s) => s.codeOpen);
  const readOnly = useUiStore((s) => s.readOnly);
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className={`app${readOnly ? ' app--readonly' : ''}`}>
        {!readOnly && <TopBar />}
        {!readOnly && <StorageWarning />}
        <main className="workspace">
          {!readOnly && <Palette />}
          <section className="canvas-area" aria-label="Canvas">
            <Canvas />
            <ViewBar />
            {!readOnly && <CompareOverlay />}
          </section>
          {codeOpen && !readOnly && (
            <Suspense fallback={<div className="code-panel code-panel--loading">Loading editor…</div>}>
              <CodePanel />
            </Suspense>
          )}
          {!readOnly && <SidePanel />}
        </main>
        <Toast />
        <FileErrorDialog />
        <ShareLayer />
        <ImportDialog onAccept={(design, mode, files) => acceptImport(editor, design, mode, files)} />
        <SearchDialog />
      </div>
    </ReactFlowProvider>
  );
}
