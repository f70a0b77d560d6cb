import { useDesignStore, useSignalbox, useUiStore } from '../../editor/react';
import { useEffect, useRef } from 'react';
import { getLinkId } from '../../core/model/ids';
import { selectSelection } from '../../state/designStore';
import { DesignInspector } from './DesignInspector';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';
import './inspector.css';

/**
 * The form's key for the one selected node: its id, except that a node renamed in place (its
 * generated id follows its name: `payment` -> `payment-core`) keeps the key it had, so the
 * form is not remounted under the person typing in it (focus and caret stay).
 */
function useRenameStableKey(id: string | null): string | null {
  const previous = useRef<{ id: string | null; key: string | null }>({ id: null, key: null });
  const previousGone = useDesignStore((s) => previous.current.id !== null && !(previous.current.id in s.design.nodes));
  let key = id;
  if (id !== null && previous.current.id !== null && id !== previous.current.id && previousGone) key = previous.current.key;
  useEffect(() => {
    previous.current = { id, key };
  });
  return key;
}

/** The side panel's editor: the selected node, the selected link, or the design itself. */
export function Inspector() {
  const editor = useSignalbox();
  const selection = useDesignStore(selectSelection);
  const linkEnds = useDesignStore((s) => {
    const id = s.selection.links[0];
    if (s.selection.links.length !== 1 || s.selection.nodes.length > 0 || !id) return null;
    const link = s.design.links.find((l) => getLinkId(l) === id);
    return link ? `${link.from}->${link.to}` : null;
  });
  const focused = useUiStore((s) => s.focusedFinding?.finding ?? null);
  const { nodes, links } = selection;
  const nodeKey = useRenameStableKey(nodes.length === 1 && links.length === 0 ? (nodes[0] ?? null) : null);
  if (nodes.length === 1 && links.length === 0 && nodes[0]) return <NodeInspector key={nodeKey ?? nodes[0]} id={nodes[0]} />;
  // Keyed by the link's ends: editing its channel changes its id, and must not remount the form.
  if (links.length === 1 && nodes.length === 0 && links[0]) return <LinkInspector key={linkEnds ?? links[0]} id={links[0]} />;
  if (nodes.length + links.length > 1) {
    return (
      <div className="inspector" data-testid="inspector-multi">
        <header className="inspector__title">
          <span className="inspector__title-name">
            {nodes.length} node{nodes.length === 1 ? '' : 's'}, {links.length} link{links.length === 1 ? '' : 's'} selected
          </span>
          <span className="inspector__title-kind">Select one element to edit it</span>
        </header>
        <SelectedNames nodes={nodes} links={links} />
        {focused && focused.nodes.join() === nodes.join() && focused.links.join() === links.join() && (
          <section className="inspector__section inspector-findings" aria-label="Finding">
            <p className="inspector-finding__message">{focused.message}</p>
            <p className="inspector-finding__fix">How to fix: {focused.fix}</p>
          </section>
        )}
        <div className="inspector__actions">
          <button
            type="button"
            className="button"
            onClick={() => editor.design.getState().duplicateSelection()}
            disabled={nodes.length === 0}
          >
            Duplicate
          </button>
          <button type="button" className="button button--danger" onClick={() => editor.design.getState().deleteSelection()}>
            Delete
          </button>
        </div>
      </div>
    );
  }
  return <DesignInspector />;
}

/** Names listed before "and N more": Ctrl+A on a large design selects thousands. */
const MAX_NAMES = 12;

/** What a multi-selection holds, by name: a person (and a screen reader) reads what is selected. */
function SelectedNames({ nodes, links }: { nodes: readonly string[]; links: readonly string[] }) {
  const designNodes = useDesignStore((s) => s.design.nodes);
  const designLinks = useDesignStore((s) => s.design.links);
  const shown = nodes.slice(0, MAX_NAMES).map((id) => designNodes[id]?.name ?? id);
  for (const id of links.slice(0, Math.max(0, MAX_NAMES - shown.length))) {
    const link = designLinks.find((l) => getLinkId(l) === id);
    shown.push(link ? `${designNodes[link.from]?.name ?? link.from} to ${designNodes[link.to]?.name ?? link.to}` : id);
  }
  const more = nodes.length + links.length - shown.length;
  return (
    <ul className="inspector-selected" aria-label="Selected">
      {shown.map((name, i) => (
        <li key={`${i}:${name}`}>{name}</li>
      ))}
      {more > 0 && <li className="inspector-selected__more">and {more} more</li>}
    </ul>
  );
}
