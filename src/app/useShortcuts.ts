import { isTypingTarget } from '../components/isTypingTarget';
import { useEffect } from 'react';
import { useSignalbox } from '../editor/react';
import { saveFile } from './fileActions';

/**
 * Commit what is being typed before a shortcut reads the design: fields that commit on blur (a
 * rename) and the code view (which reads its text 300 ms after the last key, or on blur) take
 * their value on a blur, so the focus leaves and comes back at once, caret and all.
 */
function flushTyping(target: EventTarget | null): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !(target instanceof Element) || !isTypingTarget(target)) return;
  active.blur();
  active.focus({ preventScroll: true });
}

/** The editor's keyboard shortcuts, with the conventions of Excalidraw, draw.io and VS Code. */
export function useShortcuts(): void {
  const editor = useSignalbox();
  useEffect(() => {
    const { design: designStore, ui: uiStore, whatIf: whatIfStore, whatIfMode } = editor;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // A modal dialog owns the keyboard (its page is inert); Escape there closes the dialog.
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // The app's own commands fire wherever the focus is, as in VS Code and draw.io: no text
      // field has a meaning for Ctrl+S, Ctrl+O or Ctrl+Shift+E, while the browser's would be wrong.
      if (mod && !e.altKey && ((key === 's' && !e.shiftKey) || (key === 'o' && !e.shiftKey) || (key === 'e' && e.shiftKey))) {
        e.preventDefault();
        if (key === 'e') uiStore.setState({ codeOpen: !uiStore.getState().codeOpen });
        else if (key === 'o') {
          if (!uiStore.getState().readOnly) editor.uiActions.requestOpenFile();
        } else {
          flushTyping(e.target);
          saveFile(editor);
        }
        return;
      }
      // Everything else typed in a field or the code editor is the field's own (Ctrl+Z is its undo).
      if (isTypingTarget(e.target)) return;
      const store = designStore.getState();
      const readOnly = uiStore.getState().readOnly;
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      // What-if is a view, so it works in view mode too.
      if (!mod && !e.altKey && key === 'w')
        return run(() => {
          whatIfMode.toggle();
          if (whatIfStore.getState().active) uiStore.setState({ panel: 'whatif' });
        });
      if (e.key === 'Escape' && whatIfStore.getState().active) return run(whatIfMode.leave);
      if (readOnly) return undefined;
      if (mod && key === 'z' && !e.shiftKey) return run(store.undo);
      if ((mod && key === 'z' && e.shiftKey) || (mod && key === 'y')) return run(store.redo);
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
  }, [editor]);
}
