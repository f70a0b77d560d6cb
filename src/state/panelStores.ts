/**
 * Small per-editor UI states that only one feature writes but that live with the editor, so that
 * two editors never share them: a share link waiting for its passphrase, the last lint failure,
 * the element being renamed on the canvas, whether finding badges are drawn.
 */
import { createStore } from 'zustand/vanilla';
import type { ShareError } from '../core/share/codec';

/** An opened link's transient state: a protected link waiting for its passphrase, or why a link was refused. */
export interface ShareLinkState {
  /** The `p1.` fragment the passphrase dialog is asking about; null when none is pending. */
  passphraseFor: string | null;
  /** The last link that opened nothing, with the codec's own message; null when dismissed. */
  linkError: ShareError | null;
}

/**
 * Whether the last lint failed. Kept apart from the findings because only the Findings panel reads
 * it: an empty list after a failure must not read as "this design follows every rule".
 */
export interface LintStatus {
  error: string | null;
}

/** What is being renamed on the canvas right now (double-click), if anything. */
export interface RenameState {
  target: { kind: 'node' | 'link'; id: string } | null;
}

/** Whether finding badges are drawn on the canvas (and so in its PNG/SVG pictures and view links). */
export interface BadgeState {
  hidden: boolean;
}

export const createShareLinkStore = () => createStore<ShareLinkState>()(() => ({ passphraseFor: null, linkError: null }));
export const createLintStatusStore = () => createStore<LintStatus>()(() => ({ error: null }));
export const createRenameStore = () => createStore<RenameState>()(() => ({ target: null }));
export const createBadgeStore = () => createStore<BadgeState>()(() => ({ hidden: false }));
