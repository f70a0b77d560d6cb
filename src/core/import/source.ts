/**
 * Reading an input file: size and binary checks, multi-document YAML (JSON is YAML) with line
 * numbers kept, and recognising which of the formats each document is.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { createPathLocator, createPositionFinder } from '../format/locatePath';
import type { ImportError, ImportFile, ImportSource } from './types';
import { MAX_IMPORT_BYTES } from './types';

export type Path = readonly (string | number)[];

/** One parsed document of a file, with a way back from a path to its line. */
export interface SourceDoc {
  file: string;
  data: unknown;
  source: ImportSource;
  lineOf: (path: Path) => number | undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a document is, from its top-level keys; undefined when it is none of the formats. */
export function recogniseDocument(data: unknown): ImportSource | undefined {
  if (!isRecord(data)) return undefined;
  if (typeof data.openapi === 'string' || typeof data.openapi === 'number') return 'openapi';
  if (typeof data.asyncapi === 'string' || typeof data.asyncapi === 'number') return 'asyncapi';
  if (typeof data.apiVersion === 'string' && typeof data.kind === 'string') return 'kubernetes';
  if (isRecord(data.services)) return 'compose';
  return undefined;
}

const EXPECTED =
  'expected a docker-compose file (services:), a Kubernetes manifest (apiVersion: and kind:), an AsyncAPI document (asyncapi:) or an OpenAPI document (openapi:)';

/** Parse one file into its documents; errors name the file and line, never throw. */
export function readImportFile(file: ImportFile, from?: ImportSource): { docs: SourceDoc[]; errors: ImportError[] } {
  const { name, text } = file;
  const size = file.size ?? text.length;
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return {
      docs: [],
      errors: [
        {
          file: name,
          message: `file too large (${mb} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB): split the manifest`,
        },
      ],
    };
  }
  // eslint-disable-next-line no-control-regex
  const binaryAt = text.search(/[\u0000-\u0008\u000e-\u001a\ufffd]/);
  if (binaryAt >= 0) {
    const line = text.slice(0, binaryAt).split('\n').length;
    return { docs: [], errors: [{ file: name, line, message: `binary content, not text: ${EXPECTED}` }] };
  }
  const counter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  const all = Array.isArray(parsed) ? parsed : [];
  const errors: ImportError[] = [];
  // An unclosed quote or bracket is reported at the end of the text: name the last real line.
  const lastLine = text.trimEnd().split('\n').length;
  for (const doc of all) {
    for (const e of doc.errors) {
      const line = Math.min(counter.linePos(e.pos[0]).line, lastLine);
      errors.push({ file: name, line, message: `invalid YAML: ${e.message.split('\n')[0]}` });
    }
  }
  if (errors.length > 0) return { docs: [], errors: errors.slice(0, 5) };
  const docs: SourceDoc[] = [];
  const position = createPositionFinder(text);
  for (const doc of all) {
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (data === null || data === undefined) continue;
    // A path's line, or its deepest part the document has (the core's one locatePath).
    const locate = createPathLocator(text, doc, position);
    const lineOf = (path: Path) => locate(path)?.line;
    const recognised = recogniseDocument(data);
    if (from && recognised !== from) {
      errors.push({
        file: name,
        line: lineOf([]),
        message: `not ${describe(from)}: ${EXPECTED.replace('expected ', 'found none of ')}`,
      });
      continue;
    }
    if (!recognised) {
      errors.push({ file: name, line: lineOf([]), message: `not a format Signalbox imports: ${EXPECTED}` });
      continue;
    }
    docs.push({ file: name, data, source: recognised, lineOf });
  }
  if (errors.length === 0 && docs.length === 0) errors.push({ file: name, line: 1, message: `empty file: ${EXPECTED}` });
  // Kubernetes files often carry a stray document of another kind (a Helm NOTES block, a CRD):
  // only a file where nothing is recognised is refused.
  if (docs.some((d) => d.source === 'kubernetes')) return { docs, errors: [] };
  return { docs, errors };
}

function describe(source: ImportSource): string {
  return {
    compose: 'a docker-compose file',
    kubernetes: 'a Kubernetes manifest',
    asyncapi: 'an AsyncAPI document',
    openapi: 'an OpenAPI document',
  }[source];
}

/** `2s`, `500ms`, `1m`, `1.5s`, `0.25s` (Istio and Kubernetes durations) in milliseconds. */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!m) return undefined;
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  const ms = Math.round(Number(m[1]) * factor);
  return ms > 0 ? ms : undefined;
}
