import { designStore } from '../state/designStore';
import { newDesignId, saveDesign, saveSourceText } from '../state/library';

const DEBOUNCE_MS = 250;

/**
 * Save the design on every change (debounced, so a burst of typing is one write) and flush when
 * the page is hidden or closed, so a reload or a crash loses nothing.
 */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = designStore.getState();
    let id = state.designId;
    if (!id) {
      id = newDesignId();
      designStore.setState({ designId: id });
    }
    const error = saveDesign(id, state.design);
    if (error) state.setNotice(error);
  };
  const unsubscribe = designStore.subscribe((state, previous) => {
    if (state.sourceText !== previous.sourceText && state.designId && state.designId === previous.designId) {
      const error = saveSourceText(state.designId, state.sourceText);
      if (error) state.setNotice(error);
    }
    // Opening a design is not an edit: only a changed design is saved (keeps "edited" times honest).
    if (state.design === previous.design) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const onHide = () => {
    if (timer !== undefined) flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
