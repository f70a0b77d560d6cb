import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/signalbox.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'signalbox-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function lint(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, 'lint', ...args], { encoding: 'utf8', input, timeout: 60000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// One error (missing-dlq) and one warning (orphan-channel), nothing else.
const WITH_ERROR = `signalbox: 1
name: Food delivery platform
nodes:
  payment: { kind: service, name: Payment }
  bus: { kind: broker, name: Kafka }
links:
  - from: bus
    to: payment
    kind: async
    channel: order.created
    idempotent: true
`;
// The same with a dead-letter channel: only the warning is left.
const WARNING_ONLY = WITH_ERROR.replace('idempotent: true', 'idempotent: true\n    dlq: order.created.dlq');
const CLEAN = `signalbox: 1
name: Clean
nodes:
  order: { kind: service, name: Order }
links: []
`;

// Each case spawns the real command (tsx start-up ~1-2 s), so allow for a busy machine.
describe('signalbox lint', { timeout: 120_000 }, () => {
  const withError = file('with-error.signalbox.yaml', WITH_ERROR);
  const warningOnly = file('warning-only.signalbox.yaml', WARNING_ONLY);
  const clean = file('clean.signalbox.yaml', CLEAN);

  it('prints text grouped by severity with a summary line, exit 1 on an error', () => {
    const { code, stdout, stderr } = lint([withError]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('Food delivery platform: 2 findings');
    const errorAt = stdout.indexOf('ERROR (1)');
    const warningAt = stdout.indexOf('WARNING (1)');
    expect(errorAt).toBeGreaterThan(0);
    expect(warningAt).toBeGreaterThan(errorAt);
    expect(stdout).toContain(`missing-dlq (${withError}:7)`);
    expect(stdout).toContain('Payment consumes order.created with no dead-letter channel');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('summary: 1 error, 1 warning, 0 info');
  });

  it('prints exactly the documented JSON object', () => {
    const { code, stdout } = lint([withError, '--format', 'json']);
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['design', 'findings', 'summary']);
    expect(output.design).toBe('Food delivery platform');
    expect(output.summary).toEqual({ error: 1, warning: 1, info: 0 });
    expect((output.findings as unknown[])[0]).toEqual({
      rule: 'missing-dlq',
      severity: 'error',
      message: 'Payment consumes order.created with no dead-letter channel',
      nodes: ['payment'],
      links: ['bus->payment:order.created'],
      fix: 'Add a dead-letter channel, bound redelivery, and alert on its depth.',
    });
  });

  it('prints SARIF 2.1.0 with rules, levels, file locations with lines, and logical locations', () => {
    const { code, stdout } = lint([withError, '--format=sarif']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('signalbox');
    expect(run.tool.driver.rules).toHaveLength(30);
    const dlqRule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'missing-dlq');
    expect(dlqRule.defaultConfiguration.level).toBe('error');
    expect(dlqRule.shortDescription.text).toBeTruthy();
    expect(dlqRule.help.text).toBeTruthy();
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'missing-bulkhead').defaultConfiguration.level).toBe(
      'note',
    );
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['missing-dlq', 'error'],
      ['orphan-channel', 'warning'],
    ]);
    const result = run.results[0];
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('missing-dlq');
    expect(result.message.text).toContain('Payment consumes order.created');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: withError, index: 0 },
      region: { startLine: 7 },
    });
    expect(result.locations[0].logicalLocations).toEqual([
      { name: 'payment', fullyQualifiedName: 'nodes.payment', kind: 'object' },
      { name: 'bus->payment:order.created', fullyQualifiedName: 'links[0]', kind: 'element' },
    ]);
  });

  it('exit codes follow --fail-on', () => {
    expect(lint([warningOnly]).code).toBe(0);
    expect(lint([warningOnly, '--fail-on', 'warning']).code).toBe(1);
    expect(lint([withError, '--fail-on', 'never']).code).toBe(0);
    expect(lint([clean, '--fail-on', 'warning']).code).toBe(0);
    expect(lint([clean]).stdout).toContain('Clean: no findings');
  });

  it('reads standard input with -', () => {
    const { code, stdout } = lint(['-', '--format', 'json'], WITH_ERROR);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('exits 2 on YAML that does not parse, with line:column on standard error', () => {
    const broken = file('broken.signalbox.yaml', 'signalbox: 1\nname: [unclosed\nnodes: {}\n');
    const { code, stdout, stderr } = lint([broken]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`${broken.replace(/[.\\]/g, '\\$&')}:\\d+:\\d+: error: .*not valid YAML`));
  });

  it('exits 2 on an invalid design, with the path and line:column of each error', () => {
    const invalid = file('invalid.signalbox.yaml', WITH_ERROR.replace('to: payment', 'to: nowhere'));
    const { code, stdout, stderr } = lint([invalid, '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${invalid}:8:5: error: links[0].to: unknown node "nowhere"`);
  });

  it('loads zod only for a design the fast check steps aside for, which still gets zod’s words', () => {
    // zod notes its global config on globalThis as it loads: the hook tells whether it loaded.
    const hook = file(
      'zod-hook.cjs',
      `process.on('exit', () => process.stderr.write('zod: ' + ('__zod_globalConfig' in globalThis)));`,
    );
    const run = (path: string) => spawnSync(process.execPath, ['-r', hook, BIN, 'lint', path], { encoding: 'utf8' });
    const clean = run(file('zod-clean.signalbox.yaml', CLEAN));
    expect(clean.status).toBe(0);
    expect(clean.stderr).toBe('zod: false');
    const wrongKind = run(file('zod-kind.signalbox.yaml', CLEAN.replace('kind: service', 'kind: servise')));
    expect(wrongKind.status).toBe(2);
    expect(wrongKind.stderr).toContain('kind: expected one of client, gateway, service, broker, database, external');
    expect(wrongKind.stderr).toMatch(/zod: true$/);
  });

  it('exits 2 for a missing file and for bad options', () => {
    expect(lint([join(dir, 'missing.yaml')]).code).toBe(2);
    expect(lint([clean, '--format', 'xml']).stderr).toContain('--format must be text, json or sarif');
    expect(lint([clean, '--fail-on', 'sometimes']).code).toBe(2);
    expect(lint([]).code).toBe(2);
  });

  it('warns on standard error about unknown rule ids, and still lints', () => {
    const typo = file('typo.signalbox.yaml', `${WITH_ERROR}rules:\n  missing-dql: off\n`);
    const { code, stderr } = lint([typo, '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${typo}:13:1: warning: rules.missing-dql: unknown rule "missing-dql" (ignored)`);
  });

  it('applies the design’s rule settings', () => {
    const quiet = file('quiet.signalbox.yaml', `${WITH_ERROR}rules:\n  missing-dlq: warning\n`);
    const { code, stdout } = lint([quiet, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toEqual({ error: 0, warning: 2, info: 0 });
  });
});

describe('lint on a binary file', () => {
  it('says in one line that it is not a text file, and exits 2', () => {
    // The first bytes of a PNG, then noise: what `lint logo.png` reads.
    const png = join(dir, 'logo.png');
    writeFileSync(
      png,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
    );
    const { code, stdout, stderr } = lint([png]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('logo.png is not a text file: it looks like binary data');
  });
});
