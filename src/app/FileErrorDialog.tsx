import { useShellStore } from '../editor/react';
import { useRef } from 'react';
import { ModalDialog } from '../components/ModalDialog';
import { useSignalbox } from '../editor/react';

/** A file that could not be opened: each problem with its path and line:column. */
export function FileErrorDialog() {
  const editor = useSignalbox();
  const close = () => editor.shell.setState({ fileError: null });
  const error = useShellStore((s) => s.fileError);
  const ok = useRef<HTMLButtonElement>(null);
  if (!error) return null;
  return (
    <ModalDialog labelledBy="file-error-title" onClose={close} initialFocus={ok}>
      <h2 id="file-error-title" className="dialog__title">
        Could not open {error.fileName}
      </h2>
      <p className="dialog__text">
        The file has {error.issues.length} problem{error.issues.length === 1 ? '' : 's'}. Your current design is unchanged.
      </p>
      <ul className="dialog__issues" aria-label="Problems">
        {error.issues.map((issue, i) => (
          <li key={i} className="dialog__issue">
            <code className="dialog__where">
              {issue.path || '(document)'}
              {issue.line !== undefined ? ` · line ${issue.line}:${issue.column ?? 1}` : ''}
            </code>
            <span>{issue.message}</span>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button ref={ok} type="button" className="button button--primary" onClick={close}>
          OK
        </button>
      </div>
    </ModalDialog>
  );
}
