import { useDesignStore } from '../editor/react';
import { selectCanRedo, selectCanUndo } from '../state/designStore';
import { useSignalbox } from '../editor/react';

const ACTIONS = {
  undo: { label: 'Undo', canRun: selectCanUndo, arrow: 'M8 5 4 9l4 4M4.5 9H12a4 4 0 0 1 0 8h-2' },
  redo: { label: 'Redo', canRun: selectCanRedo, arrow: 'm12 5 4 4-4 4m3.5-4H8a4 4 0 0 0 0 8h2' },
} as const;

/** The top bar's Undo or Redo: an arrow icon, disabled while there is no step to take. */
export function HistoryButton({ action, shortcut }: { action: keyof typeof ACTIONS; shortcut: string }) {
  const editor = useSignalbox();
  const { label, canRun, arrow } = ACTIONS[action];
  const enabled = useDesignStore(canRun);
  return (
    <button
      type="button"
      className="button button--icon"
      onClick={() => editor.design.getState()[action]()}
      disabled={!enabled}
      title={`${label} (${shortcut})`}
      aria-label={label}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path d={arrow} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
