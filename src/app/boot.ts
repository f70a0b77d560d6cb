import { readDesign } from '../core/format/read';
import { getTemplate } from '../core/templates';
import type { Signalbox } from '../editor/createSignalbox';

export const FIRST_TEMPLATE = 'food-delivery';

/** Open a template as a new design in the library (a first visit, or "New from template"). */
export function openTemplate(editor: Signalbox, templateId: string): boolean {
  const template = getTemplate(templateId);
  if (!template) return false;
  const { design } = readDesign(template.yaml);
  if (!design) return false;
  // The template's comments explain its choices: keep them for the code view and Save file.
  editor.openNewDesign(design, template.yaml);
  return true;
}

/**
 * What the app opens with: the design the user was on (autosaved), or on a first visit the
 * food delivery template so a newcomer sees a real design at once.
 */
export function bootDesign(editor: Signalbox): void {
  const { repository } = editor;
  const { index, problem } = repository?.readIndexReport() ?? { index: { designs: [], currentId: null } };
  const candidates = [index.currentId, ...index.designs.toSorted((a, b) => b.updatedAt - a.updatedAt).map((d) => d.id)];
  // A stored design that does not read is skipped, never deleted: it stays listed, and the user is told.
  const unreadable = new Set<string>();
  const tell = () => {
    const names = [...unreadable].map((id) => `"${index.designs.find((d) => d.id === id)?.name ?? id}"`);
    const skipped = names.length
      ? `${names.join(', ')} could not be read from browser storage (kept as stored; the list still shows ${names.length === 1 ? 'it' : 'them'})`
      : undefined;
    const text = [problem, skipped].filter(Boolean).join('. ');
    if (text) editor.design.getState().setNotice(text);
  };
  for (const id of candidates) {
    if (!id || unreadable.has(id)) continue;
    const stored = repository?.get(id);
    if (stored) {
      editor.design.getState().openDesign(stored.design, id, stored.sourceText);
      tell();
      return;
    }
    unreadable.add(id);
  }
  openTemplate(editor, FIRST_TEMPLATE);
  tell();
}
