import { useDesignStore } from '../editor/react';
import { useEffect, useState } from 'react';

const SHOW_MS = 4000;

/** The store's last notice ("a link order->payment already exists"), for a few seconds. */
export function Toast() {
  const notice = useDesignStore((s) => s.notice);
  const [hiddenAt, setHiddenAt] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setHiddenAt(notice.at), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const visible = notice !== null && hiddenAt !== notice.at;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {visible && (
        <div className="toast" data-testid="toast">
          {notice.text}
          <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => setHiddenAt(notice.at)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
