import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ShareError } from '../../core/share/codec';

/** An opened link's transient state: a protected link waiting for its passphrase, or why a link was refused. */
export interface ShareLinkState {
  /** The `p1.` fragment the passphrase dialog is asking about; null when none is pending. */
  passphraseFor: string | null;
  /** The last link that opened nothing, with the codec's own message; null when dismissed. */
  linkError: ShareError | null;
}

export const shareLinkStore = createStore<ShareLinkState>()(() => ({ passphraseFor: null, linkError: null }));

export function useShareLinkStore<T>(selector: (s: ShareLinkState) => T): T {
  return useStore(shareLinkStore, selector);
}
