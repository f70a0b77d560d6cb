/**
 * Opening a share link: at boot, from `location.hash`. Every path ends in exactly one of three
 * places: the user's own design (nothing opened), a NEW library entry (edit link), or a read-only
 * view that touches no library entry (view link) until the viewer asks for a copy.
 */
import type { Design, Issue } from '../../core/model/types';
import { decodeShareFragment, isShareFragment, type ShareError, type ShareMode } from '../../core/share/codec';
import { decryptShareFragment } from '../../core/share/protect';
import { designStore } from '../../state/designStore';
import { openNewDesign } from '../../state/openNewDesign';
import { keepIncomingVersion } from '../../state/versions';
import { uiStore } from '../../state/overlayStores';
import { shareLinkStore } from './shareLinkStore';
import { setView } from '../../state/viewStore';
import { splitViewLinkOptions } from '../../core/views/viewLink';
import { badgeStore } from '../../state/badgeVisibility';
import { withExplicitCollapsed, type ViewSpec } from '../../core/views/view';

/** What the app does when no link decides otherwise; injected so this feature does not import app/. */
export interface BootSteps {
  /** Open the autosaved current design (or the first-visit template). */
  bootDesign: () => void;
  /** Save every change to the current library entry. */
  startAutosave: () => unknown;
}

let steps: BootSteps | null = null;
let autosaving = false;

function startAutosaveOnce(): void {
  if (!steps || autosaving) return;
  autosaving = true;
  steps.startAutosave();
}

function openUsersDesign(): void {
  steps?.bootDesign();
  startAutosaveOnce();
}

/** Drop the fragment without a navigation, so a reload does not import the link a second time. */
function clearHash(): void {
  if (!location.hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * Boot the app from its address: a share link in the hash opens (or is refused with its reason),
 * otherwise the user's own design. Autosave starts only once an editable design is open: a view
 * link must not write a viewer's library, and a pending passphrase must not save an empty canvas.
 * Returns true when the link decides what opens (a design, or a passphrase prompt).
 */
export function bootFromLocation(boot: BootSteps): boolean {
  steps = boot;
  // A link pasted into the address bar of an open tab: reload, so it goes through this same path
  // (autosave flushes on pagehide, so nothing typed is lost).
  window.addEventListener('hashchange', () => {
    if (isShareFragment(location.hash)) location.reload();
  });
  if (!isShareFragment(location.hash)) {
    openUsersDesign();
    return false;
  }
  const { fragment, viewName, badgesHidden } = splitViewLinkOptions(location.hash.slice(1));
  const result = decodeShareFragment(fragment);
  if (result.ok) {
    openSharedDesign(result.design, result.mode, result.warnings);
    // The sender shared the picture without badges: the reader sees it so (the button shows them).
    if (badgesHidden) badgeStore.setState({ hidden: true });
    if (result.mode === 'view') openNamedView(result.design, viewName);
    return true;
  }
  clearHash();
  if (result.error.code === 'needs-passphrase') {
    shareLinkStore.setState({ passphraseFor: fragment });
    return true;
  }
  refuse(result.error);
  return false;
}

/** A view link that names one of the design's views opens on it (an unknown name is ignored). */
function openNamedView(design: Design, viewName: string | null): void {
  const saved = viewName ? design.views?.[viewName] : undefined;
  if (viewName && saved) setView(withExplicitCollapsed(design, saved as ViewSpec), viewName);
}

function refuse(error: ShareError): void {
  openUsersDesign();
  shareLinkStore.setState({ linkError: error });
}

function openSharedDesign(design: Design, mode: ShareMode, warnings: Issue[]): void {
  if (mode === 'view') {
    // The hash stays: reloading a view link (or an embed) shows it again and imports nothing.
    uiStore.setState({ readOnly: true });
    designStore.getState().openDesign(design, null);
    return;
  }
  clearHash();
  addToLibrary(design);
  const kept =
    warnings.length > 0 ? ` (${warnings.length} unknown field${warnings.length === 1 ? '' : 's'} kept as written)` : '';
  designStore.getState().setNotice(`Opened "${design.name}" from a link as a new design in your library${kept}`);
}

/** A new entry, never an existing id: a link must not overwrite anyone's own work. */
function addToLibrary(design: Design): void {
  // The design as the link carried it is a version: Compare shows what was changed since.
  keepIncomingVersion(openNewDesign(design), design, 'link');
  startAutosaveOnce();
}

/**
 * Try a passphrase on the pending protected link. A wrong one is returned for the dialog to show
 * (the prompt stays); any other refusal closes the prompt and is reported like a plain bad link.
 */
export async function submitPassphrase(passphrase: string): Promise<ShareError | null> {
  const fragment = shareLinkStore.getState().passphraseFor;
  if (!fragment) return null;
  const result = await decryptShareFragment(fragment, passphrase);
  if (shareLinkStore.getState().passphraseFor !== fragment) return null;
  if (!result.ok) {
    if (result.error.code === 'wrong-passphrase' || result.error.code === 'needs-passphrase') return result.error;
    shareLinkStore.setState({ passphraseFor: null });
    refuse(result.error);
    return null;
  }
  shareLinkStore.setState({ passphraseFor: null });
  openSharedDesign(result.design, result.mode, result.warnings);
  return null;
}

/** The viewer gave up on a protected link: nothing opens, their own design comes back. */
export function cancelPassphrase(): void {
  if (shareLinkStore.getState().passphraseFor === null) return;
  shareLinkStore.setState({ passphraseFor: null });
  openUsersDesign();
}

export function dismissLinkError(): void {
  shareLinkStore.setState({ linkError: null });
}

/** "Open in Signalbox" from a view link: the viewed design becomes an editable copy in the library. */
export function editViewedDesign(): void {
  clearHash();
  uiStore.setState({ readOnly: false });
  addToLibrary(designStore.getState().design);
  designStore.getState().setNotice(`"${designStore.getState().design.name}" is now in your library: edits are saved here`);
}
