/**
 * What a workload is, from its image and name, and which other workloads an environment value
 * names. Shared by the compose and Kubernetes importers; every answer carries its reason.
 */
import type { NodeKind, Protocol } from '../model/types';

export type KindGuess = { kind: NodeKind; tech?: string; reason: string } | { infrastructure: true; reason: string };

const DATABASES: Record<string, string> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  postgis: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
  mssql: 'mssql',
  sqlserver: 'mssql',
  mongo: 'mongodb',
  mongodb: 'mongodb',
  redis: 'redis',
  valkey: 'valkey',
  memcached: 'memcached',
  cassandra: 'cassandra',
  scylla: 'scylla',
  elasticsearch: 'elasticsearch',
  opensearch: 'opensearch',
  'dynamodb-local': 'dynamodb',
  dynamodb: 'dynamodb',
  couchdb: 'couchdb',
  couchbase: 'couchbase',
  cockroach: 'cockroachdb',
  cockroachdb: 'cockroachdb',
  neo4j: 'neo4j',
  influxdb: 'influxdb',
  clickhouse: 'clickhouse',
  'clickhouse-server': 'clickhouse',
};
const BROKERS: Record<string, string> = {
  kafka: 'kafka',
  'cp-kafka': 'kafka',
  rabbitmq: 'rabbitmq',
  nats: 'nats',
  activemq: 'activemq',
  artemis: 'activemq',
  pulsar: 'pulsar',
  redpanda: 'redpanda',
  mosquitto: 'mqtt',
  emqx: 'mqtt',
};
const GATEWAYS = ['envoy', 'nginx', 'traefik', 'kong', 'haproxy', 'zuul', 'spring-cloud-gateway', 'krakend', 'tyk', 'apisix'];
const LOAD_GENERATORS = ['locust', 'k6', 'jmeter', 'gatling', 'vegeta', 'wrk', 'loadgenerator', 'load-generator', 'loadgen'];
const INFRASTRUCTURE = [
  'jaeger',
  'all-in-one',
  'zipkin',
  'otel-collector',
  'opentelemetry-collector',
  'opentelemetry-collector-contrib',
  'prometheus',
  'grafana',
  'seq',
  'zookeeper',
  'cp-zookeeper',
  'consul',
  'eureka',
  'config-server',
  'configserver',
  'discovery-server',
  'discovery',
  'loki',
  'tempo',
  'kibana',
  'logstash',
  'fluentd',
  'fluent-bit',
  'alertmanager',
  'node-exporter',
  'cadvisor',
  'pushgateway',
  'admin-server',
  'kafka-ui',
  'schema-registry',
  'cp-schema-registry',
];
const GATEWAY_NAME_TOKENS = ['gateway', 'gw', 'edge', 'router', 'proxy', 'ingress'];
const FRONTEND_NAME_TOKENS = ['frontend', 'web', 'ui', 'webapp', 'storefront', 'portal', 'site', 'www', 'spa'];

/** `docker.io/bitnami/postgresql:15-alpine` -> `postgresql`; `mcr.microsoft.com/mssql/server:2022` -> `mssql/server`. */
function imageParts(image: string): string[] {
  const noTag = image
    .toLowerCase()
    .replace(/@sha256:.*$/, '')
    .replace(/:[^/]*$/, '');
  return noTag.split('/').filter(Boolean);
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A keyword matches a whole name, or a run of its tokens (`spring-cloud-gateway` in `acme-spring-cloud-gateway`). */
function matches(text: string, keyword: string): boolean {
  const t = tokens(text).join('-');
  return t === keyword || t.startsWith(`${keyword}-`) || t.endsWith(`-${keyword}`) || t.includes(`-${keyword}-`);
}

function findIn(parts: readonly string[], keywords: readonly string[]): string | undefined {
  for (const keyword of keywords) if (parts.some((p) => matches(p, keyword))) return keyword;
  return undefined;
}

export function guessKind(name: string, image: string | undefined): KindGuess {
  const parts = image ? imageParts(image) : [];
  const last = parts[parts.length - 1] ?? '';
  const img = image ? `image ${image}` : '';
  const infraImage = findIn([last], INFRASTRUCTURE) ?? (tokens(last).includes('exporter') ? 'a metrics exporter' : undefined);
  if (infraImage) return { infrastructure: true, reason: `${img} is observability or platform infrastructure (${infraImage})` };
  const load = findIn(parts, LOAD_GENERATORS) ?? findIn([name], LOAD_GENERATORS);
  if (load) return { kind: 'client', reason: `${img || `name ${name}`} is a load generator (${load})` };
  const db = findIn(parts, Object.keys(DATABASES));
  if (db) return { kind: 'database', tech: DATABASES[db], reason: `${img} is a datastore (${db})` };
  const broker = findIn(parts, Object.keys(BROKERS));
  if (broker) return { kind: 'broker', tech: BROKERS[broker], reason: `${img} is a message broker (${broker})` };
  const gateway = findIn(parts, GATEWAYS);
  if (gateway) return { kind: 'gateway', tech: gateway, reason: `${img} is a proxy or gateway (${gateway})` };
  const infraName = findIn([name], INFRASTRUCTURE);
  if (infraName)
    return { infrastructure: true, reason: `name ${name} is observability or platform infrastructure (${infraName})` };
  const dbName = findIn([name], Object.keys(DATABASES));
  if (dbName) return { kind: 'database', tech: DATABASES[dbName], reason: `name ${name} names a datastore (${dbName})` };
  if (/[-_]db$|^db$|[-_]database$/.test(name.toLowerCase())) return { kind: 'database', reason: `name ${name} ends in -db` };
  const brokerName = findIn([name], Object.keys(BROKERS));
  if (brokerName) return { kind: 'broker', tech: BROKERS[brokerName], reason: `name ${name} names a broker (${brokerName})` };
  const gwName = tokens(name).find((t) => GATEWAY_NAME_TOKENS.includes(t));
  if (gwName) return { kind: 'gateway', reason: `name ${name} says ${gwName}` };
  return {
    kind: 'service',
    reason: image ? `${img} is none of the known datastores, brokers or proxies` : 'no image: built from source',
  };
}

export function isFrontendName(name: string): boolean {
  return tokens(name).some((t) => FRONTEND_NAME_TOKENS.includes(t));
}

/** One place an environment value names a host. */
export interface HostReference {
  host: string;
  port?: number;
  scheme?: string;
}

const URL_RE = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#,]+)(?::(\d+))?/i;
const HOST_PORT_RE = /^([a-z0-9][a-z0-9_.-]*):(\d{1,5})(?:\/.*)?$/i;
const BARE_HOST_RE = /^[a-z0-9][a-z0-9_.-]*$/i;
/** Keys whose bare value is a host name: `PAYMENT_HOST=payment`. */
const HOST_KEY_RE = /(_|^)(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|URL|URI|ENDPOINT|BROKERS?|BOOTSTRAP_SERVERS|SERVICE|SVC)$/i;

/**
 * Hosts named by an environment value: URLs (`http://payment:8080`), JDBC URLs, connection
 * strings, `host:port` lists, and a bare name under a `*_HOST`/`*_ADDR`-like key.
 */
export function findHostReferences(key: string, value: string): HostReference[] {
  const refs: HostReference[] = [];
  // Connection strings like `Host=orderdb;Port=5432;Database=orders` or `Server=sql,1433`.
  for (const m of value.matchAll(/(?:^|;)\s*(?:host|server|data source|address)\s*=\s*([^;,]+)/gi))
    refs.push({ host: m[1]!.trim() });
  for (const raw of value.split(/[\s,;]+/)) {
    const token = raw.replace(/^jdbc:/i, '').replace(/^["']|["']$/g, '');
    if (!token) continue;
    const url = URL_RE.exec(token);
    if (url) {
      const scheme = url[1]!.toLowerCase();
      // `jdbc:sqlserver://host:1433;...` and `mongodb+srv://` are URLs; `mysql://u:p@db/x` has creds.
      refs.push({ host: url[2]!, scheme, ...(url[3] ? { port: Number(url[3]) } : {}) });
      continue;
    }
    const hp = HOST_PORT_RE.exec(token);
    if (hp) {
      refs.push({ host: hp[1]!, port: Number(hp[2]) });
      continue;
    }
    if (HOST_KEY_RE.test(key) && BARE_HOST_RE.test(token)) refs.push({ host: token });
  }
  return refs;
}

/** The protocol a scheme, a port name or an env key states; undefined when none does. */
export function protocolHint(
  ref: HostReference,
  key: string,
  portName?: string,
): { protocol: Protocol; why: string } | undefined {
  const s = ref.scheme;
  if (s === 'grpc' || s === 'grpcs') return { protocol: 'grpc', why: `${s}:// scheme` };
  if (s === 'ws' || s === 'wss') return { protocol: 'websocket', why: `${s}:// scheme` };
  if (s === 'http' || s === 'https') return { protocol: 'rest', why: `${s}:// scheme` };
  if (portName) {
    const p = portName.toLowerCase();
    if (p.startsWith('grpc')) return { protocol: 'grpc', why: `port named ${portName}` };
    if (p.startsWith('http') || p === 'web' || p === 'rest') return { protocol: 'rest', why: `port named ${portName}` };
  }
  if (/GRPC/i.test(key)) return { protocol: 'grpc', why: `key ${key} says gRPC` };
  return undefined;
}
