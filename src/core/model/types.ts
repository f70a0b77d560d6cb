/**
 * The design document, exactly as docs/format.md defines it.
 * Unknown keys are kept on every object (index signatures) so a file round-trips.
 */

export const FORMAT_VERSION = 1 as const;

export const NODE_KINDS = ['client', 'gateway', 'service', 'broker', 'database', 'external'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LINK_KINDS = ['sync', 'async'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const PROTOCOLS = ['rest', 'grpc', 'graphql', 'websocket', 'thrift', 'soap', 'sql'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const BACKOFFS = ['none', 'fixed', 'exponential'] as const;
export type Backoff = (typeof BACKOFFS)[number];

export const DELIVERIES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const GATEWAY_AUTHS = ['none', 'jwt', 'oauth2', 'apikey', 'mtls'] as const;
export type AuthKind = (typeof GATEWAY_AUTHS)[number];

export const DISCOVERIES = ['dns', 'registry', 'mesh', 'static'] as const;
export type Discovery = (typeof DISCOVERIES)[number];

export const COMPATIBILITIES = ['backward', 'forward', 'full', 'none'] as const;
export type Compatibility = (typeof COMPATIBILITIES)[number];

export const PATTERNS = ['event', 'command', 'request-reply'] as const;
export type MessagePattern = (typeof PATTERNS)[number];

export const SAGAS = ['orchestration', 'choreography'] as const;
export type SagaKind = (typeof SAGAS)[number];

// --- The architecture document's keys (report sections 4, 6, 8, 9): all optional, added compatibly.
export const PLATFORMS = ['kubernetes', 'aws', 'gcp', 'azure', 'on-premises'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const TRACE_PROPAGATIONS = ['w3c', 'b3', 'jaeger', 'xray'] as const;
export type TracePropagation = (typeof TRACE_PROPAGATIONS)[number];

export const LOAD_BALANCINGS = ['round-robin', 'least-connections', 'random', 'consistent-hash', 'weighted'] as const;
export type LoadBalancing = (typeof LOAD_BALANCINGS)[number];

export const CONSISTENCIES = ['strong', 'eventual'] as const;
export type Consistency = (typeof CONSISTENCIES)[number];
// --- end of the architecture document's keys

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Worst first: `error` 0, `warning` 1, `info` 2 (for sorting findings). */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Extra keys a file carries that this version does not know: kept, reported as warnings. */
export type UnknownKeys = { [key: string]: unknown };

export interface DesignNode extends UnknownKeys {
  kind: NodeKind;
  name: string;
  at?: [number, number];
  notes?: string;
  tags?: string[];
  group?: string;
  // service / gateway / broker / database
  team?: string;
  replicas?: number;
  availability?: number;
  latencyMs?: number;
  tech?: string;
  // service
  outbox?: boolean;
  discovery?: Discovery;
  healthCheck?: boolean;
  tracing?: boolean;
  eventSourced?: boolean;
  // gateway
  auth?: AuthKind;
  rateLimitRps?: number;
  // architecture document: service / gateway
  loadBalancing?: LoadBalancing;
  // architecture document: gateway (what it rewrites on the way in, one item per transformation)
  transformations?: string[];
  // architecture document: broker (keeps messages so a consumer can replay them: a log like Kafka)
  replayable?: boolean;
}

export interface Retry extends UnknownKeys {
  max: number;
  backoff?: Backoff;
  jitter?: boolean;
  baseMs?: number;
}

export interface Breaker extends UnknownKeys {
  failureRatePct?: number;
  openMs?: number;
  fallback?: string;
}

export interface Bulkhead extends UnknownKeys {
  maxConcurrent: number;
}

export interface Message extends UnknownKeys {
  name?: string;
  version?: number | string;
  schema?: Record<string, unknown>;
  compatibility?: Compatibility;
}

export interface Link extends UnknownKeys {
  id?: string;
  from: string;
  to: string;
  kind: LinkKind;
  notes?: string;
  // sync
  protocol?: Protocol;
  /** API version on this contract, like `v1` (a bare number in a file is kept as written). */
  version?: string | number;
  operations?: string[];
  timeoutMs?: number;
  retry?: Retry;
  breaker?: Breaker;
  bulkhead?: Bulkhead;
  idempotent?: boolean;
  auth?: AuthKind;
  // async
  channel?: string;
  message?: Message;
  delivery?: Delivery;
  dlq?: string;
  consumerGroup?: string;
  pattern?: MessagePattern;
  // architecture document: async
  /** The message headers carry trace context across this hop. */
  traceContext?: boolean;
  /** How dead letters are watched and replayed (free text). */
  dlqReplay?: string;
}

export interface FlowStep extends UnknownKeys {
  link: string;
  compensation?: string;
  readOnly?: boolean;
  pivot?: boolean;
}

export interface Flow extends UnknownKeys {
  name: string;
  saga?: SagaKind;
  steps: FlowStep[];
  // architecture document
  consistency?: Consistency;
}

/** `off`/`false`, a severity, or an object of thresholds (`max`, `min`). */
export type RuleSetting = 'off' | false | Severity | ({ max?: number; min?: number; severity?: Severity } & UnknownKeys);

export interface Design extends UnknownKeys {
  signalbox: number;
  name: string;
  description?: string;
  nodes: Record<string, DesignNode>;
  links: Link[];
  flows?: Flow[];
  rules?: Record<string, RuleSetting>;
  defaults?: LinkDefaults;
  /** Named views (filters, focus, level): see core/views. */
  views?: Record<string, DesignView>;
  // architecture document
  platform?: Platform;
  tracePropagation?: TracePropagation;
}

// --- Link defaults (issue 10): design-level settings a link without its own value inherits. ---

/**
 * `defaults:` in a design: what a link that does not say otherwise has. `timeoutMs` and `retry`
 * apply to sync calls, `delivery` to async links, `dlq` to consumptions (broker to consumer),
 * where `{channel}` in it is replaced by the link's channel. A link's own value always wins.
 */
export interface LinkDefaults extends UnknownKeys {
  timeoutMs?: number;
  retry?: Retry;
  delivery?: Delivery;
  dlq?: string;
}

/** A named view as the file holds it; core/views/view.ts reads it as a ViewSpec. */
export interface DesignView extends UnknownKeys {
  level?: 'services' | 'groups' | 'teams';
  collapsed?: string[];
  kinds?: NodeKind[];
  teams?: string[];
  tags?: string[];
  groups?: string[];
  protocols?: string[];
  severity?: Severity;
  focus?: { node: string; hops: number; direction?: 'both' | 'upstream' | 'downstream' } & UnknownKeys;
}

/** One step of a path into a design: a map key or a list index (`['links', 3, 'timeoutMs']`). */
export type PathSegment = string | number;

/** A problem found reading a design: `links[3].timeoutMs: expected a positive integer`. */
export interface Issue {
  severity: 'error' | 'warning';
  /** `links[3].timeoutMs`; empty for the whole document. */
  path: string;
  /**
   * The same path as segments (`['links', 3, 'timeoutMs']`), when the issue names one: what
   * `locatePath` takes, so no reader has to parse `path` back.
   */
  segments?: PathSegment[];
  message: string;
  /** 1-based, YAML only. */
  line?: number;
  column?: number;
}

/** A rule's finding, as spec/cli.md prints it. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  nodes: string[];
  links: string[];
  fix: string;
}
