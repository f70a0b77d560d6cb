import { useCallback, useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on the button. */
const CONFIRM_MS = 2000;

/** Copy text with the async clipboard API and say so on the button for two seconds. */
export function useCopyText(): { state: CopyState; copy: (text: string) => Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // An http page or a denied permission: the editor's own Ctrl+A, Ctrl+C still works.
      setState('failed');
    }
  }, []);
  return { state, copy };
}
