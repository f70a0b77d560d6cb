import type { Signalbox } from '../../editor/createSignalbox';
import { deleteVersion, listVersions, measureStorage, saveVersion, type DesignVersion } from '../../state/versions';

/** The open design's library id; a design not yet autosaved is saved first, so its versions have an owner. */
function currentDesignId(editor: Signalbox): string | undefined {
  const entry = editor.ensureLibraryEntry();
  if (entry?.error) editor.design.getState().setNotice(entry.error);
  return entry?.id;
}

export function listCurrentVersions(editor: Signalbox): DesignVersion[] {
  // A design just opened has its incoming version written once the page has drawn it.
  editor.flushLibraryWrites();
  const { designId } = editor.design.getState();
  return designId ? listVersions(designId) : [];
}

/** Save version: the design as it is now, under the name typed (or the time). */
export function saveCurrentVersion(editor: Signalbox, name: string): DesignVersion | undefined {
  const { design, setNotice } = editor.design.getState();
  const label = name.trim() || `Version of ${new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
  const designId = currentDesignId(editor);
  if (!designId) {
    setNotice('Versions need the design library, and there is none here');
    return undefined;
  }
  const { version, error } = saveVersion(designId, design, label);
  if (error) setNotice(error);
  else setNotice(`Saved version "${label}"`);
  return version;
}

export function deleteCurrentVersion(editor: Signalbox, versionId: string): void {
  const { designId, setNotice } = editor.design.getState();
  if (!designId) return;
  const error = deleteVersion(designId, versionId);
  if (error) setNotice(error);
}

/** "12 KB": what versions take of this browser's storage (they count toward its quota). */
export function describeVersionStorage(): string {
  const { versions } = measureStorage();
  return versions < 1024
    ? `${versions} bytes`
    : versions < 1024 * 1024
      ? `${Math.round(versions / 1024)} KB`
      : `${(versions / 1024 / 1024).toFixed(1)} MB`;
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatSavedAt(savedAt: number): string {
  return when.format(savedAt);
}
