import { designStore } from '../../state/designStore';
import { newDesignId, saveDesign } from '../../state/library';
import { deleteVersion, listVersions, measureStorage, saveVersion, type DesignVersion } from '../../state/versions';

/** The open design's library id; a design not yet autosaved is saved first, so its versions have an owner. */
function currentDesignId(): string {
  const state = designStore.getState();
  if (state.designId) return state.designId;
  const id = newDesignId();
  designStore.setState({ designId: id });
  const error = saveDesign(id, state.design);
  if (error) state.setNotice(error);
  return id;
}

export function listCurrentVersions(): DesignVersion[] {
  const { designId } = designStore.getState();
  return designId ? listVersions(designId) : [];
}

/** Save version: the design as it is now, under the name typed (or the time). */
export function saveCurrentVersion(name: string): DesignVersion | undefined {
  const { design, setNotice } = designStore.getState();
  const label = name.trim() || `Version of ${new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
  const { version, error } = saveVersion(currentDesignId(), design, label);
  if (error) setNotice(error);
  else setNotice(`Saved version "${label}"`);
  return version;
}

export function deleteCurrentVersion(versionId: string): void {
  const { designId, setNotice } = designStore.getState();
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
