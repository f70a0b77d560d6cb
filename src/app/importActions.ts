/**
 * Accepting an import: the design laid out by the ELK auto-layout BEFORE it is committed, so the
 * import is one undo step (undo removes it whole). A new design opens as a blank library entry
 * first, so undo there leaves the blank design rather than nothing.
 */
import { mergeInto } from '../core/import/merge';
import { getFreeRowTop } from '../core/layout/layout';
import { createEmptyDesign, moveNodes } from '../core/model/edit';
import type { Design } from '../core/model/types';
import { computeLayout } from '../features/canvas/autoLayout';
import type { ImportMode } from '../features/import/ImportDialog';
import type { Signalbox } from '../editor/createSignalbox';
import { keepIncomingVersion } from '../state/versions';

/** The design as the import made it is a version (issue 15): Compare then shows what was edited since. */
function keepImportedVersion(editor: Signalbox, design: Design, files: readonly string[]): void {
  const { designId, setNotice } = editor.design.getState();
  if (!designId) return;
  const error = keepIncomingVersion(designId, design, 'import', files.map((f) => f.replace(/^.*[/\\]/, '')).join(', '));
  if (error) setNotice(error);
}

async function layOut(design: Design, only?: ReadonlySet<string>, below = 0): Promise<Design> {
  const part: Design = only
    ? {
        ...design,
        nodes: Object.fromEntries(Object.entries(design.nodes).filter(([id]) => only.has(id))),
        links: design.links.filter((l) => only.has(l.from) && only.has(l.to)),
      }
    : design;
  const positions = await computeLayout(part);
  if (below) for (const id of Object.keys(positions)) positions[id] = [positions[id]![0], positions[id]![1] + below];
  return moveNodes(design, positions);
}

export async function acceptImport(
  editor: Signalbox,
  imported: Design,
  mode: ImportMode,
  files: readonly string[] = [],
): Promise<void> {
  const { design: designStore, ui: uiStore } = editor;
  const requestFrame = editor.uiActions.requestFrame;
  const count = Object.keys(imported.nodes).length;
  uiStore.setState({ progress: `Laying out ${count} imported node${count === 1 ? '' : 's'}…` });
  try {
    if (mode === 'new') {
      const laidOut = await layOut(imported);
      editor.openNewDesign(createEmptyDesign(imported.name));
      designStore.getState().replaceDesign(laidOut);
      designStore.getState().setNotice(`Imported ${count} nodes and ${imported.links.length} links: undo removes them`);
      keepImportedVersion(editor, laidOut, files);
      requestFrame(Object.keys(laidOut.nodes));
      return;
    }
    const current = designStore.getState().design;
    const { design: merged, addedNodes, addedLinks, addedKeys } = mergeInto(current, imported);
    if (merged === current) {
      designStore.getState().setNotice('Nothing new: the design already says everything the files say');
      return;
    }
    // Only the new nodes are laid out, below what is there: the design's own positions stay.
    const bottom = getFreeRowTop(current);
    const fresh = new Set(addedNodes);
    const laidOut = fresh.size ? await layOut(merged, fresh, bottom) : merged;
    designStore.getState().replaceDesign(laidOut);
    designStore
      .getState()
      .setNotice(
        `Merged: ${addedNodes.length} nodes, ${addedLinks.length} links and ${addedKeys.length} settings added (one undo step)`,
      );
    keepImportedVersion(editor, laidOut, files);
    requestFrame(Object.keys(laidOut.nodes));
  } catch (error) {
    designStore.getState().setNotice(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    uiStore.setState({ progress: null });
  }
}
