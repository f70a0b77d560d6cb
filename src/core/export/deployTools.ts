/**
 * The real consumers of the deployment exporters, for tests only (imported by *.test.ts): protoc,
 * promtool, the Istio / Gateway API / Envoy Gateway CRD schemas, ajv 2020 strict, and tsc with
 * cockatiel. A missing binary fails the test with how to install it, never skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DestinationRule, VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1';
import { Gateway, HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import {
  BackendTrafficPolicy,
  ClientTrafficPolicy,
  SecurityPolicy,
} from '@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ts from 'typescript';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { Design, Link } from '../model/types';
import { nastyName } from './testDesigns';

function requireBinary(path: string, aptPackage: string): void {
  if (!existsSync(path))
    throw new Error(`${path} is missing: apt-get install -y ${aptPackage} (.ci/run installs it on a fresh machine)`);
}

function withTempDir<T>(run: (dir: string) => T, parent = tmpdir()): T {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'signalbox-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** protoc's errors for these files (empty when every file compiles). */
export function protocErrors(files: { fileName: string; text: string }[]): string {
  requireBinary('/usr/bin/protoc', 'protobuf-compiler');
  return withTempDir((dir) => {
    for (const file of files) writeFileSync(join(dir, file.fileName), file.text);
    const result = spawnSync(
      '/usr/bin/protoc',
      [`--proto_path=${dir}`, '--descriptor_set_out=/dev/null', ...files.map((f) => f.fileName)],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    return result.status === 0 ? '' : `${result.stderr}${result.stdout}` || `protoc exited ${result.status}`;
  });
}

/** `promtool check rules`' complaint about a rule file (empty when it passes). */
export function promtoolErrors(text: string): string {
  requireBinary('/usr/bin/promtool', 'prometheus');
  return withTempDir((dir) => {
    const path = join(dir, 'rules.yaml');
    writeFileSync(path, text);
    const result = spawnSync('/usr/bin/promtool', ['check', 'rules', path], { encoding: 'utf8' });
    return result.status === 0 ? '' : `${result.stdout}${result.stderr}`;
  });
}

type Model = new (data: never) => { validate: () => void };
const MODELS: Record<string, Model> = {
  'networking.istio.io/v1beta1 VirtualService': VirtualService as unknown as Model,
  'networking.istio.io/v1beta1 DestinationRule': DestinationRule as unknown as Model,
  'security.istio.io/v1beta1 PeerAuthentication': PeerAuthentication as unknown as Model,
  'gateway.networking.k8s.io/v1 Gateway': Gateway as unknown as Model,
  'gateway.networking.k8s.io/v1 HTTPRoute': HTTPRoute as unknown as Model,
  'gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy': BackendTrafficPolicy as unknown as Model,
  'gateway.envoyproxy.io/v1alpha1 SecurityPolicy': SecurityPolicy as unknown as Model,
  'gateway.envoyproxy.io/v1alpha1 ClientTrafficPolicy': ClientTrafficPolicy as unknown as Model,
};

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Each document of a YAML stream as the cluster would read it, checked against its CRD schema;
 * plus what the API server checks beyond it: a known kind, a DNS-1123 name, unique per kind.
 */
export function kubernetesErrors(stream: string): string[] {
  const errors: string[] = [];
  const names = new Set<string>();
  for (const [i, doc] of parseAllDocuments(stream).entries()) {
    if (doc.errors.length > 0) {
      errors.push(`document ${i}: ${doc.errors[0]!.message}`);
      continue;
    }
    const object = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } } | null;
    const key = `${object?.apiVersion} ${object?.kind}`;
    const model = MODELS[key];
    if (!object || !model) {
      errors.push(`document ${i}: unknown ${key}`);
      continue;
    }
    const name = object.metadata?.name ?? '';
    if (name.length > 253 || !name.split('.').every((part) => DNS_LABEL.test(part)))
      errors.push(`${key} "${name}": not a DNS-1123 name`);
    if (names.has(`${key} ${name}`)) errors.push(`${key} "${name}": defined twice`);
    names.add(`${key} ${name}`);
    try {
      new model(object as never).validate();
    } catch (error) {
      errors.push(`${key} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}

/** A strict ajv 2020-12 with the standard formats: compiling a schema is what consumers do first. */
export function createStrictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const REPO = resolve(import.meta.dirname, '../../..');

/** tsc's diagnostics for TypeScript files importing cockatiel (strict, no unused locals). */
export function typeScriptErrors(files: { fileName: string; text: string }[]): string[] {
  // Inside the repository so `cockatiel` resolves from its node_modules.
  return withTempDir(
    (dir) => {
      const paths = files.map((file, i) => {
        const path = join(dir, `${i}-${file.fileName}`);
        writeFileSync(path, file.text);
        return path;
      });
      const program = ts.createProgram(paths, {
        strict: true,
        noUnusedLocals: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        skipLibCheck: true,
        types: [],
        isolatedModules: true,
      });
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
    join(REPO, 'node_modules/.cache'),
  );
}

/** Hostile ids: the format allows any text but `__proto__`. */
const nastyId = nastyName.filter((id) => id !== '__proto__');

const retryArb = fc.record(
  {
    max: fc.integer({ min: 0, max: 10 }),
    backoff: fc.constantFrom('none', 'fixed', 'exponential' as const),
    jitter: fc.boolean(),
    baseMs: fc.integer({ min: 1, max: 60_000 }),
  },
  { requiredKeys: ['max'] },
);
const breakerArb = fc.record(
  {
    failureRatePct: fc.double({ min: 0, max: 100, noNaN: true }),
    openMs: fc.integer({ min: 1, max: 2_147_483_647 }),
    fallback: nastyName,
  },
  { requiredKeys: [] },
);
const syncExtras = fc.record(
  {
    timeoutMs: fc.integer({ min: 1, max: 2_147_483_647 }),
    retry: retryArb,
    breaker: breakerArb,
    bulkhead: fc.record({ maxConcurrent: fc.integer({ min: 1, max: 2_147_483_647 }) }),
    auth: fc.constantFrom('none', 'jwt', 'mtls', 'apikey', 'oauth2' as const),
    version: fc.oneof(nastyName, fc.constant('v1')),
  },
  { requiredKeys: [] },
);

/** A JSON Schema with hostile property names, nested objects and lists, and keywords a strict validator refuses. */
const schemaArb: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      { type: 'string' },
      { type: 'integer', minimum: 0 },
      { type: 'number' },
      { type: 'boolean' },
      { type: ['string', 'null'] },
    ),
    fc.record({ type: fc.constant('array'), items: tie('schema') }),
    fc.record({
      type: fc.constant('object'),
      properties: fc.dictionary(nastyName, tie('schema'), { maxKeys: 5 }),
      example: fc.string(),
      'x-extra': fc.string(),
      format: fc.constantFrom('date-time', 'money', 'uuid'),
      minLength: fc.constantFrom(-1, 2, 'x'),
    }),
  ),
})).schema;

/** The parts of a hostile design the deployment exporters read. */
export const nastyDeployDesign: fc.Arbitrary<Design> = fc
  .record({
    ids: fc.uniqueArray(nastyId, { minLength: 8, maxLength: 8, selector: (id) => id }),
    names: fc.array(nastyName, { minLength: 8, maxLength: 8 }),
    channel: nastyName,
    dlq: nastyName,
    group: nastyName,
    operations: fc.array(nastyName, { minLength: 1, maxLength: 3 }),
    grpcOperations: fc.array(fc.oneof(nastyName, fc.constant('shop.orders.v1.OrderService/Create')), {
      minLength: 1,
      maxLength: 3,
    }),
    tech: fc.constantFrom(undefined, 'node', 'java', 'go', 'python', 'dotnet', 'c#', '<script>'),
    brokerTech: fc.constantFrom(undefined, 'kafka', 'rabbitmq', 'sqs', '{{ "x" }}'),
    gatewayAuth: fc.constantFrom(undefined, 'none', 'jwt', 'oauth2', 'apikey', 'mtls' as const),
    rateLimitRps: fc.option(fc.integer({ min: 1, max: 2_147_483_647 }), { nil: undefined }),
    availability: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    latencyMs: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: undefined }),
    sync: fc.array(syncExtras, { minLength: 4, maxLength: 4 }),
    schema: fc.option(schemaArb, { nil: undefined }),
    // The design's link defaults: every exporter reads a link with them filled in.
    defaults: fc.option(
      fc.record(
        {
          timeoutMs: fc.integer({ min: 1, max: 2_147_483_647 }),
          retry: retryArb,
          delivery: fc.constantFrom('at-most-once', 'at-least-once', 'exactly-once' as const),
          dlq: fc.oneof(fc.constant('{channel}.dlq'), nastyName),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  })
  .map((parts): Design => {
    const [client, gateway, a, b, c, broker, db, ext] = parts.ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const name = (i: number) => parts.names[i]!;
    const [s0, s1, s2, s3] = parts.sync as [Link, Link, Link, Link];
    return {
      signalbox: 1,
      name: name(0),
      defaults: parts.defaults,
      nodes: {
        [client]: { kind: 'client', name: name(0) },
        [gateway]: {
          kind: 'gateway',
          name: name(1),
          auth: parts.gatewayAuth,
          rateLimitRps: parts.rateLimitRps,
          latencyMs: parts.latencyMs,
        },
        [a]: { kind: 'service', name: name(2), tech: parts.tech, availability: parts.availability, latencyMs: parts.latencyMs },
        [b]: { kind: 'service', name: name(3), tech: parts.tech },
        [c]: { kind: 'service', name: name(4), availability: parts.availability },
        [broker]: { kind: 'broker', name: name(5), tech: parts.brokerTech },
        [db]: { kind: 'database', name: name(6) },
        [ext]: { kind: 'external', name: name(7), availability: parts.availability },
      },
      links: [
        { from: client, to: gateway, kind: 'sync', protocol: 'rest' },
        { ...s0, from: gateway, to: a, kind: 'sync', protocol: 'rest', operations: parts.operations },
        { ...s1, from: gateway, to: b, kind: 'sync', protocol: 'grpc', operations: parts.grpcOperations },
        {
          ...s2,
          from: a,
          to: b,
          kind: 'sync',
          protocol: 'grpc',
          operations: parts.grpcOperations,
          message: parts.schema ? { schema: parts.schema } : undefined,
        },
        { ...s3, from: a, to: c, kind: 'sync' },
        { from: b, to: c, kind: 'sync', protocol: 'graphql', timeoutMs: 100 },
        { from: c, to: db, kind: 'sync', protocol: 'sql' },
        { from: c, to: ext, kind: 'sync', protocol: 'rest', breaker: { fallback: name(7) } },
        {
          from: a,
          to: broker,
          kind: 'async',
          channel: parts.channel,
          message: { name: name(3), version: 1, schema: parts.schema },
        },
        { from: broker, to: b, kind: 'async', channel: parts.channel, consumerGroup: parts.group, dlq: parts.dlq },
        { from: broker, to: c, kind: 'async', channel: parts.channel, dlq: `${parts.dlq}{{` },
      ],
    };
  })
  .map((design) => JSON.parse(JSON.stringify(design)) as Design); // drop the undefined keys, as a file would
