/** One replacement that turns `before` into `after`: the common prefix and suffix stay. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest single range to replace so an editor applies only what changed: an edit from the
 * canvas then leaves the cursor, selection and scroll of someone typing elsewhere in place.
 */
export function diffText(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}
