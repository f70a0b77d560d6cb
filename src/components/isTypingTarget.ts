/** Typing in a field or in the code editor owns its keys: Ctrl+Z there is the field's undo. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, dialog');
}
