import { useShareLinkStore, useUiStore } from '../../editor/react';
import { PassphraseDialog } from './PassphraseDialog';
import { ShareLinkErrorDialog } from './ShareLinkErrorDialog';
import { ViewModeBar } from './ViewModeBar';
import './share.css';

/** Everything an opened link may show, mounted once in App: passphrase prompt, refusal, view-mode bar. */
export function ShareLayer() {
  const passphraseFor = useShareLinkStore((s) => s.passphraseFor);
  const linkError = useShareLinkStore((s) => s.linkError);
  const readOnly = useUiStore((s) => s.readOnly);
  return (
    <>
      {readOnly && <ViewModeBar />}
      {passphraseFor && <PassphraseDialog key={passphraseFor} />}
      {linkError && <ShareLinkErrorDialog error={linkError} />}
    </>
  );
}
