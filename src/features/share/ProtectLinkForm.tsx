import { useId, useState } from 'react';
import type { Design } from '../../core/model/types';
import { buildShareUrl } from '../../core/share/codec';
import { encryptShareFragment } from '../../core/share/protect';
import { CopyField } from './CopyField';
import { LinkLength } from './LinkLength';
import { getAppUrl } from './shareLinks';

/** "Protect with a passphrase": a `p1.` link that opens only with the passphrase, sent another way. */
export function ProtectLinkForm({ design }: { design: Design }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [viewOnly, setViewOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);

  const create = async () => {
    if (passphrase === '') return setError('Enter a passphrase.');
    if (passphrase !== repeat) return setError('The two passphrases are not the same.');
    setError(null);
    setBusy(true);
    try {
      const fragment = await encryptShareFragment(design, passphrase, { mode: viewOnly ? 'view' : 'edit' });
      setLink(buildShareUrl(getAppUrl(), fragment));
    } catch (e) {
      setError(`Could not protect the link: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="share-protect"
      aria-label="Protect with a passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div className="share-protect__fields">
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-pass`}>
            Passphrase
          </label>
          <input
            id={`${id}-pass`}
            className="field__input"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.target.value);
              setLink(null);
            }}
          />
        </div>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-repeat`}>
            Repeat passphrase
          </label>
          <input
            id={`${id}-repeat`}
            className="field__input"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => {
              setRepeat(e.target.value);
              setLink(null);
            }}
          />
        </div>
      </div>
      <label className="share-protect__check">
        <input
          type="checkbox"
          checked={viewOnly}
          onChange={(e) => {
            setViewOnly(e.target.checked);
            setLink(null);
          }}
        />
        View only
      </label>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Protecting…' : 'Create protected link'}
      </button>
      {link && (
        <>
          <CopyField label="Protected link" value={link} buttonLabel="Copy protected link" testId="protected-link" />
          <LinkLength url={link} />
          <p className="share-protect__note">
            Send the passphrase separately (say it, or use another channel): anyone with both the link and the passphrase can open
            the design. It is encrypted in the link itself; Signalbox keeps no copy.
          </p>
        </>
      )}
    </form>
  );
}
