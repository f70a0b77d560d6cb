import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootDesign } from './app/boot';
import { createAppEditor } from './app/createAppEditor';
import './app/app.css';
import { SignalboxProvider } from './editor/react';
import { bootFromLocation } from './features/share/openShareLink';

// One editor for the page: its live lint runs for every design, whatever tab is open, a view
// link included (the canvas shows their badges, and a view link's bar lists them).
const editor = createAppEditor();
// A share link in the address decides what opens (and whether autosave starts yet): see features/share.
bootFromLocation(editor, { bootDesign: () => bootDesign(editor) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignalboxProvider editor={editor}>
      <App />
    </SignalboxProvider>
  </StrictMode>,
);
