import { stringify } from 'yaml';
import type { Design, Link } from '../model/types';
import { createNodeFileNamer } from './slug';
import { withLinkDefaults } from '../model/defaults';

/**
 * encodeURIComponent, but whole code points (an emoji is one) and a lone surrogate, which
 * encodeURIComponent throws on (URIError), written as U+FFFD: a path stays a path.
 */
function encodeUriPart(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));
}

/** One OpenAPI 3.1.0 document for one service or gateway that receives sync REST calls. */
export interface OpenApiFile {
  nodeId: string;
  /** `<node-id>.openapi.yaml` */
  fileName: string;
  document: Record<string, unknown>;
  text: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];
const WITH_BODY = new Set<Method>(['post', 'put', 'patch']);
const OPERATION = /^\s*([A-Za-z]+)\s+(\/.*?)\s*$/s;

interface Route {
  method: Method;
  /** The path template as written to the document. */
  path: string;
  params: string[];
  summary: string;
}

/** A link is a REST call when it says so, or says nothing but names `METHOD /path` operations. */
export function isRestCall(link: Link): boolean {
  if (link.kind !== 'sync') return false;
  if (link.protocol !== undefined) return link.protocol === 'rest';
  return (link.operations ?? []).some((operation) => OPERATION.test(operation));
}

/**
 * `GET /orders/{id}` to a route. Literal path characters outside RFC 3986's path set are
 * percent-encoded and parameter names made safe, so any text gives a valid path; an operation
 * that is not `METHOD /path` (a gRPC-style name, free text) becomes `POST /<slug>`.
 */
export function parseRestOperation(operation: string): Route {
  const match = OPERATION.exec(operation);
  const method = match?.[1]?.toLowerCase();
  if (!match || !METHODS.includes(method as Method)) {
    const slug = operation
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return { method: 'post', path: `/${slug || 'operation'}`, params: [], summary: operation };
  }
  const params: string[] = [];
  const path = match[2]!.replace(/\{([^{}/]*)\}|[^{}]+|[{}]/g, (part, name: string | undefined) => {
    if (name === undefined)
      return part.replace(/[^A-Za-z0-9\-._~!$&'()*+,=:@/]/gu, (char) => encodeUriPart(char).replace(/'/g, '%27'));
    let param = name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'param';
    const base = param;
    for (let i = 2; params.includes(param); i++) param = `${base}${i}`;
    params.push(param);
    return `{${param}}`;
  });
  return { method: method as Method, path, params, summary: operation };
}

/** `post /orders/{id}/items` -> `postOrdersIdItems`: only letters and digits, so any tool accepts it. */
function operationIdOf(route: Route): string {
  const words = route.path.match(/[A-Za-z0-9]+/g) ?? [];
  return route.method + (words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('') || 'Root');
}

function versionOf(link: Link): string | undefined {
  if (link.version === undefined) return undefined;
  const version = String(link.version).trim();
  return /^v?\d/.test(version) && !version.startsWith('v') ? `v${version}` : version;
}

interface OperationEntry {
  route: Route;
  callers: Link[];
}

/** Per-caller settings, keyed by the caller's node id; absent when no caller states any. */
function byCaller(callers: Link[], pick: (link: Link) => unknown): Record<string, unknown> | undefined {
  const entries = callers.map((link) => [link.from, pick(link)] as const).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function definedEntries(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function openApiFor(design: Design, nodeId: string, calls: Link[]): Record<string, unknown> {
  const node = design.nodes[nodeId]!;
  // Paths that differ only in parameter names are one path to OpenAPI: the first spelling wins.
  const byShape = new Map<string, string>();
  const operations = new Map<string, OperationEntry>();
  for (const link of calls) {
    const declared = link.operations?.length ? link.operations : ['GET /'];
    for (const operation of declared) {
      const parsed = parseRestOperation(operation);
      const shape = parsed.path.replace(/\{[^{}]*\}/g, '{}');
      const path = byShape.get(shape) ?? parsed.path;
      byShape.set(shape, path);
      const route = path === parsed.path ? parsed : { ...parsed, path, params: parseRestOperation(`GET ${path}`).params };
      const key = `${route.method} ${path}`;
      const entry = operations.get(key) ?? { route, callers: [] };
      if (!entry.callers.includes(link)) entry.callers.push(link);
      operations.set(key, entry);
    }
  }

  const usedIds = new Set<string>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { route, callers } of operations.values()) {
    let operationId = operationIdOf(route);
    for (let i = 2; usedIds.has(operationId); i++) operationId = `${operationIdOf(route)}${i}`;
    usedIds.add(operationId);
    const json = { 'application/json': { schema: { type: 'object' } } };
    const stub = callers.every((link) => !link.operations?.length);
    (paths[route.path] ??= {})[route.method] = definedEntries({
      operationId,
      summary: stub ? `${node.name}: operations not listed in the design` : route.summary,
      parameters:
        route.params.length > 0
          ? route.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
          : undefined,
      requestBody: WITH_BODY.has(route.method) ? { required: true, content: json } : undefined,
      responses: {
        [route.method === 'post' ? '201' : '200']: { description: 'Success', content: json },
        default: { description: 'Error' },
      },
      'x-signalbox-stub': stub ? true : undefined,
      'x-signalbox-callers': [...new Set(callers.map((link) => link.from))],
      'x-signalbox-idempotent': byCaller(callers, (link) => link.idempotent),
      'x-signalbox-timeout-ms': byCaller(callers, (link) => link.timeoutMs),
      'x-signalbox-retry': byCaller(callers, (link) => link.retry),
      'x-signalbox-breaker': byCaller(callers, (link) => link.breaker),
      'x-signalbox-bulkhead': byCaller(callers, (link) => link.bulkhead),
    });
  }

  const versions = [...new Set(calls.map(versionOf).filter((version) => version !== undefined))];
  const servers = versions.length > 0 ? versions.map((version) => ({ url: `/${encodeUriPart(version)}` })) : [{ url: '/' }];
  return {
    openapi: '3.1.0',
    info: definedEntries({
      title: `${node.name} API`,
      version: versions[0] ?? '1.0.0',
      description: node.notes ?? design.description,
      'x-signalbox-node': nodeId,
      'x-signalbox-design': design.name,
    }),
    servers,
    paths,
  };
}

/** One OpenAPI 3.1.0 document per service or gateway that receives sync REST calls, in design order. */
export function openApiDocuments(stated: Design): OpenApiFile[] {
  // x-signalbox-* shows the timeout and retry a call really has, its own or the design's default.
  const design = withLinkDefaults(stated);
  const callsTo = new Map<string, Link[]>();
  for (const link of design.links) {
    const kind = design.nodes[link.to]?.kind;
    if ((kind === 'service' || kind === 'gateway') && isRestCall(link))
      (callsTo.get(link.to) ?? callsTo.set(link.to, []).get(link.to)!).push(link);
  }
  const fileBase = createNodeFileNamer();
  return Object.keys(design.nodes)
    .filter((id) => callsTo.has(id))
    .map((nodeId) => {
      const document = openApiFor(design, nodeId, callsTo.get(nodeId)!);
      return {
        nodeId,
        fileName: `${fileBase(nodeId)}.openapi.yaml`,
        document,
        text: stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }),
      };
    });
}
