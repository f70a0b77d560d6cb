import type { Design } from '../core/model/types';
import { designStore } from './designStore';
import { saveNewDesign } from './library';

/**
 * Open a design as a NEW library entry (a template, a file, a link, a blank design): whatever was
 * open before stays in the library as it was. A storage error is told, the design opens anyway.
 * Returns the new entry's id.
 */
export function openNewDesign(design: Design, sourceText: string | null = null): string {
  const { id, error } = saveNewDesign(design, sourceText);
  designStore.getState().openDesign(design, id, sourceText);
  if (error) designStore.getState().setNotice(error);
  return id;
}
