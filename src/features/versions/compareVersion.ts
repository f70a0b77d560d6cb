/**
 * Compare with a version: the current design stays on the canvas and editable; the diff overlay
 * marks what it added, changed and removed against the version, and follows every edit.
 */
import { compareDesigns } from '../../core/diff/diff';
import { compareFindings } from '../../core/diff/findingsDelta';
import type { DesignChange } from '../../core/diff/types';
import type { Design, DesignNode, Finding, Link } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { lintDesign } from '../../core/rules/engine';
import type { Signalbox } from '../../editor/createSignalbox';
import { EMPTY_DIFF, type DiffOverlayState, type DiffStatus } from '../../state/diffOverlay';
import type { DesignVersion } from '../../state/versions';

/** Statuses per node and link, and the ghosts of what the version had and the design no longer has. */
export function getDiffOverlay(
  base: Design,
  changes: readonly DesignChange[],
): Pick<DiffOverlayState, 'nodes' | 'links' | 'ghostNodes' | 'ghostLinks'> {
  const nodes: Record<string, DiffStatus> = {};
  const links: Record<string, DiffStatus> = {};
  const ghostNodes: Record<string, DesignNode> = {};
  const ghostLinks: Link[] = [];
  const baseLinks = new Map(base.links.map((l) => [getLinkId(l), l]));
  for (const c of changes) {
    if (c.element === 'node') {
      nodes[c.id] = c.change;
      const before = base.nodes[c.id];
      if (c.change === 'removed' && before) ghostNodes[c.id] = before;
    } else if (c.element === 'link' || c.element === 'message') {
      // A message edit changes its link; a link already added or removed keeps that status.
      const status: DiffStatus = c.element === 'message' ? 'changed' : c.change;
      if (!links[c.id] || links[c.id] === 'changed') links[c.id] = status;
      const before = baseLinks.get(c.id);
      if (status === 'removed' && before && !ghostLinks.includes(before)) ghostLinks.push(before);
    }
  }
  return { nodes, links, ghostNodes, ghostLinks };
}

/** Each editor's running comparison, to stop. */
const running = new WeakMap<Signalbox, () => void>();

/** Show the current design against this version until stopCompare (or another design opens). */
export function startCompare(editor: Signalbox, version: DesignVersion): void {
  const { design: designStore, findings: findingsStore, diff: diffOverlayStore } = editor;
  stopCompare(editor);
  const baseFindings: Finding[] = lintDesign(version.design);
  const { documentVersion } = designStore.getState();
  const update = () => {
    const head = designStore.getState().design;
    const changes = compareDesigns(version.design, head);
    diffOverlayStore.setState({
      version: { id: version.id, name: version.name, savedAt: version.savedAt, design: version.design },
      changes,
      findings: compareFindings(baseFindings, findingsStore.getState().findings),
      ...getDiffOverlay(version.design, changes),
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Typing is many edits a second: recompute once it pauses (the findings follow the lint worker).
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, 120);
  };
  update();
  // Show what changed, clear of the panel (added, changed and, ghosted, removed).
  const { nodes: marked, links: markedLinks } = diffOverlayStore.getState();
  if (Object.keys(marked).length + Object.keys(markedLinks).length > 0)
    editor.uiActions.requestFrame(Object.keys(marked), Object.keys(markedLinks));
  const offDesign = designStore.subscribe((state, previous) => {
    if (state.documentVersion !== documentVersion) stopCompare(editor);
    else if (state.design !== previous.design) later();
  });
  const offFindings = findingsStore.subscribe((state, previous) => {
    if (state.findings !== previous.findings) later();
  });
  running.set(editor, () => {
    if (timer !== undefined) clearTimeout(timer);
    offDesign();
    offFindings();
  });
}

export function stopCompare(editor: Signalbox): void {
  running.get(editor)?.();
  running.delete(editor);
  editor.diff.setState({ version: null, ...EMPTY_DIFF });
}

/** Put the version's design back as one undo step (Undo returns to what was there). */
export function restoreVersion(editor: Signalbox, version: Pick<DesignVersion, 'design' | 'name'>): void {
  stopCompare(editor);
  editor.design.getState().replaceDesign(version.design);
  editor.design.getState().setNotice(`Restored "${version.name}". Undo puts back what was there.`);
}
