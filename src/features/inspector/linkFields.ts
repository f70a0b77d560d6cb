/**
 * The link inspector as data: which fields it has, in which section, with which label, codec and
 * hint, and for which link kinds. `LinkInspector.tsx` only renders this table with the shared
 * field components; what a field does to a link is `patchLinkField`, tested in Node.
 */
import type { z } from 'zod';
import type { Link } from '../../core/model/types';
import { BACKOFFS, COMPATIBILITIES, DELIVERIES, GATEWAY_AUTHS, PATTERNS, PROTOCOLS } from '../../core/model/types';
import type { Patch } from '../../core/model/edit';
import { breakerSchema, bulkheadSchema, linkSchema, messageSchema, retrySchema } from '../../core/model/schema';
import { jsonCodec, listCodec, numberCodec, textCodec, versionCodec, type FieldCodec } from './fieldCodecs';
import { toOptions, type SelectOption } from './selectOptions';

export type LinkKind = Link['kind'];

/** The link keys that hold an object the inspector edits key by key. */
export const NESTED_SCHEMAS = {
  retry: retrySchema,
  breaker: breakerSchema,
  bulkhead: bulkheadSchema,
  message: messageSchema,
} as const;
export type Nested = keyof typeof NESTED_SCHEMAS;

/** Where a field's value sits: a key of the link, or a key of one of its nested objects. */
export type LinkFieldPath = readonly [keyof Link & string] | readonly [Nested, string];

/** How a text field's text becomes a value; the codec is built from the schema at the field's path. */
export type TextInput = 'text' | 'number' | 'lines' | 'json' | 'version';

interface FieldBase {
  path: LinkFieldPath;
  label: string;
  /** Shown for these link kinds only (and whenever it holds a value); all kinds when absent. */
  kinds?: readonly LinkKind[];
}

export type LinkField =
  | (FieldBase & {
      control: 'text';
      input: TextInput;
      codec: FieldCodec;
      numeric?: boolean;
      multiline?: boolean;
      rows?: number;
      mono?: boolean;
      placeholder?: string;
      hint?: string;
    })
  | (FieldBase & { control: 'select'; options: readonly SelectOption[]; optional?: boolean })
  /** A three-way select (not set / yes / no): "not stated" differs from "no". */
  | (FieldBase & { control: 'boolean' });

export interface LinkSection {
  title: string;
  /** Shown for these link kinds, and for any link where one of its fields holds a value. */
  kinds: readonly LinkKind[];
  fields: readonly LinkField[];
}

/** The zod schema of the value at a path: the codec validates exactly what a file load would. */
export function getFieldSchema(path: LinkFieldPath): z.ZodType {
  const shape: Record<string, z.ZodType | undefined> = path.length === 1 ? linkSchema.shape : NESTED_SCHEMAS[path[0]].shape;
  const schema = shape[path.length === 1 ? path[0] : path[1]];
  if (!schema) throw new Error(`no schema for link field ${path.join('.')}`);
  return schema;
}

const CODEC_FOR: Record<TextInput, (schema: z.ZodType) => FieldCodec> = {
  text: textCodec,
  number: numberCodec,
  lines: (schema) => listCodec(schema, 'line'),
  json: jsonCodec,
  version: versionCodec,
};

type TextExtra = Omit<Extract<LinkField, { control: 'text' }>, 'control' | 'input' | 'codec' | 'path' | 'label'>;

const text = (path: LinkFieldPath, label: string, input: TextInput, extra: TextExtra = {}): LinkField => ({
  control: 'text',
  path,
  label,
  input,
  codec: CODEC_FOR[input](getFieldSchema(path)),
  ...(input === 'number' ? { numeric: true } : {}),
  ...extra,
});
const select = (path: LinkFieldPath, label: string, values: readonly string[], kinds?: readonly LinkKind[]): LinkField => ({
  control: 'select',
  path,
  label,
  options: toOptions(values),
  ...(kinds ? { kinds } : {}),
});
const flag = (path: LinkFieldPath, label: string): LinkField => ({ control: 'boolean', path, label });

export const LINK_KIND_OPTIONS: readonly SelectOption[] = [
  { value: 'sync', label: 'Sync (request / response)' },
  { value: 'async', label: 'Async (message)' },
];

const BOTH: readonly LinkKind[] = ['sync', 'async'];

export const LINK_SECTIONS: readonly LinkSection[] = [
  {
    title: 'Link',
    kinds: BOTH,
    fields: [
      { control: 'select', path: ['kind'], label: 'Link kind', options: LINK_KIND_OPTIONS, optional: false },
      select(['protocol'], 'Protocol', PROTOCOLS, ['sync']),
      text(['channel'], 'Channel', 'text', { kinds: ['async'], placeholder: 'topic / queue', mono: true }),
      flag(['idempotent'], 'Idempotent'),
    ],
  },
  {
    title: 'Contract',
    kinds: ['sync'],
    fields: [
      text(['version'], 'Version', 'text', { placeholder: 'v1' }),
      text(['operations'], 'Operations', 'lines', {
        multiline: true,
        mono: true,
        placeholder: 'POST /orders\nGET /orders/{id}',
        hint: 'One per line: REST “METHOD /path”, gRPC “Service/Method”.',
      }),
      select(['auth'], 'Auth', GATEWAY_AUTHS),
    ],
  },
  {
    title: 'Resilience',
    kinds: ['sync'],
    fields: [
      text(['timeoutMs'], 'Timeout (ms)', 'number'),
      text(['breaker', 'failureRatePct'], 'Breaker failure rate (%)', 'number'),
      text(['breaker', 'openMs'], 'Breaker open (ms)', 'number'),
      text(['breaker', 'fallback'], 'Fallback', 'text'),
      text(['bulkhead', 'maxConcurrent'], 'Bulkhead max concurrent', 'number'),
    ],
  },
  {
    title: 'Retry',
    kinds: BOTH,
    fields: [
      text(['retry', 'max'], 'Max retries', 'number'),
      select(['retry', 'backoff'], 'Backoff', BACKOFFS),
      flag(['retry', 'jitter'], 'Jitter'),
      text(['retry', 'baseMs'], 'Base delay (ms)', 'number'),
    ],
  },
  {
    title: 'Messaging',
    kinds: ['async'],
    fields: [
      select(['pattern'], 'Pattern', PATTERNS),
      select(['delivery'], 'Delivery', DELIVERIES),
      text(['dlq'], 'Dead-letter channel', 'text', { mono: true, placeholder: 'order.created.dlq' }),
      text(['dlqReplay'], 'Dead-letter replay', 'text', { placeholder: 'how dead letters are replayed' }),
      text(['consumerGroup'], 'Consumer group', 'text'),
      flag(['traceContext'], 'Trace context in headers'),
      text(['message', 'name'], 'Message name', 'text', { placeholder: 'OrderCreated' }),
      text(['message', 'version'], 'Message version', 'version'),
      select(['message', 'compatibility'], 'Compatibility', COMPATIBILITIES),
      text(['message', 'schema'], 'Message schema (JSON)', 'json', {
        multiline: true,
        rows: 6,
        mono: true,
        placeholder: '{ "type": "object" }',
      }),
    ],
  },
  {
    title: 'Notes',
    kinds: BOTH,
    fields: [text(['notes'], 'Notes', 'text', { multiline: true, rows: 3 })],
  },
];

export const LINK_FIELDS: readonly LinkField[] = LINK_SECTIONS.flatMap((s) => s.fields);

/** `timeoutMs`, `retry.max`: a field's name in coalesce keys and messages. */
export const getFieldKey = (field: LinkField): string => field.path.join('.');

export function getFieldValue(link: Link, path: LinkFieldPath): unknown {
  const top = link[path[0]];
  if (path.length === 1) return top;
  return (top as Record<string, unknown> | undefined)?.[path[1]];
}

const holdsValue = (link: Link, field: LinkField) => link[field.path[0]] !== undefined;

export const showsField = (link: Link, field: LinkField): boolean =>
  !field.kinds || field.kinds.includes(link.kind) || holdsValue(link, field);

export const showsSection = (link: Link, section: LinkSection): boolean =>
  section.kinds.includes(link.kind) || section.fields.some((f) => holdsValue(link, f));

export type LinkFieldChange = { ok: true; patch: Patch<Link> } | { ok: false; error: string };

/**
 * The patch a field's new value makes to a link (undefined removes the key). Changing the kind
 * brings what the other kind needs (a channel for async, a protocol for sync); a nested key is set
 * inside its object, an object left empty goes away, and the whole object must still validate
 * (a retry needs its max first).
 */
export function patchLinkField(link: Link, field: LinkField, value: unknown): LinkFieldChange {
  const path = field.path;
  if (path.length === 1) {
    if (path[0] !== 'kind') return { ok: true, patch: { [path[0]]: value } };
    if (value === 'async')
      return { ok: true, patch: { kind: 'async', protocol: undefined, channel: link.channel ?? `${link.from}.events` } };
    if (value === 'sync') return { ok: true, patch: { kind: 'sync', channel: undefined, protocol: link.protocol ?? 'rest' } };
    return { ok: false, error: 'a link is sync or async' };
  }
  const [key, sub] = path;
  const next: Record<string, unknown> = { ...((link[key] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete next[sub];
  else next[sub] = value;
  if (Object.keys(next).length === 0) return { ok: true, patch: { [key]: undefined } };
  const checked = NESTED_SCHEMAS[key].safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const failing = String(issue?.path[0] ?? '');
    const name = LINK_FIELDS.find((f) => f.path[0] === key && f.path[1] === failing)?.label ?? failing;
    return { ok: false, error: `${name}: ${issue?.message ?? 'invalid'}${failing !== sub ? ' (set it first)' : ''}` };
  }
  return { ok: true, patch: { [key]: next } };
}
