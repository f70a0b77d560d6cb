import { findingsStore } from '../../state/overlayStores';

export { badgeStore, useBadgesHidden } from '../../state/badgeVisibility';

/**
 * What a badge means, for its tooltip: the messages of the findings that name the element.
 * Read on hover, not subscribed: a thousand badges must not each filter every lint result.
 */
export function getBadgeTitle(kind: 'node' | 'link', id: string): string {
  const findings = findingsStore
    .getState()
    .findings.filter((f) => (kind === 'node' ? f.nodes.includes(id) : f.links.includes(id)));
  const lines = findings.slice(0, 6).map((f) => `${f.severity}: ${f.message}`);
  if (findings.length > 6) lines.push(`and ${findings.length - 6} more (Findings tab)`);
  return lines.join('\n');
}
