import { useSignalbox } from '../../editor/react';
import { useRef, useState } from 'react';
import { cancelPassphrase, submitPassphrase } from './openShareLink';
import { ModalDialog } from '../../components/ModalDialog';

/** A protected link asks for its passphrase; a wrong one says so and lets the user try again. */
export function PassphraseDialog() {
  const editor = useSignalbox();
  const cancel = () => cancelPassphrase(editor);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (passphrase === '') {
      setError('Enter the passphrase you were given with the link.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    const refused = await submitPassphrase(editor, passphrase);
    setBusy(false);
    if (refused) {
      setError(refused.message);
      input.current?.focus();
      input.current?.select();
    }
  };

  return (
    <ModalDialog labelledBy="passphrase-title" onClose={cancel} initialFocus={input} testId="passphrase-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="passphrase-title" className="dialog__title">
          This link is protected
        </h2>
        <p className="dialog__text">
          Enter the passphrase the sender gave you to open the design. Nothing opens until it is right.
        </p>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="share-passphrase">
            Passphrase
          </label>
          <input
            ref={input}
            id="share-passphrase"
            className="field__input"
            type="password"
            autoComplete="off"
            value={passphrase}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'share-passphrase-error' : undefined}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {error && (
            <p id="share-passphrase-error" className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog__actions share-actions">
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open design'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
