import { useCallback, useEffect, useState } from 'react';

/** copied: on the clipboard; manual: the browser refused, the text is selected for Ctrl+C. */
export type CopyStatus = 'idle' | 'copied' | 'manual';

const CONFIRM_MS = 2500;

/**
 * Copy text with the async clipboard API; where it is missing or refused (an http page, a denied
 * permission, an iframe without clipboard-write) select the visible field so the user can copy it.
 */
export function useCopy(): {
  status: CopyStatus;
  copy: (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => Promise<void>;
} {
  const [status, setStatus] = useState<CopyStatus>('idle');
  useEffect(() => {
    if (status !== 'copied') return undefined;
    const timer = setTimeout(() => setStatus('idle'), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = useCallback(async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    try {
      if (!navigator.clipboard) throw new Error('no async clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      field?.focus();
      field?.select();
      // The legacy command still works where the async API is blocked; it copies the selection.
      const copied = field !== null && document.execCommand('copy');
      setStatus(copied ? 'copied' : 'manual');
    }
  }, []);
  return { status, copy };
}
