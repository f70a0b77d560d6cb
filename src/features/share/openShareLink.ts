/**
 * Opening a share link: at boot, from `location.hash`. Every path ends in exactly one of three
 * places: the user's own design (nothing opened), a NEW library entry (edit link), or a read-only
 * view that touches no library entry (view link) until the viewer asks for a copy.
 */
import type { Design, Issue } from '../../core/model/types';
import { decodeShareFragment, isShareFragment, type ShareError, type ShareMode } from '../../core/share/codec';
import { decryptShareFragment } from '../../core/share/protect';
import type { Signalbox } from '../../editor/createSignalbox';
import { keepIncomingVersion } from '../../state/versions';
import { splitViewLinkOptions } from '../../core/views/viewLink';
import { withExplicitCollapsed, type ViewSpec } from '../../core/views/view';

/** What the app does when no link decides otherwise; injected so this feature does not import app/. */
export interface BootSteps {
  /** Open the autosaved current design (or the first-visit template). */
  bootDesign: () => void;
}

/** Each editor's boot steps, for the paths that end on the user's own design after boot. */
const bootSteps = new WeakMap<Signalbox, BootSteps>();

function openUsersDesign(editor: Signalbox): void {
  bootSteps.get(editor)?.bootDesign();
  editor.startAutosave();
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
export function bootFromLocation(editor: Signalbox, boot: BootSteps): boolean {
  bootSteps.set(editor, boot);
  // A link pasted into the address bar of an open tab: reload, so it goes through this same path
  // (autosave flushes on pagehide, so nothing typed is lost).
  window.addEventListener('hashchange', () => {
    if (isShareFragment(location.hash)) location.reload();
  });
  if (!isShareFragment(location.hash)) {
    openUsersDesign(editor);
    return false;
  }
  const { fragment, viewName, badgesHidden } = splitViewLinkOptions(location.hash.slice(1));
  const result = decodeShareFragment(fragment);
  if (result.ok) {
    openSharedDesign(editor, result.design, result.mode, result.warnings);
    // The sender shared the picture without badges: the reader sees it so (the button shows them).
    if (badgesHidden) editor.uiActions.setBadgesHidden(true);
    if (result.mode === 'view') openNamedView(editor, result.design, viewName);
    return true;
  }
  clearHash();
  if (result.error.code === 'needs-passphrase') {
    editor.shareLink.setState({ passphraseFor: fragment });
    return true;
  }
  refuse(editor, result.error);
  return false;
}

/** A view link that names one of the design's views opens on it (an unknown name is ignored). */
function openNamedView(editor: Signalbox, design: Design, viewName: string | null): void {
  const saved = viewName ? design.views?.[viewName] : undefined;
  if (viewName && saved) editor.viewActions.set(withExplicitCollapsed(design, saved as ViewSpec), viewName);
}

function refuse(editor: Signalbox, error: ShareError): void {
  openUsersDesign(editor);
  editor.shareLink.setState({ linkError: error });
}

function openSharedDesign(editor: Signalbox, design: Design, mode: ShareMode, warnings: Issue[]): void {
  if (mode === 'view') {
    // The hash stays: reloading a view link (or an embed) shows it again and imports nothing.
    editor.ui.setState({ readOnly: true });
    editor.design.getState().openDesign(design, null);
    return;
  }
  clearHash();
  addToLibrary(editor, design);
  const kept =
    warnings.length > 0 ? ` (${warnings.length} unknown field${warnings.length === 1 ? '' : 's'} kept as written)` : '';
  editor.design.getState().setNotice(`Opened "${design.name}" from a link as a new design in your library${kept}`);
}

/** A new entry, never an existing id: a link must not overwrite anyone's own work. */
function addToLibrary(editor: Signalbox, design: Design): void {
  const opened = editor.openNewDesign(design);
  // The design as the link carried it is a version: Compare shows what was changed since.
  if (opened.ok && opened.id) keepIncomingVersion(opened.id, design, 'link');
  editor.startAutosave();
}

/**
 * Try a passphrase on the pending protected link. A wrong one is returned for the dialog to show
 * (the prompt stays); any other refusal closes the prompt and is reported like a plain bad link.
 */
export async function submitPassphrase(editor: Signalbox, passphrase: string): Promise<ShareError | null> {
  const shareLinkStore = editor.shareLink;
  const fragment = shareLinkStore.getState().passphraseFor;
  if (!fragment) return null;
  const result = await decryptShareFragment(fragment, passphrase);
  if (shareLinkStore.getState().passphraseFor !== fragment) return null;
  if (!result.ok) {
    if (result.error.code === 'wrong-passphrase' || result.error.code === 'needs-passphrase') return result.error;
    shareLinkStore.setState({ passphraseFor: null });
    refuse(editor, result.error);
    return null;
  }
  shareLinkStore.setState({ passphraseFor: null });
  openSharedDesign(editor, result.design, result.mode, result.warnings);
  return null;
}

/** The viewer gave up on a protected link: nothing opens, their own design comes back. */
export function cancelPassphrase(editor: Signalbox): void {
  if (editor.shareLink.getState().passphraseFor === null) return;
  editor.shareLink.setState({ passphraseFor: null });
  openUsersDesign(editor);
}

export function dismissLinkError(editor: Signalbox): void {
  editor.shareLink.setState({ linkError: null });
}

/** "Open in Signalbox" from a view link: the viewed design becomes an editable copy in the library. */
export function editViewedDesign(editor: Signalbox): void {
  clearHash();
  editor.ui.setState({ readOnly: false });
  addToLibrary(editor, editor.design.getState().design);
  editor.design.getState().setNotice(`"${editor.design.getState().design.name}" is now in your library: edits are saved here`);
}
