import { useSignalbox, useViewStore } from '../../editor/react';
import type { Signalbox } from '../../editor/createSignalbox';
import { useEffect, useMemo, useRef, useState } from 'react';
import { searchDesign, type SearchHit } from '../../core/views/search';
import { ModalDialog } from '../../components/ModalDialog';
import { isTypingTarget } from '../../components/isTypingTarget';
import { projectView } from '../../core/views/view';
import { getLinksById } from '../../core/model/ids';

const KIND_LABELS: Record<SearchHit['kind'], string> = { node: 'Node', link: 'Link', channel: 'Channel', finding: 'Finding' };

/** Select and frame a hit; a hit the current view hides brings the whole design back first. */
export function showHit(editor: Signalbox, hit: SearchHit): void {
  const { spec } = editor.view.getState();
  const design = editor.design.getState().design;
  if (spec) {
    const drawn = new Set(projectView(design, spec).nodes);
    const byId = getLinksById(design);
    const linkEnds = hit.links.flatMap((id) => {
      const link = byId.get(id);
      return link ? [link.from, link.to] : [];
    });
    if (![...hit.nodes, ...linkEnds].every((id) => drawn.has(id))) editor.viewActions.set(null);
  }
  editor.design.getState().select({ nodes: hit.nodes, links: hit.links });
  if (hit.kind !== 'finding') editor.uiActions.openPanel('inspector');
  editor.uiActions.requestFrame(hit.nodes, hit.links);
}

/**
 * Ctrl/⌘+K or `/`: find nodes, links, channels and findings by name or id; Enter frames the hit.
 * A combobox with a listbox (WAI-ARIA), so arrows, Enter and Escape work as in any command palette.
 */
export function SearchDialog() {
  const open = useViewStore((s) => s.searchOpen);
  const editor = useSignalbox();
  useEffect(() => {
    const { viewActions } = editor;
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        viewActions.setSearchOpen(!editor.view.getState().searchOpen);
      } else if (!mod && !e.altKey && e.key === '/' && !isTypingTarget(e.target)) {
        e.preventDefault();
        viewActions.setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);
  if (!open) return null;
  return <SearchBox onClose={() => editor.viewActions.setSearchOpen(false)} />;
}

function SearchBox({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const editor = useSignalbox();
  const hits = useMemo(
    () => searchDesign(editor.design.getState().design, editor.findings.getState().findings, query, 30),
    [query, editor],
  );
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    showHit(editor, hit);
  };
  const activeHit = hits[Math.min(active, hits.length - 1)];
  return (
    <ModalDialog labelledBy="search-title" onClose={onClose} initialFocus={input} className="search-dialog">
      <h2 id="search-title" className="search-dialog__title">
        Find in design
      </h2>
      <input
        ref={input}
        className="search-dialog__input"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={activeHit ? `search-hit-${hits.indexOf(activeHit)}` : undefined}
        aria-autocomplete="list"
        aria-label="Search nodes, links, channels and findings"
        placeholder="Search nodes, links, channels, findings…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(activeHit);
          }
        }}
      />
      <ul id="search-results" role="listbox" aria-label="Results" className="search-dialog__results">
        {hits.map((hit, i) => (
          <li
            key={hit.key}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={hit === activeHit}
            className="search-dialog__hit"
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(hit)}
          >
            <span className={`search-dialog__kind search-dialog__kind--${hit.kind}`}>{KIND_LABELS[hit.kind]}</span>
            <span className="search-dialog__label">{hit.label}</span>
            <span className="search-dialog__detail">{hit.detail}</span>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && <p className="search-dialog__empty">Nothing matches “{query}”.</p>}
      <p className="search-dialog__hint">
        <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to show it, <kbd>Esc</kbd> to close
      </p>
    </ModalDialog>
  );
}
