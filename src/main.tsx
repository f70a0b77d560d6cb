import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootDesign } from './app/boot';
import { startAutosave } from './app/autosave';
import './app/app.css';
import { bootFromLocation } from './features/share/openShareLink';
import { startLiveLint } from './features/findings/liveLint';

// A share link in the address decides what opens (and whether autosave starts yet): see features/share.
bootFromLocation({ bootDesign, startAutosave });
// Findings are live for every design, whatever tab is open, a view link included: the canvas
// shows their badges, and a view link's bar lists them.
startLiveLint();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
