import { useSignalbox, useStorageStatus } from '../editor/react';
import { saveFile } from './fileActions';

/**
 * Stays up while the browser refuses to keep the latest changes (storage full or blocked): a toast
 * that fades would leave the user editing work that a reload then loses.
 */
export function StorageWarning() {
  const editor = useSignalbox();
  const problem = useStorageStatus((s) => s.problem);
  const since = useStorageStatus((s) => s.since);
  if (!problem) return null;
  const time = since ? new Date(since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : undefined;
  return (
    <div className="storage-warning" role="alert">
      <p className="storage-warning__text">
        <strong>Not saved in this browser{time ? ` since ${time}` : ''}.</strong> {problem}
      </p>
      <button type="button" className="storage-warning__save" onClick={() => saveFile(editor)}>
        Save file
      </button>
    </div>
  );
}
