/**
 * The editor in React: the app provides one editor through context, and features read its stores
 * through these hooks (each subscribing to the smallest slice it needs) and act through it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DesignState } from '../state/designStore';
import type { DiffOverlayState } from '../state/diffOverlay';
import type { ImportRequestState } from '../state/importRequest';
import type { FindingsState, UiState, WhatIfState } from '../state/overlayStores';
import type { LintStatus, ShareLinkState } from '../state/panelStores';
import type { ShellState } from '../state/shellStore';
import type { StorageStatus } from '../state/storageStatus';
import type { ViewState } from '../state/viewStore';
import type { Signalbox } from './createSignalbox';
import type { ScenarioState } from './whatIf';

const SignalboxContext = createContext<Signalbox | null>(null);

export function SignalboxProvider({ editor, children }: { editor: Signalbox; children: ReactNode }) {
  return <SignalboxContext.Provider value={editor}>{children}</SignalboxContext.Provider>;
}

/** The editor this component lives in. */
export function useSignalbox(): Signalbox {
  const editor = useContext(SignalboxContext);
  if (!editor) throw new Error('useSignalbox: no <SignalboxProvider> above this component');
  return editor;
}

export const useDesignStore = <T,>(selector: (s: DesignState) => T): T => useStore(useSignalbox().design, selector);
export const useFindingsStore = <T,>(selector: (s: FindingsState) => T): T => useStore(useSignalbox().findings, selector);
export const useWhatIfStore = <T,>(selector: (s: WhatIfState) => T): T => useStore(useSignalbox().whatIf, selector);
export const useScenarioStore = <T,>(selector: (s: ScenarioState) => T): T => useStore(useSignalbox().scenario, selector);
export const useUiStore = <T,>(selector: (s: UiState) => T): T => useStore(useSignalbox().ui, selector);
export const useViewStore = <T,>(selector: (s: ViewState) => T): T => useStore(useSignalbox().view, selector);
export const useDiffOverlayStore = <T,>(selector: (s: DiffOverlayState) => T): T => useStore(useSignalbox().diff, selector);
export const useImportRequest = <T,>(selector: (s: ImportRequestState) => T): T =>
  useStore(useSignalbox().importRequest, selector);
export const useShellStore = <T,>(selector: (s: ShellState) => T): T => useStore(useSignalbox().shell, selector);
export const useStorageStatus = <T,>(selector: (s: StorageStatus) => T): T => useStore(useSignalbox().storageStatus, selector);
export const useShareLinkStore = <T,>(selector: (s: ShareLinkState) => T): T => useStore(useSignalbox().shareLink, selector);
export const useLintStatus = <T,>(selector: (s: LintStatus) => T): T => useStore(useSignalbox().lintStatus, selector);

/** True for the one element being renamed: each card subscribes to a boolean, not the target. */
export const useIsRenaming = (kind: 'node' | 'link', id: string): boolean =>
  useStore(useSignalbox().rename, (s) => s.target?.kind === kind && s.target.id === id);

export const useBadgesHidden = (): boolean => useStore(useSignalbox().badges, (s) => s.hidden);
