import { readDesign } from '../core/format/read';
import type { Design } from '../core/model/types';
import type { DesignStore } from '../state/designStore';
import type { PendingEdits } from '../state/pendingEdits';
import type { DesignRepository } from '../state/repository';
import type { StorageStatusStore } from '../state/storageStatus';

/** The open design's library entry: its own, or a new one made now (a design opened without one). */
export function ensureLibraryEntry(design: DesignStore, repository: DesignRepository): { id: string; error?: string } {
  const state = design.getState();
  if (state.designId) return { id: state.designId };
  const created = repository.create(state.design, state.sourceText);
  state.adoptDesignId(created.id);
  return created;
}

/** The page events autosave listens to: the window and document in the app, none in Node. */
export interface AutosaveEvents {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export interface AutosaveOptions {
  design: DesignStore;
  storageStatus: StorageStatusStore;
  repository: DesignRepository;
  pendingEdits: PendingEdits;
  events: AutosaveEvents | null;
  now: () => number;
}

const DEBOUNCE_MS = 250;

/** What the user reads when storage refuses: no raw `setItem` text, and what to do about it. */
export const STORAGE_FULL =
  'Browser storage is full or blocked: your latest changes are kept in this tab only. Use Save file to keep them; closing or reloading this tab would lose them.';

/**
 * Save the design on every change (debounced, so a burst of typing is one write); the editor
 * flushes it when the page is hidden or closed (createSignalbox's page events), so a reload or a
 * crash loses nothing. Another tab saving the same
 * design is noticed (the `storage` event): its version is loaded, and unsaved changes here are
 * kept as a separate design rather than overwriting it.
 */
export function startAutosave({
  design: designStore,
  storageStatus: storageStatusStore,
  repository,
  pendingEdits,
  events,
  now,
}: AutosaveOptions): { stop: () => void; flush: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What this tab last wrote (the design, or another tab's text it took), so its own write echoed
   * back is not taken for another tab's. The design is kept, not its JSON: the repository
   * stringifies it to write, and a 5 MB design is not stringified twice a save for this.
   */
  let lastWritten: Design | string | undefined;
  const isLastWritten = (text: string) =>
    lastWritten !== undefined && (typeof lastWritten === 'string' ? lastWritten : JSON.stringify(lastWritten)) === text;

  const reportSave = (error: string | undefined) => {
    if (error) {
      const { since } = storageStatusStore.getState();
      storageStatusStore.setState({ problem: STORAGE_FULL, since: since ?? now() });
    } else if (storageStatusStore.getState().problem) storageStatusStore.setState({ problem: null, since: null });
  };

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = designStore.getState();
    const id = state.designId;
    lastWritten = state.design;
    if (id) return reportSave(repository.put(id, state.design));
    // A design opened without an entry (a headless editor's first design) gets one on its first save.
    reportSave(ensureLibraryEntry(designStore, repository).error);
  };

  const unsubscribe = designStore.subscribe((state, previous) => {
    if (state.sourceText !== previous.sourceText && state.designId && state.designId === previous.designId) {
      const error = repository.putSourceText(state.designId, state.sourceText);
      if (error) reportSave(error);
    }
    // Opening a design is not an edit: only a changed design is saved (keeps "edited" times honest;
    // what is opened is stored already, or written by openNewDesign once the page has drawn it, and
    // a second 5 MB stringify and setItem of an unchanged design cost the open a third of a second).
    if (state.design === previous.design || state.documentVersion !== previous.documentVersion) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });

  const onStorage = (event: StorageEvent) => {
    const state = designStore.getState();
    const id = state.designId;
    if (!id || event.key !== repository.keyOf(id) || event.newValue === null) return;
    if (isLastWritten(event.newValue) || event.newValue === JSON.stringify(state.design)) return;
    const theirs = readDesign(event.newValue, 'design.json').design;
    if (!theirs) return;
    const unsaved = timer !== undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    let notice = `"${theirs.name}" was changed in another tab; its latest version is open here now.`;
    if (unsaved) {
      // Both tabs changed it: keep this tab's changes as their own design, never drop either.
      const mine = { ...state.design, name: `${state.design.name} (this tab's version)` };
      const saved = repository.create(mine, null);
      reportSave(saved.error);
      // saveNewDesign makes the copy current; the design open here stays the current one.
      repository.setCurrent(id);
      notice = `"${theirs.name}" was changed in another tab while you edited it here: its version is open now, and your changes are kept as "${mine.name}" in Designs.`;
    }
    lastWritten = event.newValue;
    state.openDesign(theirs, id, repository.get(id)?.sourceText ?? null);
    designStore.getState().setNotice(notice);
  };

  const win = events?.window;
  win?.addEventListener('storage', onStorage as EventListener);
  return {
    stop: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      win?.removeEventListener('storage', onStorage as EventListener);
    },
    flush: () => {
      pendingEdits.flush();
      if (timer !== undefined) flush();
    },
  };
}
