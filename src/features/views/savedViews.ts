/**
 * Named views kept in the design (`views:`): saving or deleting one is a design edit (one undo
 * step, written to the file), applying one is not.
 */
import type { DesignView } from '../../core/model/types';
import type { ViewSpec } from '../../core/views/view';
import type { Signalbox } from '../../editor/createSignalbox';

export type SaveViewResult = { ok: true; name: string } | { ok: false; error: string };

/** One rule for a view's name: trimmed, 1 to 80 characters, not a name objects reserve. */
export function checkViewName(raw: string): SaveViewResult {
  const name = raw.trim();
  if (name === '') return { ok: false, error: 'A view needs a name' };
  if (name.length > 80) return { ok: false, error: 'A view name has at most 80 characters' };
  if (name === '__proto__') return { ok: false, error: '"__proto__" is reserved; choose another name' };
  return { ok: true, name };
}

export function saveView(editor: Signalbox, rawName: string, spec: ViewSpec | null): SaveViewResult {
  const checked = checkViewName(rawName);
  if (!checked.ok) return checked;
  if (!spec) return { ok: false, error: 'Nothing to save: the canvas shows the whole design' };
  const { design, replaceDesign } = editor.design.getState();
  const views: Record<string, DesignView> = { ...(design.views ?? {}), [checked.name]: { ...spec } as DesignView };
  const saved = replaceDesign({ ...design, views });
  if (!saved.ok) return saved;
  editor.viewActions.set(spec, checked.name);
  return checked;
}

export function deleteSavedView(editor: Signalbox, name: string): void {
  const { design, replaceDesign } = editor.design.getState();
  if (!design.views || !(name in design.views)) return;
  const { [name]: _removed, ...rest } = design.views;
  const next = { ...design };
  if (Object.keys(rest).length > 0) next.views = rest;
  else delete next.views;
  replaceDesign(next);
}
