import { SEVERITIES, type Finding, type Severity } from '../../core/model/types';

/** What the worker hands back besides the findings: computed there so the main thread only stores it. */
export interface FindingsOverlay {
  worstByNode: Record<string, Severity>;
  worstByLink: Record<string, Severity>;
  summary: { error: number; warning: number; info: number };
}

/** True when `a` is more severe than `b` (or `b` is absent): SEVERITIES lists the most severe first. */
function isWorse(a: Severity, b: Severity | undefined): boolean {
  return b === undefined || SEVERITIES.indexOf(a) < SEVERITIES.indexOf(b);
}

/** Counts per severity and the worst severity per element, in one pass over the findings. */
export function buildFindingsOverlay(findings: readonly Finding[]): FindingsOverlay {
  const worstByNode: Record<string, Severity> = {};
  const worstByLink: Record<string, Severity> = {};
  const summary = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) {
    summary[finding.severity] += 1;
    for (const id of finding.nodes) if (isWorse(finding.severity, worstByNode[id])) worstByNode[id] = finding.severity;
    for (const id of finding.links) if (isWorse(finding.severity, worstByLink[id])) worstByLink[id] = finding.severity;
  }
  return { worstByNode, worstByLink, summary };
}
