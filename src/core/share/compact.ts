import { getLinkId } from '../model/ids';

/**
 * The s1 compact form of a design: the same tree with known keys as one-letter tokens, enum values
 * as their index, node references as node indexes and flow steps as link indexes, defaults and the
 * format version dropped, positions on a whole-pixel grid. Everything unknown passes through as is,
 * so a key a newer format adds still survives an s1 link.
 *
 * FROZEN: these tables are part of link format s1. Old links must keep opening, so never reorder,
 * remove or insert into them; a new key needs no entry (it travels as a literal). A change that
 * cannot be made compatibly is a new prefix (s2) with its own tables, and s1 stays readable.
 */

type Obj = Record<string, unknown>;

const S1_KEYS = {
  design: ['signalbox', 'name', 'description', 'nodes', 'links', 'flows', 'rules'],
  node: [
    'kind',
    'name',
    'at',
    'notes',
    'tags',
    'group',
    'team',
    'replicas',
    'availability',
    'latencyMs',
    'tech',
    'outbox',
    'discovery',
    'healthCheck',
    'tracing',
    'eventSourced',
    'auth',
    'rateLimitRps',
  ],
  link: [
    'id',
    'from',
    'to',
    'kind',
    'notes',
    'protocol',
    'version',
    'operations',
    'timeoutMs',
    'retry',
    'breaker',
    'bulkhead',
    'idempotent',
    'auth',
    'channel',
    'message',
    'delivery',
    'dlq',
    'consumerGroup',
    'pattern',
  ],
  retry: ['max', 'backoff', 'jitter', 'baseMs'],
  breaker: ['failureRatePct', 'openMs', 'fallback'],
  bulkhead: ['maxConcurrent'],
  message: ['name', 'version', 'schema', 'compatibility'],
  flow: ['name', 'saga', 'steps'],
  step: ['link', 'compensation', 'readOnly', 'pivot'],
  thresholds: ['max', 'min', 'severity'],
} as const;

const S1_ENUMS = {
  nodeKind: ['client', 'gateway', 'service', 'broker', 'database', 'external'],
  linkKind: ['sync', 'async'],
  protocol: ['rest', 'grpc', 'graphql', 'websocket', 'thrift', 'soap', 'sql'],
  backoff: ['none', 'fixed', 'exponential'],
  delivery: ['at-most-once', 'at-least-once', 'exactly-once'],
  auth: ['none', 'jwt', 'oauth2', 'apikey', 'mtls'],
  discovery: ['dns', 'registry', 'mesh', 'static'],
  compatibility: ['backward', 'forward', 'full', 'none'],
  pattern: ['event', 'command', 'request-reply'],
  saga: ['orchestration', 'choreography'],
  /** Rule settings: `off` and the severities. */
  ruleSetting: ['off', 'error', 'warning', 'info'],
  severity: ['error', 'warning', 'info'],
} as const;

/** Tokens for the design object beyond its keys (uppercase: never a key token). */
const GRID_TOKEN = 'G';

/** Format version a link omits (restored on the way in). */
const DEFAULT_FORMAT_VERSION = 1;
const DEFAULT_NODE_KIND = 'service';
const DEFAULT_LINK_KIND = 'sync';

const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyz';

interface KeyTable {
  toToken: Map<string, string>;
  toKey: Map<string, string>;
}

function makeTable(keys: readonly string[]): KeyTable {
  const toToken = new Map<string, string>();
  const toKey = new Map<string, string>();
  keys.forEach((key, i) => {
    const token = TOKEN_CHARS[i]!;
    toToken.set(key, token);
    toKey.set(token, key);
  });
  return { toToken, toKey };
}

const TABLES = Object.fromEntries(Object.entries(S1_KEYS).map(([name, keys]) => [name, makeTable(keys)])) as Record<
  keyof typeof S1_KEYS,
  KeyTable
>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Assignment would treat `__proto__` as the prototype; a design may really have such a key. */
function put(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A literal key that could be read as a token (one character) or as escaped (leading `~`) gets a `~`. */
function escapeKey(key: string): string {
  return key.length === 1 || key.startsWith('~') ? `~${key}` : key;
}

type ValuePacker = (key: string, value: unknown) => unknown;

function packObject(obj: Obj, table: KeyTable, pack: ValuePacker): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    const token = table.toToken.get(key);
    if (token === undefined) put(out, escapeKey(key), value);
    else put(out, token, pack(key, value));
  }
  return out;
}

function unpackObject(obj: Obj, table: KeyTable, unpack: ValuePacker): Obj {
  const out: Obj = {};
  for (const [packedKey, value] of Object.entries(obj)) {
    if (packedKey.startsWith('~')) {
      put(out, packedKey.slice(1), value);
      continue;
    }
    const key = table.toKey.get(packedKey);
    if (key === undefined) put(out, packedKey, value);
    else put(out, key, unpack(key, value));
  }
  return out;
}

// A value that is not what the schema expects (only in an invalid design) is wrapped in a
// one-element list, so it comes back as written and validation reports it.
function packEnum(values: readonly string[], v: unknown): unknown {
  const i = typeof v === 'string' ? values.indexOf(v) : -1;
  if (i >= 0) return i;
  return typeof v === 'string' ? v : [v];
}

function unpackEnum(values: readonly string[], v: unknown): unknown {
  if (typeof v === 'number') return values[v];
  return Array.isArray(v) ? v[0] : v;
}

// The same for a list position: a value that is not a list travels as `{ v: value }`.
function packList(v: unknown, f: (x: unknown) => unknown): unknown {
  return Array.isArray(v) ? v.map(f) : { v };
}

function unpackList(v: unknown, f: (x: unknown) => unknown): unknown {
  if (Array.isArray(v)) return v.map(f);
  return isObj(v) ? v.v : v;
}

function packRef(index: Map<string, number>, v: unknown): unknown {
  if (typeof v !== 'string') return [v];
  return index.get(v) ?? v;
}

function unpackRef(ids: readonly string[], v: unknown): unknown {
  if (typeof v === 'number') return ids[v];
  return Array.isArray(v) ? v[0] : v;
}

// Text that usually repeats another field (a consumer group named after its service, `<channel>.dlq`,
// a team's own group, `OrderPlaced` for `order.placed`) travels as 0 when it does.
function packDerived(v: unknown, expected: string | undefined): unknown {
  if (typeof v !== 'string') return [v];
  return v === expected ? 0 : v;
}

const DERIVED = Symbol('derived');

function unpackDerived(v: unknown): unknown {
  if (typeof v === 'number') return DERIVED;
  return Array.isArray(v) ? v[0] : v;
}

function resolveDerived(obj: Obj, key: string, expected: unknown): void {
  if (obj[key] !== DERIVED) return;
  // Only a hand-made link says "derived" with nothing to derive from: drop the key.
  if (expected === undefined) delete obj[key];
  else put(obj, key, expected);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** `order.placed` -> `OrderPlaced`: the message name a channel suggests. */
function messageNameFor(channel: string | undefined): string | undefined {
  if (channel === undefined) return undefined;
  return channel
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `order` -> `Order`: the name a node id suggests. */
function nameFor(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

function isPosition(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

/** Positions in a link are whole canvas pixels: sub-pixel drag positions are noise worth bytes. */
export function quantisePosition(at: readonly [number, number]): [number, number] {
  // `+ 0` turns -0 into 0, so a quantised position prints the same way it is read back.
  return [Math.round(at[0]) + 0, Math.round(at[1]) + 0];
}

/** The design as a link restores it: positions on whole pixels, nothing else changed. */
export function quantiseDesign<T extends { nodes?: unknown }>(design: T): T {
  if (!isObj(design.nodes)) return design;
  const nodes: Obj = {};
  for (const [id, node] of Object.entries(design.nodes)) {
    put(nodes, id, isObj(node) && isPosition(node.at) ? { ...node, at: quantisePosition(node.at) } : node);
  }
  return { ...design, nodes };
}

function packDesignObject(design: Obj): Obj {
  const nodeIds = isObj(design.nodes) ? Object.keys(design.nodes) : [];
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i] as const));
  const links = Array.isArray(design.links) ? design.links : [];
  const linkIndex = new Map<string, number>();
  links.forEach((link, i) => {
    if (isObj(link) && typeof link.from === 'string' && typeof link.to === 'string') {
      const id = getLinkId(link as { from: string; to: string });
      if (!linkIndex.has(id)) linkIndex.set(id, i);
    }
  });

  // One grid for every position: templates placed on a 10 or 20 px grid then store [42, 16].
  let grid = 0;
  if (isObj(design.nodes)) {
    for (const node of Object.values(design.nodes)) {
      if (isObj(node) && isPosition(node.at)) for (const c of quantisePosition(node.at)) grid = gcd(grid, Math.abs(c));
    }
  }
  if (grid === 0) grid = 1;

  const packRetry = (v: unknown) =>
    isObj(v) ? packObject(v, TABLES.retry, (k, x) => (k === 'backoff' ? packEnum(S1_ENUMS.backoff, x) : x)) : [v];
  const packMessage = (v: unknown, channel: string | undefined) =>
    isObj(v)
      ? packObject(v, TABLES.message, (k, x) => {
          if (k === 'compatibility') return packEnum(S1_ENUMS.compatibility, x);
          if (k === 'name') return packDerived(x, messageNameFor(channel));
          return x;
        })
      : [v];

  const packNode = (node: unknown, id: string): unknown =>
    isObj(node)
      ? packObject(node, TABLES.node, (k, v) => {
          if (k === 'kind') return packEnum(S1_ENUMS.nodeKind, v);
          if (k === 'discovery') return packEnum(S1_ENUMS.discovery, v);
          if (k === 'auth') return packEnum(S1_ENUMS.auth, v);
          if (k === 'at') return isPosition(v) ? quantisePosition(v).map((c) => c / grid) : [v];
          if (k === 'group') return packDerived(v, text(node.team));
          if (k === 'name') return packDerived(v, nameFor(id));
          return v;
        })
      : [node];

  const packLink = (link: unknown): unknown =>
    isObj(link)
      ? packObject(link, TABLES.link, (k, v) => {
          if (k === 'from' || k === 'to') return packRef(nodeIndex, v);
          if (k === 'kind') return packEnum(S1_ENUMS.linkKind, v);
          if (k === 'protocol') return packEnum(S1_ENUMS.protocol, v);
          if (k === 'auth') return packEnum(S1_ENUMS.auth, v);
          if (k === 'delivery') return packEnum(S1_ENUMS.delivery, v);
          if (k === 'pattern') return packEnum(S1_ENUMS.pattern, v);
          if (k === 'retry') return packRetry(v);
          if (k === 'breaker') return isObj(v) ? packObject(v, TABLES.breaker, (_k, x) => x) : [v];
          if (k === 'bulkhead') return isObj(v) ? packObject(v, TABLES.bulkhead, (_k, x) => x) : [v];
          if (k === 'message') return packMessage(v, text(link.channel));
          if (k === 'consumerGroup') return packDerived(v, text(link.to));
          if (k === 'dlq') return packDerived(v, link.channel === undefined ? undefined : `${String(link.channel)}.dlq`);
          return v;
        })
      : [link];

  // A step that only names its link is the bare link index.
  const packStep = (step: unknown): unknown => {
    if (!isObj(step)) return [step];
    const keys = Object.keys(step).filter((k) => step[k] !== undefined);
    if (keys.length === 1 && keys[0] === 'link' && typeof step.link === 'string') return packRef(linkIndex, step.link);
    return packObject(step, TABLES.step, (k, v) => (k === 'link' ? packRef(linkIndex, v) : v));
  };

  const packFlow = (flow: unknown): unknown =>
    isObj(flow)
      ? packObject(flow, TABLES.flow, (k, v) => {
          if (k === 'saga') return packEnum(S1_ENUMS.saga, v);
          if (k === 'steps') return packList(v, packStep);
          return v;
        })
      : [flow];

  const packRule = (setting: unknown): unknown => {
    if (setting === false) return false;
    if (isObj(setting))
      return packObject(setting, TABLES.thresholds, (k, v) => (k === 'severity' ? packEnum(S1_ENUMS.severity, v) : v));
    return packEnum(S1_ENUMS.ruleSetting, setting);
  };

  const mapValues = (v: unknown, f: (x: unknown, key: string) => unknown): unknown => {
    if (!isObj(v)) return [v];
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) put(out, k, f(x, k));
    return out;
  };

  const packed = packObject(design, TABLES.design, (k, v) => {
    if (k === 'nodes') return mapValues(v, packNode);
    if (k === 'links') return packList(v, packLink);
    if (k === 'flows') return packList(v, packFlow);
    if (k === 'rules') return mapValues(v, packRule);
    return v;
  });
  // Defaults: absent means the default; an absent key that has a default is marked null.
  const versionToken = TABLES.design.toToken.get('signalbox')!;
  if (packed[versionToken] === DEFAULT_FORMAT_VERSION) delete packed[versionToken];
  else if (!(versionToken in packed)) put(packed, versionToken, null);
  const linksToken = TABLES.design.toToken.get('links')!;
  if (Array.isArray(packed[linksToken]) && (packed[linksToken] as unknown[]).length === 0) delete packed[linksToken];
  else if (!(linksToken in packed)) put(packed, linksToken, null);
  if (grid !== 1) put(packed, GRID_TOKEN, grid);
  dropDefault(packed[TABLES.design.toToken.get('nodes')!], 'node');
  dropDefault(packed[linksToken], 'link');
  return packed;
}

function dropDefault(container: unknown, what: 'node' | 'link'): void {
  const token = TABLES[what].toToken.get('kind')!;
  const values: readonly string[] = what === 'node' ? S1_ENUMS.nodeKind : S1_ENUMS.linkKind;
  const fallback = values.indexOf(what === 'node' ? DEFAULT_NODE_KIND : DEFAULT_LINK_KIND);
  const items = Array.isArray(container) ? container : isObj(container) ? Object.values(container) : [];
  for (const item of items) {
    if (!isObj(item)) continue;
    if (item[token] === fallback) delete item[token];
    else if (!(token in item)) put(item, token, null);
  }
}

function restoreDefault(obj: Obj, token: string, fallback: unknown): void {
  if (!(token in obj)) put(obj, token, fallback);
  else if (obj[token] === null) delete obj[token];
}

function unpackDesignObject(packed: Obj): Obj {
  const grid = typeof packed[GRID_TOKEN] === 'number' ? (packed[GRID_TOKEN] as number) : 1;
  const rest: Obj = {};
  for (const [k, v] of Object.entries(packed)) if (k !== GRID_TOKEN) put(rest, k, v);
  restoreDefault(rest, TABLES.design.toToken.get('signalbox')!, DEFAULT_FORMAT_VERSION);
  restoreDefault(rest, TABLES.design.toToken.get('links')!, []);

  const nodesPacked = rest[TABLES.design.toToken.get('nodes')!];
  const nodeIds = isObj(nodesPacked) ? Object.keys(nodesPacked) : [];
  const nodeKindToken = TABLES.node.toToken.get('kind')!;
  const linkKindToken = TABLES.link.toToken.get('kind')!;

  const unpackNode = (node: unknown, id: string): unknown => {
    if (!isObj(node)) return Array.isArray(node) ? node[0] : node;
    const withKind: Obj = { ...node };
    restoreDefault(withKind, nodeKindToken, S1_ENUMS.nodeKind.indexOf(DEFAULT_NODE_KIND));
    const out = unpackObject(withKind, TABLES.node, (k, v) => {
      if (k === 'kind') return unpackEnum(S1_ENUMS.nodeKind, v);
      if (k === 'discovery') return unpackEnum(S1_ENUMS.discovery, v);
      if (k === 'auth') return unpackEnum(S1_ENUMS.auth, v);
      if (k === 'at') return isPosition(v) ? [v[0] * grid + 0, v[1] * grid + 0] : Array.isArray(v) ? v[0] : v;
      if (k === 'group' || k === 'name') return unpackDerived(v);
      return v;
    });
    resolveDerived(out, 'group', out.team);
    resolveDerived(out, 'name', nameFor(id));
    return out;
  };

  const unwrap = (v: unknown, f: (x: Obj) => unknown): unknown => (isObj(v) ? f(v) : Array.isArray(v) ? v[0] : v);

  const unpackLink = (link: unknown): unknown =>
    unwrap(link, (obj) => {
      const withKind: Obj = { ...obj };
      restoreDefault(withKind, linkKindToken, S1_ENUMS.linkKind.indexOf(DEFAULT_LINK_KIND));
      const out = unpackObject(withKind, TABLES.link, (k, v) => {
        if (k === 'from' || k === 'to') return unpackRef(nodeIds, v);
        if (k === 'kind') return unpackEnum(S1_ENUMS.linkKind, v);
        if (k === 'protocol') return unpackEnum(S1_ENUMS.protocol, v);
        if (k === 'auth') return unpackEnum(S1_ENUMS.auth, v);
        if (k === 'delivery') return unpackEnum(S1_ENUMS.delivery, v);
        if (k === 'pattern') return unpackEnum(S1_ENUMS.pattern, v);
        if (k === 'retry')
          return unwrap(v, (r) =>
            unpackObject(r, TABLES.retry, (rk, x) => (rk === 'backoff' ? unpackEnum(S1_ENUMS.backoff, x) : x)),
          );
        if (k === 'breaker') return unwrap(v, (r) => unpackObject(r, TABLES.breaker, (_k, x) => x));
        if (k === 'bulkhead') return unwrap(v, (r) => unpackObject(r, TABLES.bulkhead, (_k, x) => x));
        if (k === 'message')
          return unwrap(v, (r) =>
            unpackObject(r, TABLES.message, (mk, x) => {
              if (mk === 'compatibility') return unpackEnum(S1_ENUMS.compatibility, x);
              if (mk === 'name') return unpackDerived(x);
              return x;
            }),
          );
        if (k === 'consumerGroup' || k === 'dlq') return unpackDerived(v);
        return v;
      });
      resolveDerived(out, 'consumerGroup', out.to);
      resolveDerived(out, 'dlq', typeof out.channel === 'string' ? `${out.channel}.dlq` : undefined);
      if (isObj(out.message)) resolveDerived(out.message, 'name', messageNameFor(text(out.channel)));
      return out;
    });

  const mapValues = (v: unknown, f: (x: unknown, key: string) => unknown): unknown => {
    if (!isObj(v)) return Array.isArray(v) ? v[0] : v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) put(out, k, f(x, k));
    return out;
  };

  const design = unpackObject(rest, TABLES.design, (k, v) => {
    if (k === 'nodes') return mapValues(v, unpackNode);
    if (k === 'links') return unpackList(v, unpackLink);
    if (k === 'rules')
      return mapValues(v, (setting) => {
        if (setting === false) return false;
        if (isObj(setting))
          return unpackObject(setting, TABLES.thresholds, (tk, x) => (tk === 'severity' ? unpackEnum(S1_ENUMS.severity, x) : x));
        return unpackEnum(S1_ENUMS.ruleSetting, setting);
      });
    return v;
  });
  // Flows last: a step's link index needs the links restored.
  const links = Array.isArray(design.links) ? design.links : [];
  const linkIds = links.map((link) => (isObj(link) ? getLinkId(link as { from: string; to: string }) : ''));
  const flowsToken = TABLES.design.toToken.get('flows')!;
  if (flowsToken in rest) {
    const flows = rest[flowsToken];
    const unpackStep = (step: unknown): unknown => {
      if (typeof step === 'number' || typeof step === 'string') return { link: unpackRef(linkIds, step) };
      return unwrap(step, (s) => unpackObject(s, TABLES.step, (k, v) => (k === 'link' ? unpackRef(linkIds, v) : v)));
    };
    put(
      design,
      'flows',
      unpackList(flows, (flow) =>
        unwrap(flow, (f) =>
          unpackObject(f, TABLES.flow, (k, v) => {
            if (k === 'saga') return unpackEnum(S1_ENUMS.saga, v);
            if (k === 'steps') return unpackList(v, unpackStep);
            return v;
          }),
        ),
      ),
    );
  }
  return design;
}

/** The compact tree (plain JSON) that an s1 link compresses. */
export function packDesign(design: unknown): unknown {
  return isObj(design) ? packDesignObject(design) : [design];
}

/** The design back from its compact tree; the result still has to be validated. */
export function unpackDesign(packed: unknown): unknown {
  return isObj(packed) ? unpackDesignObject(packed) : Array.isArray(packed) ? packed[0] : packed;
}
