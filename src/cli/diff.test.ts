import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/signalbox.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'signalbox-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The official SARIF 2.1.0 schema (as the SARIF SDK ships it); its one lone-bracket pattern needs non-unicode regexps. */
const sarifSchema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const validateSarif = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(
  sarifSchema,
);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function diff(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, 'diff', ...args], { encoding: 'utf8', input, timeout: 60000, cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(...args: string[]) {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

const BASE = `signalbox: 1
name: Shop
nodes:
  order: { kind: service, name: Order }
  payment: { kind: service, name: Payment }
  bus: { kind: broker, name: Kafka }
links:
  - from: order
    to: bus
    kind: async
    channel: order.created
    message:
      name: OrderCreated
      version: 1
      schema: { type: object, required: [orderId], properties: { orderId: { type: string } } }
  - { from: bus, to: payment, kind: async, channel: order.created, idempotent: true, dlq: order.created.dlq }
`;
// orderId becomes an integer under backward compatibility with the version kept: breaking.
const BREAKING = BASE.replace('orderId: { type: string }', 'orderId: { type: integer }');
// The same design written another way: flow style, keys reordered, comments.
const REFORMATTED = `# Shop, reformatted
name: Shop
signalbox: 1
links:
  - { kind: async, to: bus, from: order, channel: order.created, message: { version: 1, name: OrderCreated, schema: { properties: { orderId: { type: string } }, type: object, required: [orderId] } } }
  - from: bus # the consumer
    to: payment
    dlq: order.created.dlq
    kind: async
    idempotent: true
    channel: order.created
nodes:
  bus: { name: Kafka, kind: broker }
  payment: { name: Payment, kind: service }
  order: { name: Order, kind: service }
`;
// payment loses its dead-letter channel: an introduced error (missing-dlq), nothing breaking.
const NEW_ERROR = BASE.replace(', dlq: order.created.dlq', '');
// A new optional property only: not breaking, no finding.
const HARMLESS = BASE.replace('orderId: { type: string } }', 'orderId: { type: string }, note: { type: string } }');
// A hostile node name: it must come out as text in every format.
const HOSTILE = BASE.replace('name: Payment', `name: "<script>alert(1)</script> | **x** [y](javascript:z)"`).replace(
  '  bus: { kind: broker',
  '  evil: { kind: service, name: "<img src=x onerror=alert(1)>" }\n  bus: { kind: broker',
);

describe('signalbox diff', { timeout: 180_000 }, () => {
  const base = file('base.signalbox.yaml', BASE);
  const breaking = file('breaking.signalbox.yaml', BREAKING);
  const reformatted = file('reformatted.signalbox.yaml', REFORMATTED);
  const newError = file('new-error.signalbox.yaml', NEW_ERROR);
  const harmless = file('harmless.signalbox.yaml', HARMLESS);
  const hostile = file('hostile.signalbox.yaml', HOSTILE);

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    file('shop.signalbox.yaml', BASE);
    git('add', 'shop.signalbox.yaml');
    git('commit', '-q', '-m', 'base');
    file('shop.signalbox.yaml', BREAKING);
  });

  it('text: breaking changes first, with why, and exit 1', () => {
    const { code, stdout, stderr } = diff([base, breaking]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('1 change (1 breaking)');
    expect(stdout).toContain('BREAKING (1)');
    expect(stdout).toMatch(
      /orderId changes type from "string" to "integer" \(not allowed under backward compatibility\); the message version stays 1/,
    );
  });

  it('a reformatted copy has no changes and exits 0', () => {
    const { code, stdout } = diff([base, reformatted]);
    expect(code).toBe(0);
    expect(stdout).toContain('0 changes (0 breaking)');
    expect(stdout).toContain('no changes');
  });

  it('reads BASE from git:REF:PATH (git show), HEAD from the working tree', () => {
    const { code, stdout, stderr } = diff(['git:main:shop.signalbox.yaml', 'shop.signalbox.yaml', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.base).toBe('git:main:shop.signalbox.yaml');
    expect(out.summary.breaking).toBe(1);
    expect(diff(['git:HEAD:shop.signalbox.yaml', base]).code).toBe(0);
  });

  it('an unknown git ref or path exits 2 naming the input', () => {
    const ref = diff(['git:no-such-branch:shop.signalbox.yaml', base]);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain('cannot read git:no-such-branch:shop.signalbox.yaml');
    expect(ref.stdout).toBe('');
    const path = diff(['git:main:missing.yaml', base]);
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/cannot read git:main:missing\.yaml: .*missing\.yaml/);
    expect(diff(['git:main', base]).stderr).toContain('expected git:REF:PATH');
    expect(diff(['git:--output=/tmp/x:a.yaml', base]).code).toBe(2);
  });

  it('json: one object with changes, findings and summary', () => {
    const { code, stdout } = diff([base, newError, '--format=json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['base', 'head', 'changes', 'findings', 'summary']);
    expect(out.changes).toEqual([
      {
        change: 'removed',
        element: 'link',
        id: 'bus->payment:order.created',
        path: 'links["bus->payment:order.created"].dlq',
        before: 'order.created.dlq',
        breaking: false,
        message: 'link bus->payment:order.created: dlq removed (was "order.created.dlq")',
      },
    ]);
    expect(out.findings.introduced).toHaveLength(1);
    expect(Object.keys(out.findings.introduced[0])).toEqual(['rule', 'severity', 'message', 'nodes', 'links', 'fix']);
    expect(out.findings.introduced[0]).toMatchObject({ rule: 'missing-dlq', severity: 'error', nodes: ['payment'] });
    expect(out.summary).toEqual({ changes: 1, breaking: 0, introduced: { error: 1, warning: 0, info: 0 }, resolved: 0 });
    const back = JSON.parse(diff([newError, base, '--format', 'json']).stdout);
    expect(back.findings.resolved.map((f: { rule: string }) => f.rule)).toEqual(['missing-dlq']);
  });

  it('exit codes follow --fail-on', () => {
    expect(diff([base, harmless]).code).toBe(0);
    expect(diff([base, newError]).code).toBe(1);
    expect(diff([base, newError, '--fail-on', 'error']).code).toBe(1);
    expect(diff([base, breaking, '--fail-on', 'error']).code).toBe(1);
    expect(diff([base, newError, '--fail-on', 'never']).code).toBe(0);
    expect(diff([base, breaking, '--fail-on', 'never']).code).toBe(0);
    // harmless -> base removes an optional property: still no failure at warning level.
    expect(diff([harmless, base, '--fail-on', 'warning']).code).toBe(0);
  });

  it('--fail-on warning fails on an introduced warning that breaking ignores', () => {
    // A consumer of a channel nobody publishes: orphan-channel (warning), and no breaking change.
    const orphan = file(
      'orphan.signalbox.yaml',
      `${BASE}  - { from: bus, to: order, kind: async, channel: refunds, idempotent: true, dlq: refunds.dlq }\n`,
    );
    const json = JSON.parse(diff([base, orphan, '--format', 'json', '--fail-on', 'never']).stdout);
    expect(json.summary.breaking).toBe(0);
    expect(json.summary.introduced.error).toBe(0);
    expect(json.summary.introduced.warning).toBeGreaterThan(0);
    expect(diff([base, orphan]).code).toBe(0);
    expect(diff([base, orphan, '--fail-on', 'warning']).code).toBe(1);
  });

  it('markdown: a pull-request comment, names shown as text', () => {
    const { code, stdout } = diff([base, hostile, '--format', 'markdown', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stdout.startsWith('## Signalbox design review\n')).toBe(true);
    expect(stdout).not.toMatch(/<script|<img/);
    expect(stdout).toContain('&lt;script&gt;');
    expect(stdout).toContain('\\*\\*x\\*\\* \\[y\\]');
    const broken = diff([base, breaking, '--format', 'markdown']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('**1 breaking change**');
    expect(broken.stdout).toContain('### Breaking changes');
  });

  it('sarif: valid SARIF 2.1.0 with the breaking change and the introduced finding', () => {
    const withBoth = file('both.signalbox.yaml', BREAKING.replace(', dlq: order.created.dlq', ''));
    const { code, stdout } = diff([base, withBoth, '--format', 'sarif']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = sarif.runs[0].results as { ruleId: string; level: string }[];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['breaking-change', 'error'],
      ['missing-dlq', 'error'],
    ]);
    expect(sarif.runs[0].artifacts[0].location.uri).toBe(withBoth);
  });

  it('HEAD from standard input', () => {
    const { code, stdout } = diff([base, '-'], BREAKING);
    expect(code).toBe(1);
    expect(stdout).toContain('-> <stdin>');
  });

  it('bad input exits 2 with a clear message on standard error and nothing on standard output', () => {
    const invalid = file('invalid.signalbox.yaml', 'signalbox: 1\nname: X\nnodes: { a: { kind: nope, name: A } }\nlinks: []\n');
    const cases: [string[], RegExp][] = [
      [[base, join(dir, 'nope.yaml')], /cannot read .*nope\.yaml: no such file/],
      [[base, invalid], /invalid\.signalbox\.yaml:3:\d+.*nodes\.a\.kind/],
      [[base], /expected BASE and HEAD \(got 1 input\)/],
      [['-', '-'], /only one of BASE and HEAD can be -/],
      [[base, base, '--format', 'xml'], /--format must be text, json, markdown or sarif/],
      [[base, base, '--fail-on', 'sometimes'], /--fail-on must be breaking, error, warning or never/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = diff(args, '');
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    }
  });
});
