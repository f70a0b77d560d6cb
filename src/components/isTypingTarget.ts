/** Typing in a field or in the code editor owns its keys: Ctrl+Z there is the field's undo. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  // A code editor's host says it is one (data-typing-surface): its keys are the editor's.
  return !!target.closest(
    'input, textarea, select, [contenteditable=""], [contenteditable="true"], [data-typing-surface], dialog',
  );
}
