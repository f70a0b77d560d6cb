import { designStore, selectCanRedo, selectCanUndo, useDesignStore } from '../state/designStore';
import { uiStore, useUiStore } from '../state/overlayStores';
import { ShareButton } from '../features/share/ShareButton';

export function TopBar() {
  const name = useDesignStore((s) => s.design.name);
  const canUndo = useDesignStore(selectCanUndo);
  const canRedo = useDesignStore(selectCanRedo);
  const codeOpen = useUiStore((s) => s.codeOpen);
  return (
    <header className="topbar">
      <div className="topbar__brand">Signalbox</div>
      <input
        className="topbar__name"
        aria-label="Design name"
        value={name}
        onChange={(e) => {
          const { design, replaceDesign } = designStore.getState();
          replaceDesign({ ...design, name: e.target.value }, 'design-name');
        }}
      />
      <div className="topbar__actions">
        <button onClick={() => designStore.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button onClick={() => designStore.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button aria-pressed={codeOpen} onClick={() => uiStore.setState({ codeOpen: !codeOpen })}>
          Code
        </button>
        <ShareButton />
      </div>
    </header>
  );
}
