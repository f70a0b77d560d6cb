// Issue 11 reproducers, run as a user runs them: the real command, spawned.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'signalbox-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function signalbox(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/signalbox.mjs', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
    maxBuffer: 512 * 2 ** 20,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function chainFile(count: number, nameLength: number): string {
  const lines = ['signalbox: 1', 'name: Chain', 'nodes:'];
  for (let i = 0; i < count; i++)
    lines.push(`  s${i}: { kind: service, name: ${String(i).padStart(4, '0')}${'x'.repeat(nameLength - 4)} }`);
  lines.push('links:');
  for (let i = 1; i < count; i++) lines.push(`  - { from: s${i - 1}, to: s${i}, kind: sync }`);
  const file = join(dir, `chain-${count}-${nameLength}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('signalbox with hostile input (issue 11)', () => {
  it('simulate --down on a 400-service chain of 1,000-character names: bounded output, no stack trace', () => {
    const run = signalbox(['simulate', chainFile(400, 1000), '--down', 's399']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // 244 MB before; now each line names at most a handful of (shortened) names.
    expect(run.stdout.length).toBeLessThan(1_000_000);
    expect(run.stdout).toContain('… 394 more …');
  });

  it('names of 5,000 characters are refused at read time: exit 2 with the path, no stack trace', () => {
    const run = signalbox(['simulate', chainFile(3, 5000), '--down', 's2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nodes\.s0\.name: a name of 5,000 characters is too long; at most 1,000/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a schema nested 3,000 levels: lint and export exit 2 with the limit, not a stack overflow', () => {
    let schema = '{ type: string }';
    for (let i = 0; i < 2999; i++) schema = `{ type: object, properties: { p: ${schema} } }`;
    const file = join(dir, 'deep.yaml');
    writeFileSync(
      file,
      `signalbox: 1\nname: Deep\nnodes:\n  a: { kind: service, name: A }\n  b: { kind: broker, name: B }\nlinks:\n  - { from: a, to: b, kind: async, channel: c, message: { name: M, schema: ${schema} } }\n`,
    );
    for (const args of [
      ['lint', file],
      ['export', file, '--to', 'asyncapi'],
      ['export', file, '--to', 'yaml'],
    ]) {
      const run = signalbox(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('7:');
      expect(run.stderr).toContain('nests maps and lists more than 64 levels deep');
      expect(run.stderr).not.toContain('Maximum call stack');
    }
  });

  it('export --to openapi with an emoji in a path prints the document', () => {
    const run = signalbox(
      ['export', '-', '--to', 'openapi'],
      'signalbox: 1\nname: E\nnodes:\n  a: { kind: client, name: A }\n  b: { kind: service, name: B }\nlinks:\n  - { from: a, to: b, kind: sync, protocol: rest, operations: ["GET /orders/😀"] }\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('/orders/%F0%9F%98%80');
  });

  it.each([['/proc/x/y'], ['/proc/x']])('export --out %s (unwritable) exits 2 at once, naming the path', (out) => {
    const file = join(dir, 'small.yaml');
    writeFileSync(
      file,
      'signalbox: 1\nname: S\nnodes:\n  a: { kind: client, name: A }\n  b: { kind: service, name: B }\nlinks:\n  - { from: a, to: b, kind: sync, protocol: rest }\n',
    );
    for (const to of ['yaml', 'openapi']) {
      const start = Date.now();
      const run = signalbox(['export', file, '--to', to, '--out', out]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`cannot write ${out}`);
      expect(Date.now() - start).toBeLessThan(30_000);
    }
  });

  it('export --out into a file used as a folder exits 2; a fresh nested folder is made (near miss)', () => {
    const file = join(dir, 'small2.yaml');
    writeFileSync(file, 'signalbox: 1\nname: S\nnodes:\n  a: { kind: service, name: A }\nlinks: []\n');
    expect(signalbox(['export', file, '--to', 'yaml', '--out', join(file, 'x.yaml')]).stderr).toContain('is not a folder');
    const ok = signalbox(['export', file, '--to', 'yaml', '--out', join(dir, 'new', 'deeper', 'x.yaml')]);
    expect(ok.code).toBe(0);
  });
});
