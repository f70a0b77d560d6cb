import { KNOWN_KEYS } from '../model/schema';
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
  TRACE_PROPAGATIONS,
} from '../model/types';
import type { ObjectKind } from './context';

/** The keys each object of format.md knows, for key completion. */
export function getKeysFor(object: ObjectKind): readonly string[] {
  return object === 'other' ? [] : KNOWN_KEYS[object];
}

const BOOLEAN = ['true', 'false'] as const;

/** The values a key takes when they are a closed list (format.md), for value completion. */
export function getValuesFor(object: ObjectKind, key: string): readonly string[] {
  if (object === 'design') {
    if (key === 'platform') return PLATFORMS;
    if (key === 'tracePropagation') return TRACE_PROPAGATIONS;
  }
  if (object === 'node') {
    if (key === 'loadBalancing') return LOAD_BALANCINGS;
    if (key === 'replayable') return BOOLEAN;
    if (key === 'kind') return NODE_KINDS;
    if (key === 'auth') return GATEWAY_AUTHS;
    if (key === 'discovery') return DISCOVERIES;
    if (['outbox', 'healthCheck', 'tracing', 'eventSourced'].includes(key)) return BOOLEAN;
  }
  if (object === 'link') {
    if (key === 'kind') return LINK_KINDS;
    if (key === 'protocol') return PROTOCOLS;
    if (key === 'delivery') return DELIVERIES;
    if (key === 'auth') return GATEWAY_AUTHS;
    if (key === 'pattern') return PATTERNS;
    if (key === 'idempotent' || key === 'traceContext') return BOOLEAN;
  }
  if (object === 'retry') {
    if (key === 'backoff') return BACKOFFS;
    if (key === 'jitter') return BOOLEAN;
  }
  if (object === 'message' && key === 'compatibility') return COMPATIBILITIES;
  if (object === 'flow' && key === 'saga') return SAGAS;
  if (object === 'flow' && key === 'consistency') return CONSISTENCIES;
  if (object === 'step' && (key === 'readOnly' || key === 'pivot')) return BOOLEAN;
  return [];
}

/** Does the value of this key name a node (`from`, `to`) or a link (`link` in a step)? */
export function getReferenceFor(object: ObjectKind, key: string): 'node' | 'link' | undefined {
  if (object === 'link' && (key === 'from' || key === 'to')) return 'node';
  if (object === 'step' && key === 'link') return 'link';
  return undefined;
}

/** Keys whose value is an object: completing them opens one. */
const OBJECT_KEYS: Partial<Record<ObjectKind, readonly string[]>> = {
  design: ['nodes', 'rules'],
  link: ['retry', 'breaker', 'bulkhead', 'message'],
};
const LIST_KEYS: Partial<Record<ObjectKind, readonly string[]>> = {
  design: ['links', 'flows'],
  node: ['tags', 'transformations'],
  link: ['operations'],
  flow: ['steps'],
};

export function getValueShape(object: ObjectKind, key: string): 'object' | 'list' | 'scalar' {
  if (OBJECT_KEYS[object]?.includes(key)) return 'object';
  if (LIST_KEYS[object]?.includes(key)) return 'list';
  return 'scalar';
}

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

/** Short documentation per key, from format.md; `*` applies to a key in any object. */
const DOCS: Partial<Record<ObjectKind | '*', Record<string, string>>> = {
  design: {
    signalbox: 'Format version (integer). Required. A file newer than this Signalbox reads is refused.',
    name: "The design's name. Required, free text.",
    description: 'What the system does. Optional.',
    nodes: "A map of the design's nodes: the key is the node's id (`order:`), used by links.",
    links: "A list of links between nodes. A link's id is `from->to`, or `from->to:channel`.",
    flows: 'Named critical flows: ordered steps, each naming a link by its id (sequence diagrams, sagas).',
    rules:
      'Per-design rule settings: a rule id to `off`, a severity (`error`, `warning`, `info`) or thresholds like `{ max: 3 }`.',
    platform: `Where the system runs: ${list(PLATFORMS)}.`,
    tracePropagation: `How trace context travels between services: ${list(TRACE_PROPAGATIONS)}.`,
    defaults:
      'Link defaults: `timeoutMs` and `retry` for sync calls, `delivery` for messages, `dlq` (`{channel}.dlq`) for consumers, where a link states none.',
    views:
      'Named views of the design (filters, focus, level: `services`, `groups`, `teams`); what the canvas draws, never an edit.',
  },
  node: {
    kind: `What the node is: ${list(NODE_KINDS)}. Required.`,
    name: 'The name shown on the canvas. Required.',
    at: 'Canvas position `[x, y]`. Optional: a node without one is placed near the nodes it links to.',
    notes: 'Free text.',
    tags: 'A list of labels.',
    group: 'A bounded context: services in one group may share a datastore.',
    team: 'The team that owns it.',
    replicas: 'How many instances run (integer >= 1). Absent means unknown, never a failure.',
    availability: 'SLO in percent, like `99.9`.',
    latencyMs: 'Own processing time (p99), in milliseconds.',
    tech: 'The technology: `postgres`, `kafka`, `spring`...',
    outbox: 'The service publishes through a transactional outbox.',
    discovery: `How callers find the service: ${list(DISCOVERIES)}.`,
    healthCheck: 'The service exposes a health check.',
    tracing: 'The service propagates trace context.',
    eventSourced: 'The service stores its state as events.',
    auth: `Gateway authentication: ${list(GATEWAY_AUTHS)}.`,
    rateLimitRps: 'Gateway rate limit, requests per second.',
    loadBalancing: `How calls spread over the replicas: ${list(LOAD_BALANCINGS)}.`,
    transformations: 'Gateway request transformations, one per item: `strip /api prefix`, `add X-User-Id from the JWT`.',
    replayable: 'Broker: keeps messages so a consumer can replay them (a log, like Kafka). Unstated: judged from `tech`.',
  },
  link: {
    id: "Overrides the link's id (`from->to`, or `from->to:channel`). Ids are unique in a design.",
    from: "The calling or publishing node's id. Required.",
    to: "The called or consuming node's id. Required.",
    kind: '`sync`: a request/response call. `async`: a message (to a broker: publish; from a broker: consume).',
    notes: 'Free text.',
    protocol: `Sync protocol: ${list(PROTOCOLS)}. A sync link to a database is data access.`,
    version: 'API version on this contract, like `v1`.',
    operations: 'Operations called: REST `"METHOD /path"`, gRPC `"Service/Method"`.',
    timeoutMs: 'Client timeout in milliseconds (a positive integer).',
    retry: 'Retry policy: `{ max: 2, backoff: exponential, jitter: true, baseMs: 100 }`.',
    breaker: 'Circuit breaker: `{ failureRatePct: 50, openMs: 30000, fallback: ... }`.',
    bulkhead: 'Concurrency limit for this call: `{ maxConcurrent: 50 }`.',
    idempotent: 'Repeating the call or message is safe (the receiver de-duplicates).',
    auth: `How the caller authenticates: ${list(GATEWAY_AUTHS)}.`,
    channel: "Topic, queue or routing key of an async link. Part of the link's id.",
    message: 'The message: `name`, `version`, `schema` (JSON Schema), `compatibility`.',
    delivery: `Delivery guarantee: ${list(DELIVERIES)}.`,
    dlq: 'Dead-letter channel (a name), or absent.',
    consumerGroup: 'Consumer group of the consuming service.',
    pattern: `What the message is: ${list(PATTERNS)}.`,
    traceContext: 'The message headers carry trace context across this async hop.',
    dlqReplay: 'How dead letters are watched and replayed, like `alert on depth; replay from the ops console`.',
  },
  retry: {
    max: 'Retries after the first attempt (a whole number >= 0). Required.',
    backoff: `Wait between attempts: ${list(BACKOFFS)}.`,
    jitter: 'Randomise the wait so callers do not retry in step.',
    baseMs: 'First wait in milliseconds.',
  },
  breaker: {
    failureRatePct: 'Failure rate (percent) that opens the breaker.',
    openMs: 'How long the breaker stays open, in milliseconds.',
    fallback: 'What the caller does while the breaker is open.',
  },
  bulkhead: { maxConcurrent: 'Most concurrent calls allowed. Required.' },
  message: {
    name: 'The message name, like `OrderCreated`.',
    version: 'The message version.',
    schema: 'JSON Schema of the payload.',
    compatibility: `Schema evolution rule: ${list(COMPATIBILITIES)}.`,
  },
  flow: {
    name: "The flow's name. Required.",
    saga: `Absent for a plain flow; ${list(SAGAS)} for a saga.`,
    steps: 'Ordered steps; each names one link by its id.',
    consistency: `What the flow promises: ${list(CONSISTENCIES)} (strong: every step done before it answers).`,
  },
  step: {
    link: 'The id of the link this step uses (`from->to` or `from->to:channel`).',
    compensation: 'How the step is undone (saga).',
    readOnly: 'The step changes nothing.',
    pivot: "The saga's go/no-go step: later steps must be retriable, not compensated.",
  },
};

/** Markdown documentation for `key` inside `object`, or undefined for a key format.md does not name. */
export function getKeyDoc(object: ObjectKind, key: string): string | undefined {
  return DOCS[object]?.[key];
}
