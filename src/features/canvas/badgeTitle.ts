import type { Finding } from '../../core/model/types';

/**
 * What a badge means, for its tooltip: the messages of the findings that name the element.
 * Read on hover, not subscribed: a thousand badges must not each filter every lint result.
 */
export function getBadgeTitle(findings: readonly Finding[], kind: 'node' | 'link', id: string): string {
  const named = findings.filter((f) => (kind === 'node' ? f.nodes.includes(id) : f.links.includes(id)));
  const lines = named.slice(0, 6).map((f) => `${f.severity}: ${f.message}`);
  if (named.length > 6) lines.push(`and ${named.length - 6} more (Findings tab)`);
  return lines.join('\n');
}
