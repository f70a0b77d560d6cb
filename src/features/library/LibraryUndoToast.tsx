import { useEffect } from 'react';

const SHOW_MS = 10_000;

/** "Deleted X — Undo": a delete takes effect at once, and can be taken back for a while. */
export function LibraryUndoToast({ name, onUndo, onDismiss }: { name: string; onUndo: () => void; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div className="library-toast" role="status" data-testid="library-toast">
      <span>Deleted “{name}”</span>
      <button type="button" className="library-toast__undo" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
