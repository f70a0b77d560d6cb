/** `A`, `A and B`, `A, B and C`; long lists end with `and 12 more` so a message stays one line. */
export function listNames(names: readonly string[], limit = 5): string {
  if (names.length === 0) return '';
  if (names.length > limit) return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** Unique values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** `99.9%` without float noise: 99.80000001 -> `99.8%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}
