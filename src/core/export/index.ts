import type { Document } from 'yaml';
import { writeDesignJson, writeDesignYaml } from '../format/write';
import type { Design, Finding } from '../model/types';
import { lintDesign } from '../rules/engine';
import { blastRadius as computeBlastRadius } from '../simulate/blastRadius';
import { asyncApiDocument } from './asyncapi';
import type { BlastRadiusEntry } from './markdownReport';
import { markdownReport } from './markdownReport';
import { mermaidFlowchart } from './mermaidFlowchart';
import { mermaidSequences } from './mermaidSequence';
import { alertRuleFile } from './alerts';
import { eventSchemaFiles } from './eventSchemas';
import { gatewayObjects, gatewayYaml } from './gateway';
import { istioObjects, istioYaml } from './istio';
import { openApiDocuments } from './openapi';
import { protoFiles } from './proto';
import { resilienceCodeFiles } from './resilienceCode';
import { slugify } from './slug';

export { getEmptyExportReason } from './emptyReasons';

export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, isExportFormat, type ExportFormat } from './formats';
import type { ExportFormat } from './formats';

export interface ExportFile {
  fileName: string;
  text: string;
  mime: string;
}

export interface ExportOptions {
  /** Markdown: findings to list; computed with lintDesign when absent. */
  findings?: Finding[];
  /** Markdown: the blast radius table; computed by the simulator when absent, left out when `false`. */
  blastRadius?: BlastRadiusEntry[] | false;
  /** YAML: the text and document the design was read from, so comments and order survive. */
  previous?: { text: string; doc: Document };
}

const YAML_MIME = 'application/yaml';

/** The files one format produces for a design. Pure: the caller writes or downloads them. */
export function exportDesign(design: Design, format: ExportFormat, options: ExportOptions = {}): ExportFile[] {
  const base = slugify(design.name, 'design');
  switch (format) {
    case 'mermaid':
      return [{ fileName: `${base}.mmd`, text: mermaidFlowchart(design), mime: 'text/vnd.mermaid' }];
    case 'sequence':
      return mermaidSequences(design).map((diagram) => ({
        fileName: diagram.fileName,
        text: diagram.text,
        mime: 'text/vnd.mermaid',
      }));
    case 'asyncapi':
      return [{ fileName: `${base}.asyncapi.yaml`, text: asyncApiDocument(design).text, mime: YAML_MIME }];
    case 'openapi':
      return openApiDocuments(design).map((file) => ({ fileName: file.fileName, text: file.text, mime: YAML_MIME }));
    case 'yaml':
      return [{ fileName: `${base}.signalbox.yaml`, text: writeDesignYaml(design, options.previous), mime: YAML_MIME }];
    case 'json':
      return [{ fileName: `${base}.signalbox.json`, text: writeDesignJson(design), mime: 'application/json' }];
    case 'markdown': {
      const findings = options.findings ?? lintDesign(design);
      const blastRadius = options.blastRadius === false ? undefined : (options.blastRadius ?? computeBlastRadius(design));
      return [{ fileName: `${base}.md`, text: markdownReport(design, { findings, blastRadius }), mime: 'text/markdown' }];
    }
    case 'proto':
      return protoFiles(design).map((file) => ({ fileName: file.fileName, text: file.text, mime: 'text/x-protobuf' }));
    case 'istio':
      return istioObjects(design).length > 0
        ? [{ fileName: `${base}.istio.yaml`, text: istioYaml(design), mime: YAML_MIME }]
        : [];
    case 'gateway':
      return gatewayObjects(design).length > 0
        ? [{ fileName: `${base}.gateway.yaml`, text: gatewayYaml(design), mime: YAML_MIME }]
        : [];
    case 'alerts': {
      const text = alertRuleFile(design);
      return text ? [{ fileName: `${base}.rules.yaml`, text, mime: YAML_MIME }] : [];
    }
    case 'schemas':
      return eventSchemaFiles(design).map((file) => ({
        fileName: file.fileName,
        text: file.text,
        mime: 'application/schema+json',
      }));
    case 'code':
      return resilienceCodeFiles(design).map((file) => ({ fileName: file.fileName, text: file.text, mime: file.mime }));
  }
}
