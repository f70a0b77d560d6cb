import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures';
import { TEMPLATES } from '../templates';
import { formatPath, validateDesign, type PathSegment } from '../model/validate';
import { getDesignJsonSchema, getDesignJsonSchemaText } from './jsonSchema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit parsed YAML in place, by path
type Raw = any;

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = readFileSync(join(__dirname, 'fixtures', 'format-example.signalbox.yaml'), 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(getDesignJsonSchema());

/** An ajv error as the app writes a path: `/links/3/timeoutMs` -> `links[3].timeoutMs`. */
function pathOf(error: ErrorObject): string {
  const segments: PathSegment[] = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
  return formatPath(segments);
}

function schemaErrorPaths(raw: unknown): string[] {
  return validate(raw) ? [] : [...new Set((validate.errors ?? []).map(pathOf))];
}

describe('the JSON Schema of the design format', () => {
  it('is the file in the repository (run `npm run schema` after changing the zod schema)', () => {
    expect(readFileSync(join(ROOT, 'schema', 'signalbox.schema.json'), 'utf8')).toBe(getDesignJsonSchemaText());
  });

  it('is 2020-12, with a hover text for every key format.md documents on nodes and links', () => {
    const schema = getDesignJsonSchema() as {
      $schema: string;
      properties: { nodes: { additionalProperties: { properties: Record<string, { description?: string }> } } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const node = schema.properties.nodes.additionalProperties.properties;
    expect(Object.entries(node).filter(([, p]) => !p.description)).toEqual([]);
  });

  it.each([
    ['the format.md example', EXAMPLE] as const,
    ...TEMPLATES.map((t) => [`template ${t.id}`, t.yaml] as const),
    ...FIXTURES.map((f) => [`fixture ${f.id}`, f.yaml] as const),
  ])('accepts %s', (_, yaml) => {
    const raw: unknown = parse(yaml);
    expect(validateDesign(raw).design).toBeDefined();
    expect(schemaErrorPaths(raw)).toEqual([]);
  });

  // The invalid examples of format.md (Validation) and one of each kind of value it constrains:
  // the schema fails them at exactly the path the app reports.
  const edits: [string, (d: Raw) => void][] = [
    ['a link timeout of 0 (format.md: links[3].timeoutMs)', (d) => (d.links[3].timeoutMs = 0)],
    ['a node without a name', (d) => delete d.nodes.web.name],
    ['an unknown node kind', (d) => (d.nodes.bus.kind = 'queue')],
    ['retries below zero', (d) => (d.links[1].retry.max = -1)],
    ['a breaker failure rate over 100', (d) => (d.links[1].breaker.failureRatePct = 120)],
    ['a fractional replica count', (d) => (d.nodes.order.replicas = 2.5)],
    ['a position with one number', (d) => (d.nodes.order.at = [420])],
    ['a newer format version', (d) => (d.signalbox = 2)],
    ['a rule setting that is none of off, severity, thresholds', (d) => (d.rules = { 'hub-service': 'loud' })],
    ['a flow without steps', (d) => delete d.flows[0].steps],
    ['links that are not a list', (d) => (d.links = { a: 1 })],
  ];
  it.each(edits)('rejects %s at the path the app reports', (_, edit) => {
    const raw = parse(EXAMPLE) as Raw;
    edit(raw);
    const app = validateDesign(raw).issues.filter((i) => i.severity === 'error');
    expect(app.length).toBeGreaterThan(0);
    expect(schemaErrorPaths(raw)).toEqual(expect.arrayContaining(app.map((i) => i.path)));
  });

  it('agrees with the app on any value put under any key it knows (property)', () => {
    const base = parse(EXAMPLE) as Raw;
    // Keys that name other elements are left alone: a dangling reference is the one kind of error
    // JSON Schema cannot see (format.md: checked by the reader, not the schema).
    const targets: PathSegment[][] = [
      ['name'],
      ['description'],
      ['signalbox'],
      ...Object.keys(base.nodes.order).map((k) => ['nodes', 'order', k]),
      ...['kind', 'protocol', 'timeoutMs', 'retry', 'breaker', 'bulkhead', 'version', 'operations', 'idempotent'].map((k) => [
        'links',
        1,
        k,
      ]),
      ...['max', 'backoff', 'jitter', 'baseMs'].map((k) => ['links', 1, 'retry', k]),
      ...['message', 'delivery', 'dlq', 'pattern', 'consumerGroup'].map((k) => ['links', 3, k]),
      ['flows', 0, 'saga'],
      ['rules', 'sync-chain-depth'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const raw = structuredClone(base);
        let at: Raw = raw;
        for (const seg of path.slice(0, -1)) at = at[seg] ??= {};
        at[path.at(-1)!] = value;
        const app = validateDesign(raw).issues.filter((i) => i.severity === 'error');
        const schema = schemaErrorPaths(raw);
        expect(schema.length === 0).toBe(app.length === 0);
        for (const issue of app) expect(schema).toContain(issue.path);
      }),
      { numRuns: 400 },
    );
  });
});
