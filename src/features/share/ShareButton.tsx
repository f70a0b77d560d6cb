import { useState } from 'react';
import { ShareDialog } from './ShareDialog';
import './share.css';

/** The top bar's "Share": opens the share dialog. */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--primary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}
