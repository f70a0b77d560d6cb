import { useSignalbox } from '../../editor/react';
import { useRef } from 'react';
import type { ShareError } from '../../core/share/codec';
import { dismissLinkError } from './openShareLink';
import { ModalDialog } from '../../components/ModalDialog';

/** A link that opened nothing: the codec's own sentence (cut off, damaged, too new…), and reassurance. */
export function ShareLinkErrorDialog({ error }: { error: ShareError }) {
  const editor = useSignalbox();
  const dismiss = () => dismissLinkError(editor);
  const ok = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy="link-error-title" onClose={dismiss} initialFocus={ok} role="alertdialog" testId="link-error">
      <h2 id="link-error-title" className="dialog__title">
        Could not open this link
      </h2>
      <p className="share-error__message" data-testid="link-error-message">
        {error.message}
      </p>
      <p className="dialog__text">Nothing was opened or changed: your designs are as you left them.</p>
      <div className="dialog__actions">
        <button ref={ok} type="button" className="button button--primary" onClick={dismiss}>
          OK
        </button>
      </div>
    </ModalDialog>
  );
}
