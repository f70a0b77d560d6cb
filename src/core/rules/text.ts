/** `A`, `A and B`, `A, B and C`; long lists end with `and 12 more` so a message stays one line. */
export function listNames(names: readonly string[], limit = 5): string {
  if (names.length === 0) return '';
  if (names.length > limit) return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/**
 * Unique values in first-seen order. A short list (most are a node's few callees) is looked
 * through rather than put in a Set: rules call this for thousands of nodes in one lint.
 */
export function unique<T>(values: Iterable<T>): T[] {
  if (!Array.isArray(values) || values.length > 16) return [...new Set(values)];
  const list = values as readonly T[];
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const value = list[i]!;
    let seen = false;
    for (let k = 0; k < out.length && !seen; k++) seen = Object.is(out[k], value) || out[k] === value;
    if (!seen) out.push(value);
  }
  return out;
}

/** `99.9%` without float noise: 99.80000001 -> `99.8%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}
