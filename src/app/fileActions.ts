/**
 * The file menu's actions: new, open, save, templates, auto-layout. Each opens a design as its
 * own library entry, so whatever was open before stays in the library (nothing is ever lost).
 */
import { detectFormat, readDesign } from '../core/format/read';
import { writeDesignYamlOver } from '../core/format/write';
import { createEmptyDesign } from '../core/model/edit';
import { countUnplacedNodes } from '../core/layout/layout';
import { slugify } from '../core/export/slug';
import { computeLayout } from '../features/canvas/autoLayout';
import { downloadBlob } from '../features/exports/download';
import type { Signalbox } from '../editor/createSignalbox';

export const FILE_ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

export function newDesign(editor: Signalbox): void {
  editor.openNewDesign(createEmptyDesign());
  editor.design.getState().setNotice('New design: the previous one stays in your library');
}

/** Open a file; a file with errors opens nothing and lists each problem with where it is. */
export async function openFile(editor: Signalbox, file: File): Promise<void> {
  const designStore = editor.design;
  const text = await file.text();
  const { design, issues } = readDesign(text, file.name);
  if (!design || issues.some((i) => i.severity === 'error')) {
    editor.shell.setState({ fileError: { fileName: file.name, issues: issues.filter((i) => i.severity === 'error') } });
    return;
  }
  // A YAML file's comments and layout are kept: edits are written over its text (Save file, code view).
  // The file as it came is a version: Compare shows what was changed since it was opened.
  editor.openNewDesign(design, detectFormat(text, file.name) === 'yaml' ? text : null, { origin: 'file', detail: file.name });
  const warnings = issues.length;
  designStore.getState().setNotice(`Opened ${file.name}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`);
  // A file without positions is laid out; half-placed files keep what they have.
  const unplaced = countUnplacedNodes(design);
  if (unplaced > 0 && unplaced * 2 >= Object.keys(design.nodes).length) await autoLayout(editor);
}

/** ELK in a worker, with progress; the result is one undo step (one moveNodes). */
export async function autoLayout(editor: Signalbox): Promise<void> {
  const { design: designStore, ui: uiStore } = editor;
  const { design, documentVersion } = designStore.getState();
  const count = Object.keys(design.nodes).length;
  if (count === 0) return;
  uiStore.setState({ progress: `Laying out ${count} node${count === 1 ? '' : 's'}…` });
  try {
    const positions = await computeLayout(design);
    // The user opened another design meanwhile: these positions belong to the old one.
    if (designStore.getState().documentVersion !== documentVersion) return;
    designStore.getState().moveNodes(positions);
    editor.uiActions.requestFrame(Object.keys(positions));
  } catch (error) {
    designStore.getState().setNotice(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    uiStore.setState({ progress: null });
  }
}

export function saveFile(editor: Signalbox): void {
  const { design, sourceText } = editor.design.getState();
  const blob = new Blob([writeDesignYamlOver(design, sourceText)], { type: 'application/yaml' });
  downloadBlob(blob, `${slugify(design.name, 'design')}.signalbox.yaml`);
}
