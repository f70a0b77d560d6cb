import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { PathLocator } from '../../core/format/locatePath';
import { getLinkId } from '../../core/model/ids';
import type { Design, Finding, Issue } from '../../core/model/types';

/** Monaco's MarkerSeverity values, spelt out so this file needs no runtime import of Monaco. */
const SEVERITY = { info: 2, warning: 4, error: 8 } as const;

/**
 * Validation issues (YAML syntax and schema alike) as markers at their line:column. An issue
 * points at a key's start, so the marker runs to the end of that line's content: the squiggle
 * covers `timeoutMs: -5`, not just its first letter.
 */
export function getIssueMarkers(issues: readonly Issue[], model: MonacoEditor.ITextModel): MonacoEditor.IMarkerData[] {
  const lineCount = model.getLineCount();
  return issues.map((issue) => {
    const line = Math.min(Math.max(issue.line ?? 1, 1), lineCount);
    const content = model.getLineContent(line);
    const column = Math.min(issue.column ?? 1, content.length + 1);
    const comment = content.search(/\s#/);
    const end = Math.max(column + 1, (comment > column ? comment : content.trimEnd().length) + 1);
    return {
      severity: SEVERITY[issue.severity],
      message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      source: 'signalbox',
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: end,
    };
  });
}

/**
 * Findings of the rules engine on the nodes and links they name: a node at its key under
 * `nodes:`, a link on its item's first line under `links:` (both found by the core's locatePath,
 * as the CLI finds them). `design` is the one read from the text `locate` looks in.
 */
export function getFindingMarkers(findings: readonly Finding[], design: Design, locate: PathLocator): MonacoEditor.IMarkerData[] {
  const linkIndex = new Map<string, number>();
  design.links.forEach((link, i) => {
    const id = getLinkId(link);
    if (!linkIndex.has(id)) linkIndex.set(id, i);
  });
  const markers: MonacoEditor.IMarkerData[] = [];
  for (const finding of findings) {
    const paths = [
      ...finding.nodes.map((id) => ['nodes', id]),
      ...finding.links.flatMap((id) => (linkIndex.has(id) ? [['links', linkIndex.get(id)!]] : [])),
    ];
    for (const path of paths) {
      const span = locate(path);
      if (!span?.exact) continue;
      markers.push({
        severity: SEVERITY[finding.severity],
        message: finding.fix ? `${finding.message}\nFix: ${finding.fix}` : finding.message,
        source: 'signalbox',
        code: finding.rule,
        startLineNumber: span.line,
        startColumn: span.column,
        endLineNumber: span.endLine,
        endColumn: span.endColumn,
      });
    }
  }
  return markers;
}
