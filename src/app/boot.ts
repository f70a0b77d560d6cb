import { readDesign } from '../core/format/read';
import { getTemplate } from '../core/templates';
import { designStore } from '../state/designStore';
import { newDesignId, readDesignText, readIndex, readSourceText, saveDesign, saveSourceText } from '../state/library';

export const FIRST_TEMPLATE = 'food-delivery';

/** Open a template as a new design in the library (a first visit, or "New from template"). */
export function openTemplate(templateId: string): boolean {
  const template = getTemplate(templateId);
  if (!template) return false;
  const { design } = readDesign(template.yaml);
  if (!design) return false;
  const id = newDesignId();
  saveDesign(id, design);
  // The template's comments explain its choices: keep them for the code view and Save file.
  saveSourceText(id, template.yaml);
  designStore.getState().openDesign(design, id, template.yaml);
  return true;
}

/**
 * What the app opens with: the design the user was on (autosaved), or on a first visit the
 * food delivery template so a newcomer sees a real design at once.
 */
export function bootDesign(): void {
  const index = readIndex();
  const candidates = [index.currentId, ...index.designs.toSorted((a, b) => b.updatedAt - a.updatedAt).map((d) => d.id)];
  for (const id of candidates) {
    if (!id) continue;
    const text = readDesignText(id);
    if (!text) continue;
    const { design } = readDesign(text, 'design.json');
    if (design) {
      designStore.getState().openDesign(design, id, readSourceText(id));
      return;
    }
  }
  openTemplate(FIRST_TEMPLATE);
}
