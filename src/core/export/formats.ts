/**
 * Every format the app's export menu and `signalbox export --to` offer. Its own module, so the app's
 * first chunk can list the formats without the exporters (they load with the export worker).
 */
export const EXPORT_FORMATS = [
  { id: 'mermaid', label: 'Mermaid flowchart', extension: '.mmd', many: false },
  { id: 'sequence', label: 'Mermaid sequence diagrams', extension: '.mmd', many: true },
  { id: 'asyncapi', label: 'AsyncAPI 3.0', extension: '.asyncapi.yaml', many: false },
  { id: 'openapi', label: 'OpenAPI 3.1 (one per service)', extension: '.openapi.yaml', many: true },
  { id: 'yaml', label: 'Design (YAML)', extension: '.signalbox.yaml', many: false },
  { id: 'json', label: 'Design (JSON)', extension: '.signalbox.json', many: false },
  { id: 'markdown', label: 'Markdown report', extension: '.md', many: false },
  { id: 'proto', label: 'gRPC proto3 (one per service)', extension: '.proto', many: true },
  { id: 'istio', label: 'Istio mesh config', extension: '.istio.yaml', many: false },
  { id: 'gateway', label: 'Gateway API + Envoy Gateway', extension: '.gateway.yaml', many: false },
  { id: 'alerts', label: 'Prometheus alert rules', extension: '.rules.yaml', many: false },
  { id: 'schemas', label: 'Event JSON Schemas (CloudEvents)', extension: '.schema.json', many: true },
  { id: 'code', label: 'Resilience code (one per service)', extension: '', many: true },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

export const EXPORT_FORMAT_IDS: readonly ExportFormat[] = EXPORT_FORMATS.map((format) => format.id);

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}
