import { z } from 'zod';
import {
  BACKOFFS,
  COMPATIBILITIES,
  CONSISTENCIES,
  DELIVERIES,
  DISCOVERIES,
  GATEWAY_AUTHS,
  LINK_KINDS,
  LOAD_BALANCINGS,
  NODE_KINDS,
  PATTERNS,
  PLATFORMS,
  PROTOCOLS,
  SAGAS,
  SEVERITIES,
  TRACE_PROPAGATIONS,
} from './types';

// Messages follow format.md: `links[3].timeoutMs: expected a positive integer`.
// A missing required key says `required` rather than what type it expected.
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : what);
const positiveInt = z
  .number({ error: expected('expected a positive integer') })
  .int({ error: expected('expected a positive integer') })
  .positive({ error: expected('expected a positive integer') });
const nonNegativeInt = z
  .number({ error: expected('expected a whole number >= 0') })
  .int({ error: expected('expected a whole number >= 0') })
  .min(0, { error: expected('expected a whole number >= 0') });
const nonNegative = z.number({ error: expected('expected a number >= 0') }).min(0, { error: expected('expected a number >= 0') });
const percent = z
  .number({ error: expected('expected a percentage between 0 and 100') })
  .min(0, { error: expected('expected a percentage between 0 and 100') })
  .max(100, { error: expected('expected a percentage between 0 and 100') });
const text = z.string({ error: expected('expected text') });
const nonEmptyText = text.min(1, { error: expected('expected non-empty text') });
const bool = z.boolean({ error: expected('expected true or false') });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expected(`expected one of ${values.join(', ')}`) });

export { KNOWN_KEYS } from './keys';

export const retrySchema = z.looseObject({
  max: nonNegativeInt,
  backoff: oneOf(BACKOFFS).optional(),
  jitter: bool.optional(),
  baseMs: positiveInt.optional(),
});

export const breakerSchema = z.looseObject({
  failureRatePct: percent.optional(),
  openMs: positiveInt.optional(),
  fallback: text.optional(),
});

export const bulkheadSchema = z.looseObject({ maxConcurrent: positiveInt });

export const messageSchema = z.looseObject({
  name: text.optional(),
  version: z.union([z.number(), z.string()], { error: expected('expected a version number or text') }).optional(),
  schema: z.record(z.string(), z.unknown(), { error: expected('expected a JSON Schema object') }).optional(),
  compatibility: oneOf(COMPATIBILITIES).optional(),
});

export const nodeSchema = z.looseObject({
  kind: oneOf(NODE_KINDS),
  name: nonEmptyText,
  at: z.tuple([z.number(), z.number()], { error: expected('expected a position [x, y]') }).optional(),
  notes: text.optional(),
  tags: z.array(text, { error: expected('expected a list of text') }).optional(),
  group: text.optional(),
  team: text.optional(),
  replicas: positiveInt.optional(),
  availability: percent.optional(),
  latencyMs: nonNegative.optional(),
  tech: text.optional(),
  outbox: bool.optional(),
  discovery: oneOf(DISCOVERIES).optional(),
  healthCheck: bool.optional(),
  tracing: bool.optional(),
  eventSourced: bool.optional(),
  auth: oneOf(GATEWAY_AUTHS).optional(),
  rateLimitRps: positiveInt.optional(),
  // architecture document
  loadBalancing: oneOf(LOAD_BALANCINGS).optional(),
  transformations: z.array(text, { error: expected('expected a list of transformations') }).optional(),
  replayable: bool.optional(),
});

export const linkSchema = z.looseObject({
  id: nonEmptyText.optional(),
  from: nonEmptyText,
  to: nonEmptyText,
  kind: oneOf(LINK_KINDS),
  notes: text.optional(),
  protocol: oneOf(PROTOCOLS).optional(),
  version: z.union([text, z.number()], { error: expected('expected a version like v1') }).optional(),
  operations: z.array(text, { error: expected('expected a list of operations') }).optional(),
  timeoutMs: positiveInt.optional(),
  retry: retrySchema.optional(),
  breaker: breakerSchema.optional(),
  bulkhead: bulkheadSchema.optional(),
  idempotent: bool.optional(),
  auth: oneOf(GATEWAY_AUTHS).optional(),
  channel: nonEmptyText.optional(),
  message: messageSchema.optional(),
  delivery: oneOf(DELIVERIES).optional(),
  dlq: nonEmptyText.optional(),
  consumerGroup: text.optional(),
  pattern: oneOf(PATTERNS).optional(),
  // architecture document
  traceContext: bool.optional(),
  dlqReplay: text.optional(),
});

export const stepSchema = z.looseObject({
  link: nonEmptyText,
  compensation: text.optional(),
  readOnly: bool.optional(),
  pivot: bool.optional(),
});

export const flowSchema = z.looseObject({
  name: nonEmptyText,
  saga: oneOf(SAGAS).optional(),
  steps: z.array(stepSchema, { error: expected('expected a list of steps') }),
  // architecture document
  consistency: oneOf(CONSISTENCIES).optional(),
});

export const ruleSettingSchema = z.union(
  [
    z.literal('off'),
    z.literal(false),
    oneOf(SEVERITIES),
    z.looseObject({ max: z.number().optional(), min: z.number().optional(), severity: oneOf(SEVERITIES).optional() }),
  ],
  { error: expected('expected off, a severity (error, warning, info) or thresholds like { max: 3 }') },
);

// Link defaults (issue 10): the same checks as the link keys they stand for.
export const linkDefaultsSchema = z.looseObject(
  {
    timeoutMs: positiveInt.optional(),
    retry: retrySchema.optional(),
    delivery: oneOf(DELIVERIES).optional(),
    dlq: nonEmptyText.optional(),
  },
  { error: expected('expected a map of link defaults (timeoutMs, retry, delivery, dlq)') },
);
// Named views of a large design (issue 16): filters, focus and level, never edits.
const VIEW_LEVEL_VALUES = ['services', 'groups', 'teams'] as const;
const FOCUS_DIRECTION_VALUES = ['both', 'upstream', 'downstream'] as const;
const textList = z.array(text, { error: expected('expected a list of text') });
export const viewSchema = z.looseObject({
  level: oneOf(VIEW_LEVEL_VALUES).optional(),
  collapsed: textList.optional(),
  kinds: z.array(oneOf(NODE_KINDS), { error: expected(`expected a list of node kinds`) }).optional(),
  teams: textList.optional(),
  tags: textList.optional(),
  groups: textList.optional(),
  protocols: textList.optional(),
  severity: oneOf(SEVERITIES).optional(),
  focus: z
    .looseObject({ node: nonEmptyText, hops: nonNegativeInt, direction: oneOf(FOCUS_DIRECTION_VALUES).optional() })
    .optional(),
});

export const designSchema = z.looseObject({
  signalbox: positiveInt,
  name: nonEmptyText,
  description: text.optional(),
  nodes: z.record(z.string(), nodeSchema, { error: expected('expected a map of node id to node') }),
  links: z.array(linkSchema, { error: expected('expected a list of links') }).default([]),
  flows: z.array(flowSchema, { error: expected('expected a list of flows') }).optional(),
  rules: z.record(z.string(), ruleSettingSchema, { error: expected('expected a map of rule id to setting') }).optional(),
  defaults: linkDefaultsSchema.optional(),
  views: z.record(z.string(), viewSchema, { error: expected('expected a map of view name to view') }).optional(),
  // architecture document
  platform: oneOf(PLATFORMS).optional(),
  tracePropagation: oneOf(TRACE_PROPAGATIONS).optional(),
});
