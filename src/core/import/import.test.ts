import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { designToYaml } from '../format/write';
import { lintDesign } from '../rules/engine';
import { findHostReferences, guessKind } from './infer';
import { interpolate } from './compose';
import { formatImportError, importFiles } from './importFiles';
import type { ImportFile, ImportOptions } from './types';

const fixture = (name: string): ImportFile => ({ name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });

function imported(files: ImportFile[], options: ImportOptions = {}) {
  const result = importFiles(files, options);
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join('\n'));
  // Whatever the importer writes, the design reader accepts without a warning.
  const reread = readDesign(designToYaml(result.design));
  expect(reread.issues).toEqual([]);
  return result;
}

function errorsOf(files: ImportFile[], options: ImportOptions = {}): string[] {
  const result = importFiles(files, options);
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors.map(formatImportError);
}

describe('docker-compose with an override file and ${VAR:-default}', () => {
  const { design, inferences } = imported([fixture('compose.yaml'), fixture('compose.override.yaml')]);

  it('makes a node per service, with kinds from images and names; infrastructure left out', () => {
    expect(design.name).toBe('shop');
    expect(design.nodes).toEqual({
      'edge-gateway': { kind: 'gateway', name: 'edge-gateway', tech: 'envoy' },
      orders: { kind: 'service', name: 'orders', replicas: 3, healthCheck: true },
      payment: { kind: 'service', name: 'payment' },
      catalog: { kind: 'service', name: 'catalog' },
      shipping: { kind: 'service', name: 'shipping' },
      'billing-legacy': { kind: 'service', name: 'billing.legacy' },
      'orders-db': { kind: 'database', name: 'orders-db', tech: 'postgres' },
      'payment-db': { kind: 'database', name: 'payment-db', tech: 'postgres' },
      mongo: { kind: 'database', name: 'mongo', tech: 'mongodb' },
      redis: { kind: 'database', name: 'redis', tech: 'redis' },
      kafka: { kind: 'broker', name: 'kafka', tech: 'kafka' },
      rabbitmq: { kind: 'broker', name: 'rabbitmq', tech: 'rabbitmq' },
      loadgen: { kind: 'client', name: 'loadgen' },
      fraud: { kind: 'service', name: 'fraud', healthCheck: true },
      clients: { kind: 'client', name: 'Clients' },
    });
    for (const gone of ['zookeeper', 'otel-collector', 'jaeger'])
      expect(inferences.find((i) => i.element === gone)).toMatchObject({ what: 'left out', file: 'compose.yaml' });
  });

  it('links only from evidence: environment values first, depends_on where nothing else shows the call', () => {
    expect(design.links).toEqual([
      { from: 'edge-gateway', to: 'orders', kind: 'sync', protocol: 'rest' },
      { from: 'edge-gateway', to: 'catalog', kind: 'sync', protocol: 'grpc' },
      { from: 'orders', to: 'orders-db', kind: 'sync', protocol: 'sql' },
      { from: 'orders', to: 'kafka', kind: 'async' },
      { from: 'orders', to: 'payment', kind: 'sync', protocol: 'rest' },
      { from: 'orders', to: 'redis', kind: 'sync', protocol: 'sql' },
      { from: 'orders', to: 'fraud', kind: 'sync', protocol: 'rest' },
      { from: 'payment', to: 'payment-db', kind: 'sync', protocol: 'sql' },
      { from: 'shipping', to: 'rabbitmq', kind: 'async' },
      { from: 'billing-legacy', to: 'orders', kind: 'sync' },
      { from: 'loadgen', to: 'edge-gateway', kind: 'sync', protocol: 'rest' },
      { from: 'catalog', to: 'mongo', kind: 'sync', protocol: 'sql' },
      { from: 'clients', to: 'edge-gateway', kind: 'sync' },
    ]);
  });

  it('records the evidence with file and line', () => {
    const byElement = (id: string) => inferences.filter((i) => i.element === id);
    expect(byElement('orders->payment')).toEqual([
      {
        element: 'orders->payment',
        what: 'sync rest',
        reason: 'PAYMENT_URL=http://payment:8080 names payment (http:// scheme)',
        file: 'compose.yaml',
        line: 18,
      },
    ]);
    expect(byElement('catalog->mongo')[0]).toMatchObject({
      reason: 'depends_on: mongo (no environment value names it)',
      line: 39,
    });
    expect(byElement('orders').map((i) => `${i.file}:${i.line} ${i.what}`)).toEqual([
      'compose.yaml:13 service',
      'compose.override.yaml:5 replicas: 3',
      'compose.yaml:22 healthCheck: true',
    ]);
    expect(byElement('billing-legacy')[1]).toMatchObject({ what: 'id billing-legacy' });
  });

  it('uses the environment over a default, and a set variable resolves', () => {
    const { design: d } = imported([fixture('compose.yaml')], { env: { PAYMENT_URL: 'grpc://catalog:9000' } });
    expect(d.links.filter((l) => l.from === 'orders' && (l.to === 'payment' || l.to === 'catalog'))).toEqual([
      {
        from: 'orders',
        to: 'catalog',
        kind: 'sync',
        protocol: 'grpc',
      },
    ]);
  });

  it('without the override, the base alone has no fraud service and no replicas', () => {
    const { design: d } = imported([fixture('compose.yaml')]);
    expect(d.nodes.fraud).toBeUndefined();
    expect(d.nodes.orders).toEqual({ kind: 'service', name: 'orders', healthCheck: true });
  });

  it('a published port on a plain service is not an entry point; on a frontend it is', () => {
    const compose = (name: string) => ({
      name: 'c.yaml',
      text: `services:\n  ${name}:\n    image: acme/${name}:1\n    ports: ["80:80"]\n    environment: { API_URL: "http://api:8080" }\n  api:\n    image: acme/api:1\n`,
    });
    expect(imported([compose('worker')]).design.nodes.clients).toBeUndefined();
    expect(imported([compose('storefront')]).design.links).toContainEqual({ from: 'clients', to: 'storefront', kind: 'sync' });
  });

  it('compose `links:` is a call where no environment value names one; never a second link', () => {
    const text = `services:
  web:
    image: acme/web:1
    links: [api, "cache:redis-alias"]
    environment: { CACHE_HOST: cache }
  api:
    image: acme/api:1
  cache:
    image: redis:7
`;
    const { design: d, inferences: inf } = imported([{ name: 'c.yaml', text }]);
    expect(d.links).toEqual([
      { from: 'web', to: 'cache', kind: 'sync', protocol: 'sql' },
      { from: 'web', to: 'api', kind: 'sync' },
    ]);
    expect(inf.find((i) => i.element === 'web->api')).toMatchObject({
      reason: 'links: api (no environment value names it)',
      line: 4,
    });
  });

  it('`scale` gives replicas; a disabled healthcheck is no health check', () => {
    const text = `services:
  worker:
    image: acme/worker:1
    scale: 4
    healthcheck: { disable: true }
  api:
    image: acme/api:1
    healthcheck: { test: ["CMD", "true"] }
`;
    expect(imported([{ name: 'c.yaml', text }]).design.nodes).toEqual({
      worker: { kind: 'service', name: 'worker', replicas: 4 },
      api: { kind: 'service', name: 'api', healthCheck: true },
    });
  });

  it('the imported design lints: the rules then say what the files leave unstated', () => {
    const rules = new Set(lintDesign(design).map((f) => f.rule));
    expect(rules.has('missing-timeout')).toBe(true);
  });
});

describe('Kubernetes, multi-document, with Istio and Gateway API', () => {
  const { design, inferences } = imported([fixture('kubernetes.yaml')]);

  it('workloads become nodes named by the workload; Services resolve callers to them', () => {
    expect(design.nodes).toEqual({
      frontend: { kind: 'service', name: 'frontend', replicas: 2, healthCheck: true },
      checkout: { kind: 'service', name: 'checkout', replicas: 3, healthCheck: true },
      productcatalog: { kind: 'service', name: 'productcatalog' },
      'payment-v1': { kind: 'service', name: 'payment-v1', replicas: 2 },
      refunds: { kind: 'service', name: 'refunds' },
      'orders-db': { kind: 'database', name: 'orders-db', tech: 'postgres', replicas: 1 },
      clients: { kind: 'client', name: 'Clients' },
    });
  });

  it('port names give grpc; VirtualService per caller by sourceLabels, DestinationRule to every caller', () => {
    const policy = { breaker: { openMs: 30000 }, bulkhead: { maxConcurrent: 100 } };
    expect(design.links).toEqual([
      { from: 'frontend', to: 'productcatalog', kind: 'sync', protocol: 'grpc' },
      { from: 'frontend', to: 'checkout', kind: 'sync', protocol: 'grpc' },
      { from: 'checkout', to: 'payment-v1', kind: 'sync', protocol: 'grpc', timeoutMs: 2000, retry: { max: 3 }, ...policy },
      { from: 'checkout', to: 'orders-db', kind: 'sync', protocol: 'sql' },
      { from: 'refunds', to: 'payment-v1', kind: 'sync', protocol: 'grpc', timeoutMs: 5000, ...policy },
      { from: 'clients', to: 'frontend', kind: 'sync', protocol: 'rest' },
    ]);
  });

  it('says why: the HTTPRoute entry point, the ignored ConfigMap, the monitoring DaemonSet', () => {
    expect(inferences.find((i) => i.element === 'clients->frontend')).toMatchObject({
      reason: 'HTTPRoute shop routes to it',
      line: 150,
    });
    expect(inferences.find((i) => i.what === 'ConfigMap ignored')).toMatchObject({ line: 137 });
    expect(inferences.find((i) => i.element === 'node-exporter')).toMatchObject({ what: 'left out' });
    expect(inferences.find((i) => i.element === 'checkout->payment-v1' && i.what.startsWith('timeoutMs'))).toMatchObject({
      what: 'timeoutMs: 2000, retry: { max: 3 }',
      reason: 'VirtualService payment (callers with app=checkout)',
    });
  });

  const manifest = (type: string, extra = '') => ({
    name: 'k.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "acme/web:1" }] }
---
apiVersion: v1
kind: Service
metadata: { name: web-svc }
spec: { type: ${type}, selector: { app: web }, ports: [{ port: 80 }] }
${extra}`,
  });

  it('a LoadBalancer or NodePort Service is an entry point; a ClusterIP one is not', () => {
    for (const type of ['LoadBalancer', 'NodePort'])
      expect(imported([manifest(type)]).design.links).toEqual([{ from: 'clients', to: 'web', kind: 'sync' }]);
    expect(imported([manifest('ClusterIP')]).design.links).toEqual([]);
  });

  it('an Ingress backend is an entry point', () => {
    const ingress = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: public }
spec:
  rules:
    - http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web-svc, port: { number: 80 } } } }] }
`;
    expect(imported([manifest('ClusterIP', ingress)]).design.links).toEqual([
      { from: 'clients', to: 'web', kind: 'sync', protocol: 'rest' },
    ]);
  });

  it('a DaemonSet that is not infrastructure is a node', () => {
    const ds = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: cache-agent }
spec:
  template:
    metadata: { labels: { app: cache-agent } }
    spec: { containers: [{ name: agent, image: "acme/cache-agent:2", env: [{ name: WEB_URL, value: "http://web-svc:80" }] }] }
`;
    const { design: d } = imported([manifest('ClusterIP', ds)]);
    expect(d.nodes['cache-agent']).toEqual({ kind: 'service', name: 'cache-agent' });
    expect(d.links).toEqual([{ from: 'cache-agent', to: 'web', kind: 'sync', protocol: 'rest' }]);
  });

  it('an Istio VirtualService bound to a gateway is an entry point; one for the mesh only is not', () => {
    const vs = (gateways: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web }
spec: { hosts: [web.example.com], gateways: [${gateways}], http: [{ route: [{ destination: { host: web-svc } }] }] }
`;
    const entry = imported([manifest('ClusterIP', vs('public-gateway'))]);
    // Its `http:` routes: REST.
    expect(entry.design.links).toEqual([{ from: 'clients', to: 'web', kind: 'sync', protocol: 'rest' }]);
    expect(entry.inferences.find((i) => i.element === 'clients->web')).toMatchObject({
      reason: 'VirtualService web routes gateway public-gateway to it',
    });
    expect(imported([manifest('ClusterIP', vs('mesh'))]).design.links).toEqual([]);
  });

  it('a GRPCRoute backend is a gRPC entry point', () => {
    const route = `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: public-grpc }
spec:
  parentRefs: [{ name: public }]
  rules: [{ backendRefs: [{ name: web-svc, port: 80 }] }]
`;
    const { design: d, inferences: inf } = imported([manifest('ClusterIP', route)]);
    expect(d.links).toEqual([{ from: 'clients', to: 'web', kind: 'sync', protocol: 'grpc' }]);
    expect(inf.find((i) => i.element === 'clients->web')).toMatchObject({
      reason: 'GRPCRoute public-grpc routes to it',
      line: 19,
    });
  });

  it('a policy for a host nobody calls is reported, not invented', () => {
    const vs = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web }
spec: { hosts: [web-svc], http: [{ timeout: 3s, route: [{ destination: { host: web-svc } }] }] }
`;
    const { design: d, inferences: inf } = imported([manifest('ClusterIP', vs)]);
    expect(d.links).toEqual([]);
    expect(inf.find((i) => i.what === 'not applied')).toMatchObject({ element: 'web', line: 17 });
  });
});

describe('AsyncAPI and OpenAPI onto the nodes they describe', () => {
  const all = imported([
    fixture('compose.yaml'),
    fixture('compose.override.yaml'),
    fixture('orders.asyncapi.yaml'),
    fixture('shipping.asyncapi.yaml'),
    fixture('payment.openapi.yaml'),
  ]);

  it('AsyncAPI 3.0 send/receive become publish and consume links with messages and schemas', () => {
    const links = all.design.links.filter((l) => l.kind === 'async');
    expect(links).toContainEqual({
      from: 'orders',
      to: 'kafka',
      kind: 'async',
      channel: 'order.created',
      message: {
        name: 'OrderCreated',
        schema: {
          type: 'object',
          required: ['orderId', 'total'],
          properties: { orderId: { type: 'string' }, total: { type: 'number' } },
        },
      },
    });
    expect(links).toContainEqual({
      from: 'kafka',
      to: 'orders',
      kind: 'async',
      channel: 'payment.completed',
      message: {
        name: 'PaymentCompleted',
        schema: { type: 'object', properties: { orderId: { type: 'string' }, paidAt: { type: 'string', format: 'date-time' } } },
      },
    });
    // The channel-less link from the environment value is replaced by the channels.
    expect(links.find((l) => l.from === 'orders' && l.to === 'kafka' && !l.channel)).toBeUndefined();
  });

  it('AsyncAPI 2.6: publish means the application receives, subscribe that it sends', () => {
    const links = all.design.links.filter((l) => l.kind === 'async' && (l.from === 'shipping' || l.to === 'shipping'));
    expect(links.map((l) => `${l.from}->${l.to}:${l.channel} ${l.message?.name}`)).toEqual([
      'rabbitmq->shipping:shipment.requested ShipmentRequested',
      'shipping->rabbitmq:shipment.dispatched ShipmentDispatched',
    ]);
  });

  it('OpenAPI 3.1 operations and version go onto the sync links into the service its server names', () => {
    expect(all.design.links.find((l) => l.to === 'payment')).toEqual({
      from: 'orders',
      to: 'payment',
      kind: 'sync',
      protocol: 'rest',
      operations: ['POST /payments', 'GET /payments/{id}', 'POST /refunds'],
      version: 'v1',
    });
  });

  it('OpenAPI 3.0: operations onto the calls into the server host; no /vN path, no version', () => {
    const spec = {
      name: 'catalog.openapi.json',
      text: JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Catalog', version: '2.0.0' },
        servers: [{ url: 'http://orders:8080' }],
        paths: {
          '/orders': { get: { responses: { 200: { description: 'ok' } } } },
          '/orders/{id}': { delete: { responses: { 204: { description: 'gone' } } } },
        },
      }),
    };
    const { design: d, sources } = imported([fixture('compose.yaml'), spec]);
    expect(sources['catalog.openapi.json']).toBe('openapi');
    expect(d.links.filter((l) => l.to === 'orders')).toEqual([
      { from: 'edge-gateway', to: 'orders', kind: 'sync', protocol: 'rest', operations: ['GET /orders', 'DELETE /orders/{id}'] },
      {
        from: 'billing-legacy',
        to: 'orders',
        kind: 'sync',
        protocol: 'rest',
        operations: ['GET /orders', 'DELETE /orders/{id}'],
      },
    ]);
  });

  it('an AsyncAPI document alone makes its service and its broker', () => {
    const { design } = imported([fixture('orders.asyncapi.yaml')]);
    expect(design.nodes).toEqual({
      orders: { kind: 'service', name: 'Orders' },
      kafka: { kind: 'broker', name: 'kafka', tech: 'kafka' },
    });
    expect(design.links.map((l) => `${l.from}->${l.to}:${l.channel}`)).toEqual([
      'orders->kafka:order.created',
      'kafka->orders:payment.completed',
    ]);
  });

  it('an OpenAPI document with nobody calling it makes its node and says the operations have nowhere to go', () => {
    const { design, inferences } = imported([fixture('payment.openapi.yaml')], { service: 'pay' });
    expect(design.nodes).toEqual({ pay: { kind: 'service', name: 'pay' } });
    expect(inferences.find((i) => i.what === 'operations not placed')).toMatchObject({ element: 'pay', line: 7 });
  });
});

describe('bad input: file, line and what was expected', () => {
  it('not one of the formats', () => {
    expect(errorsOf([{ name: 'notes.yaml', text: 'title: my notes\nitems: [1, 2]\n' }])).toEqual([
      'notes.yaml:1: not a format Signalbox imports: expected a docker-compose file (services:), a Kubernetes manifest (apiVersion: and kind:), an AsyncAPI document (asyncapi:) or an OpenAPI document (openapi:)',
    ]);
  });

  it('invalid YAML', () => {
    expect(errorsOf([{ name: 'c.yaml', text: 'services:\n  web:\n    image: "unterminated\n' }])[0]).toMatch(
      /^c\.yaml:3: invalid YAML: /,
    );
  });

  it('an unresolvable variable names itself and its line; a near miss with a default resolves', () => {
    const text = 'services:\n  api:\n    image: acme/api:1\n    environment:\n      DB_URL: ${DATABASE_URL}\n';
    expect(errorsOf([{ name: 'c.yaml', text }])).toEqual([
      'c.yaml:5: unresolvable variable ${DATABASE_URL}: set it in the environment or give a default (${DATABASE_URL:-value})',
    ]);
    expect(importFiles([{ name: 'c.yaml', text: text.replace('}', ':-postgres://db/x}') }]).ok).toBe(true);
    expect(importFiles([{ name: 'c.yaml', text }], { env: { DATABASE_URL: 'x' } }).ok).toBe(true);
  });

  it('a 10 MB manifest is refused before parsing', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\ndata:\n${'  k: v\n'.repeat(1_497_965)}`;
    expect(errorsOf([{ name: 'huge.yaml', text: big }])).toEqual([
      'huge.yaml: file too large (10.0 MB; the limit is 5 MB): split the manifest',
    ]);
    // The app passes the size of a file it did not read; one byte under the limit is read.
    expect(errorsOf([{ name: 'huge.yaml', text: '', size: 12_582_912 }])).toEqual([
      'huge.yaml: file too large (12.0 MB; the limit is 5 MB): split the manifest',
    ]);
    const under = `services:\n  api:\n    image: acme/api:1\n#${'x'.repeat(5 * 1024 * 1024 - 100)}\n`;
    expect(under.length).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(importFiles([{ name: 'c.yaml', text: under }]).ok).toBe(true);
  });

  it('a binary file', () => {
    expect(errorsOf([{ name: 'logo.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000' }])[0]).toMatch(
      /^logo\.png:2: binary content, not text/,
    );
  });

  it('--from that does not match the content', () => {
    expect(errorsOf([fixture('compose.yaml')], { from: 'kubernetes' })[0]).toMatch(/^compose\.yaml:2: not a Kubernetes manifest/);
  });

  it('hostile names stay text: ids are made valid, the original kept as the name', () => {
    const text = `services:\n  "<script>alert(1)</script>":\n    image: "acme/x:1"\n    environment: { U: "http://a'b:80" }\n`;
    const { design } = imported([{ name: 'c.yaml', text }]);
    expect(design.nodes).toEqual({ 'script-alert-1-script': { kind: 'service', name: '<script>alert(1)</script>' } });
  });
});

describe('inference helpers', () => {
  it('kinds: a match fires, a near miss stays a service', () => {
    expect(guessKind('users', 'mysql:8')).toMatchObject({ kind: 'database', tech: 'mysql' });
    expect(guessKind('users', 'acme/mysqlish:1')).toMatchObject({ kind: 'service' });
    expect(guessKind('db-metrics', 'prom/mysqld-exporter:v0.15')).toMatchObject({ infrastructure: true });
    expect(guessKind('queue', 'redpandadata/redpanda:v24')).toMatchObject({ kind: 'broker', tech: 'redpanda' });
    expect(guessKind('api-gw', 'acme/api:1')).toMatchObject({ kind: 'gateway' });
    expect(guessKind('gwendolyn', 'acme/api:1')).toMatchObject({ kind: 'service' });
    expect(guessKind('users-db', 'acme/users:1')).toMatchObject({ kind: 'database' });
    expect(guessKind('config-server', 'acme/config-server:1')).toMatchObject({ infrastructure: true });
    expect(guessKind('grafana', 'grafana/grafana:11')).toMatchObject({ infrastructure: true });
  });

  // Every image and name the issue lists, and a near miss for each family that must stay a service.
  it.each([
    ['users', 'mariadb:11', { kind: 'database', tech: 'mariadb' }],
    ['sql', 'mcr.microsoft.com/mssql/server:2022-latest', { kind: 'database', tech: 'mssql' }],
    ['catalog-store', 'mongo:7', { kind: 'database', tech: 'mongodb' }],
    ['sessions', 'memcached:1.6-alpine', { kind: 'database', tech: 'memcached' }],
    ['events', 'cassandra:5', { kind: 'database', tech: 'cassandra' }],
    ['search', 'docker.elastic.co/elasticsearch/elasticsearch:8.14.0', { kind: 'database', tech: 'elasticsearch' }],
    ['dynamo', 'amazon/dynamodb-local:2.5.2', { kind: 'database', tech: 'dynamodb' }],
    ['cache', 'bitnami/redis:7.2', { kind: 'database', tech: 'redis' }],
    ['ledger-db', 'ghcr.io/acme/ledger:3', { kind: 'database' }],
    ['bus', 'nats:2.10-alpine', { kind: 'broker', tech: 'nats' }],
    ['mq', 'apache/activemq-classic:6.1', { kind: 'broker', tech: 'activemq' }],
    ['streams', 'apachepulsar/pulsar:3.3', { kind: 'broker', tech: 'pulsar' }],
    ['events-bus', 'rabbitmq:3.13-management', { kind: 'broker', tech: 'rabbitmq' }],
    ['front', 'traefik:v3.1', { kind: 'gateway', tech: 'traefik' }],
    ['api', 'kong:3.7', { kind: 'gateway', tech: 'kong' }],
    ['lb', 'haproxy:3.0-alpine', { kind: 'gateway', tech: 'haproxy' }],
    ['legacy', 'netflixoss/zuul:2.1', { kind: 'gateway', tech: 'zuul' }],
    ['bff', 'ghcr.io/acme/spring-cloud-gateway:4.1', { kind: 'gateway', tech: 'spring-cloud-gateway' }],
    ['static', 'nginx:1.27-alpine', { kind: 'gateway', tech: 'nginx' }],
    ['edge', 'ghcr.io/acme/edge:1', { kind: 'gateway' }],
    ['mobile-router', 'ghcr.io/acme/mobile:1', { kind: 'gateway' }],
    ['partner-gw', 'ghcr.io/acme/partners:1', { kind: 'gateway' }],
    ['load', 'grafana/k6:0.52.0', { kind: 'client' }],
    ['perf', 'justb4/jmeter:5.5', { kind: 'client' }],
    ['tracing', 'openzipkin/zipkin:3', { infrastructure: true }],
    ['collector', 'otel/opentelemetry-collector:0.104.0', { infrastructure: true }],
    ['metrics', 'prom/prometheus:v2.53.0', { infrastructure: true }],
    ['logs', 'datalust/seq:2024.3', { infrastructure: true }],
    ['zk', 'zookeeper:3.9', { infrastructure: true }],
    ['config', 'springcloud/configserver:2.0', { infrastructure: true }],
    ['registry', 'ghcr.io/acme/discovery-server:1', { infrastructure: true }],
    // Near misses: a word that only starts like a keyword is not it.
    ['orders', 'ghcr.io/acme/mongoose-orders:1', { kind: 'service' }],
    ['kongress', 'ghcr.io/acme/kongress:1', { kind: 'service' }],
    ['edgar', 'ghcr.io/acme/edgar:1', { kind: 'service' }],
    ['sequencer', 'ghcr.io/acme/sequencer:1', { kind: 'service' }],
    ['dbsync', 'ghcr.io/acme/dbsync:1', { kind: 'service' }],
    ['natsume', 'ghcr.io/acme/natsume:1', { kind: 'service' }],
  ] as const)('kind of %s (%s)', (name, image, expected) => {
    const guess = guessKind(name, image);
    expect(guess).toMatchObject(expected);
    if ('kind' in expected && !('tech' in expected)) expect(guess).not.toHaveProperty('tech');
  });

  it('host references in environment values', () => {
    expect(findHostReferences('DB', 'jdbc:sqlserver://sql:1433;databaseName=x')).toEqual([
      { host: 'sql', scheme: 'sqlserver', port: 1433 },
    ]);
    expect(findHostReferences('BROKERS', 'k1:9092,k2:9092')).toEqual([
      { host: 'k1', port: 9092 },
      { host: 'k2', port: 9092 },
    ]);
    expect(findHostReferences('PAYMENT_HOST', 'payment')).toEqual([{ host: 'payment' }]);
    expect(findHostReferences('GREETING', 'payment')).toEqual([]);
  });

  it('interpolation: the compose forms', () => {
    const env = { A: 'a', E: '' };
    expect(interpolate('${A}-${B:-b}-${E:-e}-${E-x}-$$A-$A-${A:+set}', env)).toBe('a-b-e--$A-a-set');
    expect(() => interpolate('${B:?needs B}', env)).toThrow('variable B is required: needs B');
  });

  it('property: any compose file of services and env values imports to a valid design or clear errors, never a throw', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 8 }),
        fc.array(fc.string(), { maxLength: 8 }),
        (names, values) => {
          const services = names
            .map(
              (n, i) =>
                `  "${n}":\n    image: "acme/${n}:1"\n    environment:\n      URL: ${JSON.stringify(`http://${names[(i + 1) % names.length]}:80 ${values[i] ?? ''}`)}\n`,
            )
            .join('');
          const result = importFiles([{ name: 'c.yaml', text: `services:\n${services}` }], { env: {} });
          if (result.ok) {
            expect(readDesign(designToYaml(result.design)).issues.filter((i) => i.severity === 'error')).toEqual([]);
            for (const link of result.design.links) expect(link.from).not.toBe(link.to);
          } else for (const e of result.errors) expect(e.file).toBe('c.yaml');
        },
      ),
      { numRuns: 150 },
    );
  });
});
