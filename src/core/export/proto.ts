import type { Design, Link } from '../model/types';
import { commentText, createIdentifierNamer, toPascalIdentifier, toSnakeIdentifier } from './deployNames';
import { createNodeFileNamer } from './slug';

/** One proto3 file for one service that receives gRPC calls. */
export interface ProtoFile {
  nodeId: string;
  /** `<node-id>.proto` (the id made file-name safe) */
  fileName: string;
  text: string;
}

interface Rpc {
  method: string;
  request: string;
  response: string;
  /** The operation as the design writes it, for the comment. */
  operation: string;
  callers: string[];
  /** The request schema when a caller states one. */
  schema?: Record<string, unknown>;
}

/** Words protoc reads as scalar types or keywords where a message name stands. */
const RESERVED = new Set(['Empty', 'Any', 'Struct', 'Value', 'Timestamp', 'Duration']);

export function isGrpcCall(link: Link): boolean {
  return link.kind === 'sync' && link.protocol === 'grpc';
}

/** `shop.orders.v1.OrderService/Create` -> package, service, method; missing parts are undefined. */
export function parseGrpcOperation(operation: string): { pkg?: string; service?: string; method: string } {
  const slash = operation.lastIndexOf('/');
  const method = operation.slice(slash + 1).trim();
  if (slash < 0) return { method };
  const qualified = operation.slice(0, slash).trim().replace(/^\//, '');
  const dot = qualified.lastIndexOf('.');
  return dot < 0 ? { service: qualified, method } : { pkg: qualified.slice(0, dot), service: qualified.slice(dot + 1), method };
}

/** `shop.orders.v1` kept when every part is an identifier; otherwise each part made one. */
function packageName(text: string): string {
  const parts = text
    .split('.')
    .map((part) => toSnakeIdentifier(part, 'p'))
    .filter((part) => part !== '');
  return parts.join('.') || 'signalbox';
}

function schemaOf(link: Link): Record<string, unknown> | undefined {
  const schema = link.message?.schema;
  return schema && typeof schema === 'object' && !Array.isArray(schema) ? schema : undefined;
}

interface MessageWriter {
  lines: string[];
}

const SCALARS: Record<string, string> = { string: 'string', integer: 'int64', number: 'double', boolean: 'bool' };

/** A JSON Schema's `type` (a string or a list) as one type name, `null` dropped. */
function typeOf(schema: unknown): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return (schema as { properties?: unknown }).properties ? 'object' : undefined;
}

/**
 * Fields from a JSON Schema's properties. Names are made proto identifiers, unique also as protoc
 * compares them for JSON (case and underscores ignored); nested objects become nested messages.
 */
function writeMessage(
  writer: MessageWriter,
  name: string,
  schema: Record<string, unknown> | undefined,
  indent: string,
  depth = 0,
): void {
  const { lines } = writer;
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object' || Array.isArray(properties) || Object.keys(properties).length === 0) {
    lines.push(`${indent}// The design does not state this message's fields.`, `${indent}message ${name} {}`);
    return;
  }
  lines.push(`${indent}message ${name} {`);
  const taken = new Set<string>();
  const nested = createIdentifierNamer();
  let number = 1;
  for (const [property, value] of Object.entries(properties as Record<string, unknown>)) {
    if (number >= 19000) break; // 19000-19999 are reserved by protobuf; no real message gets near it
    let field = toSnakeIdentifier(property, 'field');
    for (let i = 2; taken.has(field.replace(/_/g, '')); i++) field = `${toSnakeIdentifier(property, 'field')}_${i}`;
    taken.add(field.replace(/_/g, ''));
    let type = typeOf(value);
    let repeated = false;
    let items: unknown = value;
    if (type === 'array') {
      repeated = true;
      items = (value as { items?: unknown }).items;
      type = typeOf(items);
      if (type === 'array') type = undefined; // a list of lists has no proto3 field type: kept as JSON text
    }
    let protoType = type ? SCALARS[type] : undefined;
    if (type === 'object' && depth < 8) {
      protoType = nested(toPascalIdentifier(property, 'Nested'));
      if (RESERVED.has(protoType) || protoType === name) protoType = nested(`${protoType}Message`);
      writeMessage(writer, protoType, items as Record<string, unknown>, `${indent}  `, depth + 1);
    }
    const comment = protoType ? '' : ' // not a scalar or object in the design: JSON text';
    lines.push(`${indent}  ${repeated ? 'repeated ' : ''}${protoType ?? 'string'} ${field} = ${number};${comment}`);
    if (property !== field) lines.push(`${indent}  // ${field}: "${commentText(property)}" in the design`);
    number++;
  }
  lines.push(`${indent}}`);
}

function protoFor(design: Design, nodeId: string, calls: Link[]): string {
  const node = design.nodes[nodeId]!;
  // Services by name, each with its rpcs; the package is the first one an operation names.
  let pkg: string | undefined;
  const services = new Map<string, Map<string, Rpc>>();
  const messageName = createIdentifierNamer();
  for (const name of RESERVED) messageName(name);
  const defaultService = `${toPascalIdentifier(node.name, 'Service')}Service`.replace(/ServiceService$/, 'Service');
  for (const link of calls) {
    const operations = link.operations?.length ? link.operations : [`${defaultService}/Call`];
    for (const operation of operations) {
      const parsed = parseGrpcOperation(operation);
      if (parsed.pkg !== undefined) pkg ??= packageName(parsed.pkg);
      const service = parsed.service ? toPascalIdentifier(parsed.service, 'Service') : defaultService;
      const method = toPascalIdentifier(parsed.method, 'Call');
      const rpcs = services.get(service) ?? new Map<string, Rpc>();
      services.set(service, rpcs);
      const rpc = rpcs.get(method);
      if (rpc) {
        if (!rpc.callers.includes(link.from)) rpc.callers.push(link.from);
        rpc.schema ??= schemaOf(link);
        continue;
      }
      rpcs.set(method, {
        method,
        request: messageName(`${method}Request`),
        response: messageName(`${method}Response`),
        operation,
        callers: [link.from],
        schema: schemaOf(link),
      });
    }
  }
  pkg ??= packageName(`${nodeId}${calls[0]?.version !== undefined ? `.${String(calls[0].version)}` : ''}`);

  const lines = [
    `// ${commentText(node.name)} (${commentText(nodeId)}): gRPC services generated by Signalbox from "${commentText(design.name)}".`,
    'syntax = "proto3";',
    '',
    `package ${pkg};`,
    '',
  ];
  const writer: MessageWriter = { lines };
  const serviceNames = createIdentifierNamer();
  for (const [service, rpcs] of services) {
    const name = serviceNames(RESERVED.has(service) ? `${service}Service` : service);
    lines.push(`service ${name} {`);
    for (const rpc of rpcs.values()) {
      lines.push(`  // ${commentText(rpc.operation)}; called by ${rpc.callers.map(commentText).join(', ')}`);
      lines.push(`  rpc ${rpc.method}(${rpc.request}) returns (${rpc.response});`);
    }
    lines.push('}', '');
    for (const rpc of rpcs.values()) {
      writeMessage(writer, rpc.request, rpc.schema, '');
      lines.push('');
      writeMessage(writer, rpc.response, undefined, '');
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** One proto3 file per service that receives gRPC calls, in design order. */
export function protoFiles(design: Design): ProtoFile[] {
  const callsTo = new Map<string, Link[]>();
  for (const link of design.links) {
    if (design.nodes[link.to]?.kind === 'service' && isGrpcCall(link))
      (callsTo.get(link.to) ?? callsTo.set(link.to, []).get(link.to)!).push(link);
  }
  const fileBase = createNodeFileNamer();
  return Object.keys(design.nodes)
    .filter((id) => callsTo.has(id))
    .map((nodeId) => ({ nodeId, fileName: `${fileBase(nodeId)}.proto`, text: protoFor(design, nodeId, callsTo.get(nodeId)!) }));
}
