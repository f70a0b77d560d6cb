/**
 * One Signalbox editor: its stores, the named actions that change a design (each answering an
 * ActionResult), and its services (live lint, what-if, autosave over the design repository),
 * with dispose(). Nothing here is a module-level singleton: two editors live side by side (and
 * in tests do). The app makes one and provides it through React context (editor/react.tsx);
 * features reach the design only through it.
 */
import type { Design, Finding } from '../core/model/types';
import { getFixTarget } from '../core/rules/fixTarget';
import type { ViewSpec } from '../core/views/view';
import { createEmptyDesign } from '../core/model/edit';
import { checkDesignName, createDesignStore, type DesignStore } from '../state/designStore';
import { createDiffOverlayStore } from '../state/diffOverlay';
import { createImportRequestStore } from '../state/importRequest';
import { createFindingsStore, createUiStore, createWhatIfStore } from '../state/overlayStores';
import { createBadgeStore, createLintStatusStore, createRenameStore, createShareLinkStore } from '../state/panelStores';
import { createPendingEdits } from '../state/pendingEdits';
import type { DesignRepository } from '../state/repository';
import { done, refusal, type ActionResult } from '../state/result';
import { createShellStore } from '../state/shellStore';
import { createStorageStatusStore } from '../state/storageStatus';
import { createViewStore, patchView } from '../state/viewStore';
import { keepIncomingVersion, type VersionOrigin } from '../state/versions';
import { ensureLibraryEntry, startAutosave, STORAGE_FULL, type AutosaveEvents } from './autosave';
import { createHeldWrites, writeNow, type AfterPaint } from './heldWrites';
import type { Linter } from './lint/linter';
import { startLiveLint } from './lint/liveLint';
import { createScenarioStore, createWhatIf } from './whatIf';

export interface SignalboxOptions {
  /** The design the editor opens with before anything else is opened; an empty one by default. */
  initialDesign?: Design;
  /** Where designs are kept (features/library over localStorage in the app). None: nothing persists. */
  repository?: DesignRepository | null;
  /** The live linter (the app's worker); by default the rules run on the calling thread. */
  createLinter?: () => Linter;
  /** What the live lint falls back to when the injected linter fails to load. */
  createFallbackLinter?: () => Linter;
  /** Start live lint at once (default true). */
  liveLint?: boolean;
  /** Save every change to the repository (default true when there is one). */
  autosave?: boolean;
  /** Page events autosave flushes on (pagehide, storage from other tabs); none in Node. */
  events?: AutosaveEvents | null;
  /** The clock: history coalescing, notices, the library's edited times. */
  now?: () => number;
  /**
   * When work that can wait for the page to draw runs: an opened design's first write to the
   * library, its incoming version, its first lint. At once by default (no page); the app waits
   * for the browser to be idle after the frame.
   */
  afterPaint?: AfterPaint;
}

/** A design that came in from outside (a file, a link, an import), kept as a version as it came. */
export interface IncomingDesign {
  origin: Exclude<VersionOrigin, 'saved'>;
  detail?: string;
}

export type Signalbox = ReturnType<typeof createSignalbox>;

export function createSignalbox(options: SignalboxOptions = {}) {
  const now = options.now ?? Date.now;
  const design: DesignStore = createDesignStore(options.initialDesign ?? createEmptyDesign(), { now });
  const stores = {
    design,
    findings: createFindingsStore(),
    whatIf: createWhatIfStore(),
    scenario: createScenarioStore(),
    ui: createUiStore(),
    view: createViewStore(),
    diff: createDiffOverlayStore(),
    importRequest: createImportRequestStore(),
    shell: createShellStore(),
    storageStatus: createStorageStatusStore(),
    shareLink: createShareLinkStore(),
    lintStatus: createLintStatusStore(),
    rename: createRenameStore(),
    badges: createBadgeStore(),
  };
  const afterPaint = options.afterPaint ?? writeNow;
  const held = createHeldWrites(afterPaint);
  const storedRepository = options.repository ?? null;
  // Everything that reads or writes the library (autosave, the library actions, features) goes
  // through the guard, so a held write is never overtaken.
  const repository = storedRepository ? held.guard(storedRepository) : null;
  const pendingEdits = createPendingEdits();
  const whatIf = createWhatIf(design, stores.whatIf, stores.scenario);

  const stops: (() => void)[] = [whatIf.dispose];

  // A different document starts with the whole design in view (a view link applies its view after).
  let shownDocument = design.getState().documentVersion;
  stops.push(
    design.subscribe((s) => {
      if (s.documentVersion === shownDocument) return;
      shownDocument = s.documentVersion;
      if (stores.view.getState().spec) stores.view.setState({ spec: null, name: null });
    }),
  );

  /**
   * Open a design as a NEW library entry: whatever was open stays in the library as it was. It is
   * open at once under its new id and written once the page has drawn it (a big design's write
   * is most of a second); `incoming` keeps it as a version too, as it came.
   */
  const openNewDesign = (
    next: Design,
    sourceText: string | null = null,
    incoming?: IncomingDesign,
  ): ActionResult<{ id: string | null }> => {
    // What was typed into the design open until now is saved first (autosave waits a moment).
    autosaveFlush?.();
    if (!storedRepository) {
      design.getState().openDesign(next, null, sourceText);
      return { ok: true, id: null };
    }
    const id = storedRepository.newId();
    design.getState().openDesign(next, id, sourceText);
    held.hold(() => {
      const saved = storedRepository.create(next, sourceText, id);
      const versionError = incoming ? keepIncomingVersion(id, next, incoming.origin, incoming.detail) : undefined;
      const error = saved.error ?? versionError;
      if (error) design.getState().setNotice(error);
    });
    return { ok: true, id };
  };

  /** Write the open design now if it differs from what is stored (an unchanged one keeps its time). */
  const saveOpenDesign = (): void => {
    const { design: current, designId, setNotice } = design.getState();
    if (!repository || !designId || repository.getText(designId) === JSON.stringify(current)) return;
    const error = repository.put(designId, current);
    if (error) setNotice(error);
  };

  const library = {
    list: () => repository?.list() ?? [],
    /** Open a stored design (the open one is saved first: autosave debounces). */
    open: (id: string): ActionResult => {
      if (design.getState().designId === id) return done;
      const stored = repository?.get(id);
      if (!stored) {
        const error = 'That design could not be read from browser storage';
        design.getState().setNotice(error);
        return refusal(error);
      }
      saveOpenDesign();
      design.getState().openDesign(stored.design, id, stored.sourceText);
      repository?.setCurrent(id);
      return done;
    },
    create: () => {
      saveOpenDesign();
      return openNewDesign(createEmptyDesign());
    },
    /** Rename in place; the open design is renamed through the design store (one undo step, autosaved). */
    rename: (id: string, name: string): ActionResult<{ name: string }> => {
      if (design.getState().designId === id) return design.getState().renameDesign(name);
      const checked = checkDesignName(name);
      if (!checked.ok) return checked;
      const stored = repository?.get(id);
      if (!repository || !stored) return refusal('That design could not be read from browser storage');
      if (stored.design.name === checked.name) return checked;
      const error = repository.put(id, { ...stored.design, name: checked.name });
      // Writing another entry must not make it the one the next visit opens.
      repository.setCurrent(design.getState().designId);
      return error ? refusal(error) : checked;
    },
    /** A copy next to the original ("… (copy)"); the open design stays open. */
    duplicate: (id: string): ActionResult<{ id: string }> => {
      const state = design.getState();
      const source = state.designId === id ? state.design : repository?.get(id)?.design;
      if (!repository || !source) return refusal('That design could not be read from browser storage');
      const copy = repository.create({ ...source, name: `${source.name} (copy)` });
      repository.setCurrent(state.designId);
      if (copy.error) return refusal(copy.error);
      return { ok: true, id: copy.id };
    },
    /**
     * Delete, keeping everything Undo needs (the YAML text and its comments, the versions).
     * Deleting the open design opens the most recent other one, or a new empty design.
     */
    remove: (id: string) => {
      if (!repository) return refusal('There is no design library here');
      const wasOpen = design.getState().designId === id;
      if (wasOpen) saveOpenDesign();
      const deleted = repository.remove(id);
      if (!deleted) return refusal('That design is no longer in the library');
      if (wasOpen) {
        // The most recent other design that reads (each is read and validated once).
        let reopened = false;
        for (const entry of repository.list()) {
          const stored = repository.get(entry.id);
          if (!stored) continue;
          design.getState().openDesign(stored.design, entry.id, stored.sourceText);
          repository.setCurrent(entry.id);
          reopened = true;
          break;
        }
        if (!reopened) openNewDesign(createEmptyDesign());
      }
      return { ok: true as const, deleted: { ...deleted, wasOpen } };
    },
    /** Undo of a delete: the design, its YAML text and versions back; reopened if it was open. */
    restore: (deleted: { wasOpen: boolean } & Parameters<DesignRepository['restore']>[0]): ActionResult => {
      const error = repository?.restore(deleted);
      if (error) return refusal(error);
      if (deleted.wasOpen) return library.open(deleted.entry.id);
      return done;
    },
  };

  const view = {
    set: (spec: ViewSpec | null, name: string | null = null) => stores.view.setState({ spec, name }),
    /** Change part of the current view; it is no longer the saved view it came from. */
    update: (patch: Partial<ViewSpec>) =>
      stores.view.setState({ spec: patchView(stores.view.getState().spec, patch), name: null }),
    /** Expand one collapsed group or team in place; the others stay collapsed. */
    expand: (key: string) => {
      const { spec } = stores.view.getState();
      if (!spec) return;
      // Views are applied with an explicit list (withExplicitCollapsed), so this is never "all".
      view.update({ collapsed: (spec.collapsed ?? []).filter((k) => k !== key), level: spec.level });
    },
    setSearchOpen: (searchOpen: boolean) => stores.view.setState({ searchOpen }),
  };

  const ui = {
    /**
     * Ask the canvas to fit these nodes, and both ends of these links, into view. A view request:
     * it edits nothing. Each call is a new request, so asking twice frames twice.
     */
    requestFrame: (nodes: string[], links: string[] = []) => stores.ui.setState({ frameRequest: { nodes, links } }),
    openPanel: (panel: ReturnType<typeof stores.ui.getState>['panel']) => stores.ui.setState({ panel }),
    startRename: (kind: 'node' | 'link', id: string) => stores.rename.setState({ target: { kind, id } }),
    endRename: () => stores.rename.setState({ target: null }),
    setBadgesHidden: (hidden: boolean) => stores.badges.setState({ hidden }),
    /**
     * Finding to fix (issue 10): select what a finding names and open it in the inspector, which
     * highlights the field its fix names with the suggested value. A finding whose fix is one field
     * selects that element alone (so the inspector can show it); the canvas frames every element named.
     */
    showFinding: (finding: Finding) => {
      const target = getFixTarget(finding, design.getState().design);
      const selection = target
        ? target.element.kind === 'node'
          ? { nodes: [target.element.id], links: [] }
          : { nodes: [], links: [target.element.id] }
        : { nodes: finding.nodes, links: finding.links };
      design.getState().select(selection);
      if (finding.nodes.length > 0 || finding.links.length > 0) ui.requestFrame(finding.nodes, finding.links);
      stores.ui.setState({ panel: 'inspector', focusedFinding: { finding, at: now() } });
    },
    /** Ask for the file picker (Ctrl/⌘+O): the top bar owns it and opens it. */
    requestOpenFile: () => stores.ui.setState({ openFileRequest: (stores.ui.getState().openFileRequest ?? 0) + 1 }),
    /** Files someone asked to import (the Import button, a drop on the canvas). */
    requestImport: (files: readonly File[]) => {
      if (files.length > 0) stores.importRequest.setState({ files: [...files] });
    },
  };

  if (options.liveLint !== false)
    stops.push(
      startLiveLint({
        designStore: design,
        findingsStore: stores.findings,
        lintStatusStore: stores.lintStatus,
        createLinter: options.createLinter,
        createFallbackLinter: options.createFallbackLinter,
        afterPaint,
      }),
    );

  let autosaveStop: (() => void) | null = null;
  let autosaveFlush: (() => void) | null = null;
  /** Start saving every change (the app waits while a share link is still being opened). */
  const startSaving = () => {
    if (autosaveStop || !repository) return;
    const autosave = startAutosave({
      design,
      storageStatus: stores.storageStatus,
      repository,
      pendingEdits,
      events: options.events ?? null,
      now,
    });
    autosaveStop = autosave.stop;
    autosaveFlush = autosave.flush;
  };
  if (repository && options.autosave !== false) startSaving();

  /** Push held-back typing into the design and save now, with any held library write (page hide; tests). */
  const flush = () => {
    pendingEdits.flush();
    held.flush();
    autosaveFlush?.();
  };

  // The page hidden or closed: typing held back, held library writes (a design just opened) and
  // the pending autosave are written, so a reload or a crash loses nothing. While storage refuses,
  // closing asks first (the browser shows its own question).
  const events = options.events;
  if (events) {
    const onHide = () => flush();
    const onVisibility = () => {
      if (events.document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      if (stores.storageStatus.getState().problem === null) return;
      event.preventDefault();
      event.returnValue = STORAGE_FULL;
    };
    events.window.addEventListener('pagehide', onHide);
    events.window.addEventListener('beforeunload', onBeforeUnload as EventListener);
    events.document.addEventListener('visibilitychange', onVisibility);
    stops.push(() => {
      events.window.removeEventListener('pagehide', onHide);
      events.window.removeEventListener('beforeunload', onBeforeUnload as EventListener);
      events.document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  return {
    ...stores,
    repository,
    library,
    openNewDesign,
    /** What-if mode (a view: the design is locked while it is on). */
    whatIfMode: whatIf,
    viewActions: view,
    uiActions: ui,
    pendingEdits,
    startAutosave: startSaving,
    /** The open design's library entry, made now if it has none (versions need an owner); none without a repository. */
    ensureLibraryEntry: () => (repository ? ensureLibraryEntry(design, repository) : undefined),
    flush,
    /** Write what the library holds back now (what reads storage beside the repository, such as versions). */
    flushLibraryWrites: held.flush,
    dispose: () => {
      held.flush();
      for (const stop of stops) stop();
      autosaveStop?.();
      autosaveStop = null;
      autosaveFlush = null;
    },
  };
}
