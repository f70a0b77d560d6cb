import type { Finding } from '../model/types';

/**
 * A finding's identity across two versions: its rule and what it names. The message is left
 * out on purpose: it quotes values (a timeout, a depth) that may change while the problem stays.
 */
export function getFindingKey(finding: Finding): string {
  const sorted = (ids: readonly string[]) => (ids.length < 2 ? ids : [...ids].sort()).join('\u0000');
  // NUL cannot appear in a rule id, and separates ids without the cost of JSON per finding.
  return `${finding.rule}\u0001${sorted(finding.nodes)}\u0001${sorted(finding.links)}`;
}

/** Findings in HEAD and not in BASE (introduced), and in BASE and not in HEAD (resolved), as multisets. */
export function compareFindings(
  base: readonly Finding[],
  head: readonly Finding[],
): { introduced: Finding[]; resolved: Finding[] } {
  const remaining = new Map<string, number>();
  for (const f of base) {
    const key = getFindingKey(f);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const introduced: Finding[] = [];
  const matched = new Map<string, number>();
  for (const f of head) {
    const key = getFindingKey(f);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched.set(key, (matched.get(key) ?? 0) + 1);
    } else introduced.push(f);
  }
  const resolved: Finding[] = [];
  for (const f of base) {
    const key = getFindingKey(f);
    const used = matched.get(key) ?? 0;
    if (used > 0) matched.set(key, used - 1);
    else resolved.push(f);
  }
  return { introduced, resolved };
}
