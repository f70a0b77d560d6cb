import { useSignalbox } from '../../editor/react';
import { useState } from 'react';
import { CopyField } from './CopyField';
import { LinkLength } from './LinkLength';
import { ModalDialog } from '../../components/ModalDialog';
import { ProtectLinkForm } from './ProtectLinkForm';
import { makeEmbedSnippet, makeShareLinks } from './shareLinks';
import { addBadgesHidden, addViewName } from '../../core/views/viewLink';

/**
 * The design as it is when the dialog opens, in links: an edit link, a view link with its embed
 * snippet, and optionally a passphrase-protected link. Nothing leaves the browser: the design is
 * in the link's fragment, which browsers never send to a server.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const editor = useSignalbox();
  // A snapshot: the links describe the design the user chose to share, not later edits.
  const [design] = useState(() => editor.design.getState().design);
  const [links] = useState(() => makeShareLinks(design));
  const [protect, setProtect] = useState(false);
  // A view link can open on one of the design's named views (the current one by default).
  const viewNames = Object.keys(design.views ?? {});
  const [viewName, setViewName] = useState(() => {
    const current = editor.view.getState().name;
    return current && viewNames.includes(current) ? current : '';
  });
  // Badges hidden on the canvas stay hidden for whoever opens the view link (a clean picture).
  const [hideBadges, setHideBadges] = useState(() => editor.badges.getState().hidden);
  const viewLink = addBadgesHidden(addViewName(links.view, viewName), hideBadges);
  return (
    <ModalDialog labelledBy="share-dialog-title" onClose={onClose} className="share-dialog" testId="share-dialog">
      <div className="share-dialog__head">
        <h2 id="share-dialog-title" className="dialog__title">
          Share “{design.name}”
        </h2>
        <button type="button" className="button button--icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="dialog__text">
        Whoever opens a link gets their own copy of this design as it is now. The design travels inside the link.
      </p>

      <section className="share-section" aria-labelledby="share-edit-title">
        <h3 id="share-edit-title" className="share-section__title">
          Edit link
        </h3>
        <CopyField label="Link" value={links.edit} buttonLabel="Copy link" testId="share-link" />
        <LinkLength url={links.edit} />
      </section>

      <section className="share-section" aria-labelledby="share-view-title">
        <h3 id="share-view-title" className="share-section__title">
          View-only link
        </h3>
        {viewNames.length > 0 && (
          <label className="share-view-name">
            <span>Opens on</span>
            <select value={viewName} onChange={(e) => setViewName(e.target.value)}>
              <option value="">The whole design</option>
              {viewNames.map((n) => (
                <option key={n} value={n}>
                  View “{n}”
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="share-protect__check">
          <input type="checkbox" checked={hideBadges} onChange={(e) => setHideBadges(e.target.checked)} />
          Open without finding badges
        </label>
        <CopyField label="View link" value={viewLink} buttonLabel="Copy view link" testId="share-view-link" />
        <LinkLength url={viewLink} />
        <CopyField
          label="Embed (iframe)"
          value={makeEmbedSnippet(viewLink, design.name)}
          buttonLabel="Copy embed code"
          multiline
          testId="share-embed"
        />
      </section>

      <section className="share-section" aria-label="Protection">
        <label className="share-protect__check">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
          Protect with a passphrase
        </label>
        {protect && <ProtectLinkForm design={design} />}
      </section>

      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  );
}
