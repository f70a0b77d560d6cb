import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { Finding, Issue } from '../../core/model/types';
import type { ElementSpans } from '../../core/yamlmap/elementLines';

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

/** Findings of the rules engine on the lines of the nodes and links they name. */
export function getFindingMarkers(findings: readonly Finding[], spans: ElementSpans): MonacoEditor.IMarkerData[] {
  const markers: MonacoEditor.IMarkerData[] = [];
  for (const finding of findings) {
    const places = [...finding.nodes.map((id) => spans.nodes.get(id)), ...finding.links.map((id) => spans.links.get(id))];
    for (const span of places) {
      if (!span) continue;
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
