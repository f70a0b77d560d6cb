import type { Design, Link } from '../model/types';
import { slugify, createUniqueNamer } from './slug';

/** One JSON Schema (2020-12) file: a CloudEvents 1.0 envelope around one message. */
export interface EventSchemaFile {
  /** `<message-slug>.schema.json` */
  fileName: string;
  /** The CloudEvents `type` the envelope requires. */
  type: string;
  schema: Record<string, unknown>;
  text: string;
}

/** JSON Schema 2020-12 keywords (core, applicator, validation, meta-data, format, content, unevaluated). */
const KEYWORDS = new Set([
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$ref',
  '$dynamicRef',
  '$defs',
  '$comment',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
/** Keywords whose value is a schema, a list of schemas, or a map of them. */
const ONE = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const MAP = new Set(['$defs', 'properties', 'patternProperties', 'dependentSchemas']);
/** The formats 2020-12 defines that the common validators (ajv-formats) check. */
const FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);
const COUNTS = new Set([
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
]);
const NUMBERS = new Set(['maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum']);
const FLAGS = new Set(['uniqueItems', 'deprecated', 'readOnly', 'writeOnly']);
const TEXTS = new Set(['title', 'description', '$comment', 'contentEncoding', 'contentMediaType']);

/** Whether a keyword's value is one the meta-schema accepts (only for keywords with a plain value). */
function validValue(keyword: string, value: unknown): boolean {
  if (COUNTS.has(keyword)) return Number.isInteger(value) && (value as number) >= 0;
  if (NUMBERS.has(keyword)) return typeof value === 'number' && Number.isFinite(value);
  if (keyword === 'multipleOf') return typeof value === 'number' && Number.isFinite(value) && value > 0;
  if (FLAGS.has(keyword)) return typeof value === 'boolean';
  if (TEXTS.has(keyword)) return typeof value === 'string';
  if (keyword === 'enum' || keyword === 'examples') return Array.isArray(value);
  if (keyword === 'pattern') {
    if (typeof value !== 'string') return false;
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  }
  if (keyword === 'dependentRequired')
    return (
      !!value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every(
        (list) => Array.isArray(list) && list.every((item) => typeof item === 'string') && new Set(list).size === list.length,
      )
    );
  return !['$id', '$anchor', '$dynamicAnchor'].includes(keyword);
}

const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);

const DROP = Symbol('drop');

/** The keyword's value as a strict validator accepts it, or DROP. */
function keepKeyword(keyword: string, value: unknown, depth: number): unknown {
  if (ONE.has(keyword)) return strictSchema(Array.isArray(value) && keyword === 'items' ? {} : value, depth + 1);
  if (LIST.has(keyword))
    return Array.isArray(value) && value.length > 0 ? value.map((item) => strictSchema(item, depth + 1)) : DROP;
  if (MAP.has(keyword))
    return value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name, strictSchema(item, depth + 1)]))
      : DROP;
  if (keyword === 'format') return typeof value === 'string' && FORMATS.has(value) ? value : DROP;
  if (keyword === 'type') {
    const types = (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string' && TYPES.has(t));
    return types.length === 0 ? DROP : types.length === 1 ? types[0] : [...new Set(types)];
  }
  // Only references inside the message's own schema resolve: anything else would fail to compile.
  if (keyword === '$ref' || keyword === '$dynamicRef')
    return typeof value === 'string' && /^#(\/\$defs\/|\/definitions\/)?[^/]*$/.test(value)
      ? value.replace('#/definitions/', '#/$defs/')
      : DROP;
  if (keyword === 'required')
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...new Set(value)] : DROP;
  return validValue(keyword, value) ? value : DROP;
}

/**
 * A message schema as a strict 2020-12 validator accepts it: keywords outside the vocabulary
 * (`example`, `x-...`), unknown formats and types, draft-07 `definitions` are dropped or moved,
 * and each drop is named in `$comment` so a reader sees what the design said.
 */
export function strictSchema(schema: unknown, depth = 0): unknown {
  if (typeof schema === 'boolean') return schema;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || depth > 32) return {};
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    const target = key === 'definitions' ? '$defs' : key;
    const kept = KEYWORDS.has(target) ? keepKeyword(target, value, depth) : DROP;
    if (kept === DROP) dropped.push(key);
    else out[target] = kept;
  }
  if (dropped.length > 0) out.$comment = `Not JSON Schema 2020-12, left out: ${dropped.join(', ')}`;
  return byType(out);
}

/** Keywords that only apply to one kind of value (ajv's `strictTypes` wants that type stated beside them). */
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  object: [
    'properties',
    'patternProperties',
    'additionalProperties',
    'propertyNames',
    'required',
    'dependentRequired',
    'dependentSchemas',
    'minProperties',
    'maxProperties',
    'unevaluatedProperties',
  ],
  array: [
    'items',
    'prefixItems',
    'contains',
    'minItems',
    'maxItems',
    'uniqueItems',
    'minContains',
    'maxContains',
    'unevaluatedItems',
  ],
};
const KIND_OF: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  object: 'object',
  array: 'array',
};

/**
 * The same schema with each type-specific keyword beside its type, as strict validators want it.
 * JSON Schema ignores a keyword for values of other types, so `{ minLength: 2 }` means "not a
 * string, or a string of 2 or more": written as that `anyOf`, and a union `type` as one branch
 * per type. Meaning is unchanged; keywords for types the schema excludes are no-ops and dropped.
 */
function byType(schema: Record<string, unknown>): Record<string, unknown> {
  const declared = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);
  const kinds = new Map<string, string[]>();
  for (const [kind, keywords] of Object.entries(TYPE_KEYWORDS))
    for (const keyword of keywords) if (keyword in schema) kinds.set(kind, [...(kinds.get(kind) ?? []), keyword]);
  const declaredKinds = declared?.filter((type) => type !== 'null');
  if (declaredKinds && declaredKinds.length === 1) {
    const kind = KIND_OF[declaredKinds[0]!];
    const out = { ...schema };
    for (const [other, keywords] of kinds) if (other !== kind) for (const keyword of keywords) delete out[keyword];
    // format also checks numbers for ajv: it may stay beside a number type.
    if (kind === 'number' && 'format' in schema) out.format = schema.format;
    return out;
  }
  if (kinds.size === 0 && (!declaredKinds || declaredKinds.length === 0)) return schema;
  const generic: Record<string, unknown> = {};
  const specific: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type') continue;
    (Object.values(TYPE_KEYWORDS).some((keywords) => keywords.includes(key)) ? specific : generic)[key] = value;
  }
  const branch = (type: string): Record<string, unknown> => {
    const out: Record<string, unknown> = { type };
    for (const keyword of TYPE_KEYWORDS[KIND_OF[type] ?? ''] ?? []) if (keyword in specific) out[keyword] = specific[keyword];
    return out;
  };
  const branches = declared
    ? declared.map(branch)
    : [{ not: { anyOf: [...kinds.keys()].map((kind) => ({ type: kind })) } }, ...[...kinds.keys()].map(branch)];
  const anyOf = { anyOf: branches };
  if (generic.anyOf === undefined) return { ...generic, ...anyOf };
  return { ...generic, allOf: [...((generic.allOf as unknown[]) ?? []), anyOf] };
}

interface MessageUse {
  link: Link;
  channels: Set<string>;
}

/**
 * One schema per message a service publishes (the message's name and version; a channel's
 * messages without a name are named after the channel). The `data` schema is its own resource
 * (`$id`), so the message's `#/$defs/...` references resolve inside it.
 */
export function eventSchemaFiles(design: Design): EventSchemaFile[] {
  const messages = new Map<string, MessageUse>();
  for (const link of design.links) {
    if (link.kind !== 'async' || design.nodes[link.from]?.kind === 'broker' || !link.message) continue;
    const name = link.message.name ?? link.channel ?? 'message';
    const key = JSON.stringify([name, String(link.message.version ?? '')]);
    const use = messages.get(key) ?? { link, channels: new Set<string>() };
    if (link.channel !== undefined) use.channels.add(link.channel);
    if (!use.link.message?.schema && link.message.schema) use.link = link;
    messages.set(key, use);
  }
  const unique = createUniqueNamer();
  const design_ = slugify(design.name, 'design');
  return [...messages.values()].map(({ link, channels }) => {
    const message = link.message!;
    const name = message.name ?? link.channel ?? 'message';
    const version = message.version !== undefined ? String(message.version) : undefined;
    const slug = unique(`${slugify(name, 'message')}${version !== undefined ? `-v${slugify(version, '0')}` : ''}`);
    const type = `${design_}.${slugify(name, 'message')}${version !== undefined ? `.v${slugify(version, '0')}` : ''}`;
    const data = message.schema
      ? (strictSchema(message.schema) as Record<string, unknown>)
      : { $comment: 'The design does not state this message schema.' };
    const schema: Record<string, unknown> = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:signalbox:${design_}:${slug}`,
      title: `${name}${version !== undefined ? ` v${version}` : ''} (CloudEvents 1.0)`,
      description: `Published by ${design.nodes[link.from]?.name ?? link.from} on ${[...channels].join(', ') || 'its channel'}.`,
      type: 'object',
      required: ['specversion', 'id', 'source', 'type', 'data'],
      properties: {
        specversion: { const: '1.0' },
        id: { type: 'string', minLength: 1 },
        source: { type: 'string', format: 'uri-reference', minLength: 1 },
        type: { const: type },
        subject: { type: 'string', minLength: 1 },
        time: { type: 'string', format: 'date-time' },
        datacontenttype: { const: 'application/json' },
        dataschema: { type: 'string', format: 'uri' },
        correlationid: {
          type: 'string',
          minLength: 1,
          description: 'CloudEvents extension: the id shared by every event of one business transaction.',
        },
        data: { ...data, $id: `urn:signalbox:${design_}:${slug}:data` },
      },
    };
    return { fileName: `${slug}.schema.json`, type, schema, text: `${JSON.stringify(schema, null, 2)}\n` };
  });
}
