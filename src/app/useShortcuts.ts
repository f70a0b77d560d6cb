import { useEffect } from 'react';
import { designStore } from '../state/designStore';
import { uiStore, whatIfStore } from '../state/overlayStores';
import { leaveWhatIf, toggleWhatIf } from '../features/simulate/whatIf';
import { saveFile } from './fileActions';

/** Typing in a field or in the code editor owns its keys: Ctrl+Z there is the field's undo. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, dialog'))
    return true;
  return false;
}

const openFilePicker = () => document.querySelector<HTMLInputElement>('[data-testid="open-file-input"]')?.click();

/** The editor's keyboard shortcuts, with the conventions of Excalidraw, draw.io and VS Code. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const store = designStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const readOnly = uiStore.getState().readOnly;
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      if (mod && key === 's') return run(saveFile);
      // What-if is a view, so it works in view mode too.
      if (!mod && !e.altKey && key === 'w')
        return run(() => {
          toggleWhatIf();
          if (whatIfStore.getState().active) uiStore.setState({ panel: 'whatif' });
        });
      if (e.key === 'Escape' && whatIfStore.getState().active) return run(leaveWhatIf);
      if (mod && e.shiftKey && key === 'e') return run(() => uiStore.setState({ codeOpen: !uiStore.getState().codeOpen }));
      if (readOnly) return undefined;
      if (mod && key === 'z' && !e.shiftKey) return run(store.undo);
      if ((mod && key === 'z' && e.shiftKey) || (mod && key === 'y')) return run(store.redo);
      if (mod && key === 'o') return run(openFilePicker);
      if (mod && key === 'd') return run(store.duplicateSelection);
      if (mod && key === 'a') return run(store.selectAll);
      if (mod && key === 'c') {
        // Text selected on the page (a finding, an export) copies as text, not as nodes.
        if (window.getSelection()?.toString()) return undefined;
        return run(() => void store.copySelection());
      }
      if (mod && key === 'v') return run(() => store.paste());
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return run(store.deleteSelection);
      if (e.key === 'Escape') return run(store.clearSelection);
      return undefined;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
