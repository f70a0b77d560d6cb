import type { ExportFormat } from '../../core/export/index';

/** A tab of the export panel: a text format from the core, or a picture of the canvas. */
export type ExportTab =
  | { id: ExportFormat; label: string; kind: 'text'; language: EditorLanguage; mermaid: boolean; many: boolean }
  | { id: 'png' | 'svg'; label: string; kind: 'image' };

export type ExportTabId = ExportTab['id'];

/** Languages our read-only editor colours; Monaco has no Mermaid grammar, so that is plain text. */
export type EditorLanguage = 'yaml' | 'json' | 'markdown' | 'plaintext';

// The order a reader of a design doc reaches for them: diagrams, contracts, the report, the design.
export const EXPORT_TABS: readonly ExportTab[] = [
  { id: 'mermaid', label: 'Mermaid', kind: 'text', language: 'plaintext', mermaid: true, many: false },
  { id: 'sequence', label: 'Sequence', kind: 'text', language: 'plaintext', mermaid: true, many: true },
  { id: 'asyncapi', label: 'AsyncAPI', kind: 'text', language: 'yaml', mermaid: false, many: false },
  { id: 'openapi', label: 'OpenAPI', kind: 'text', language: 'yaml', mermaid: false, many: true },
  { id: 'markdown', label: 'Markdown', kind: 'text', language: 'markdown', mermaid: false, many: false },
  { id: 'yaml', label: 'YAML', kind: 'text', language: 'yaml', mermaid: false, many: false },
  { id: 'json', label: 'JSON', kind: 'text', language: 'json', mermaid: false, many: false },
  // From design to running config: what the platform and the services run.
  { id: 'proto', label: 'gRPC', kind: 'text', language: 'plaintext', mermaid: false, many: true },
  { id: 'istio', label: 'Istio', kind: 'text', language: 'yaml', mermaid: false, many: false },
  { id: 'gateway', label: 'Gateway', kind: 'text', language: 'yaml', mermaid: false, many: false },
  { id: 'alerts', label: 'Alerts', kind: 'text', language: 'yaml', mermaid: false, many: false },
  { id: 'schemas', label: 'Schemas', kind: 'text', language: 'json', mermaid: false, many: true },
  { id: 'code', label: 'Code', kind: 'text', language: 'plaintext', mermaid: false, many: true },
  { id: 'png', label: 'PNG', kind: 'image' },
  { id: 'svg', label: 'SVG', kind: 'image' },
];

export function getExportTab(id: ExportTabId): ExportTab {
  return EXPORT_TABS.find((tab) => tab.id === id) ?? EXPORT_TABS[0]!;
}
