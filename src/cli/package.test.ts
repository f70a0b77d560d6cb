// The CLI as a user gets it: `npm pack` in packages/cli, installed offline into an empty project,
// each command run through node_modules/.bin/signalbox. A new command in main.ts is one more row.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from './main';

const ROOT = resolve(__dirname, '..', '..');
const PACKAGE = join(ROOT, 'packages', 'cli');
const EXAMPLE = readFileSync(join(ROOT, 'src/core/format/fixtures/format-example.signalbox.yaml'), 'utf8');
const MAX_INSTALL_BYTES = 10 * 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'signalbox-pack-'));
const project = join(dir, 'project');
let bin = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string, input?: string): SpawnSyncReturns<string> {
  // npm_config_* from a parent `npm test` would point the child npm at the repo's settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  return spawnSync(command, args, { cwd, input, encoding: 'utf8', timeout: 120_000, env });
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

beforeAll(() => {
  // prepack builds the bundle, as `npm pack` on a fresh clone would.
  const packed = run('npm', ['pack', '--json', '--pack-destination', dir], PACKAGE);
  expect(packed.status, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  writeFileSync(join(dir, 'shop.signalbox.yaml'), EXAMPLE);
  writeFileSync(join(dir, 'compose.yaml'), readFileSync('src/core/import/fixtures/compose.yaml', 'utf8'));
  run('mkdir', ['-p', project], dir);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const installed = run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, filename)],
    project,
  );
  expect(installed.status, installed.stderr).toBe(0);
  bin = join(project, 'node_modules', '.bin', 'signalbox');
}, 180_000);

interface Row {
  /** The command as typed after `signalbox`; FILE is the format.md example. */
  args: string[];
  input?: string;
  code: number;
  stdout: RegExp;
}

const FILE = '../shop.signalbox.yaml';
/** One row per command main.ts dispatches (the last test fails naming any command without one). */
const COMMANDS: Record<string, Row[]> = {
  lint: [
    { args: ['lint', FILE], code: 1, stdout: /summary: 3 errors, 3 warnings/ },
    { args: ['lint', FILE, '--format', 'sarif', '--fail-on', 'never'], code: 0, stdout: /"version": "2\.1\.0"/ },
  ],
  export: [
    { args: ['export', FILE, '--to', 'mermaid'], code: 0, stdout: /^flowchart LR$/m },
    { args: ['export', FILE, '--to', 'asyncapi'], code: 0, stdout: /asyncapi: 3\.0\.0/ },
  ],
  share: [{ args: ['share', FILE, '--base', 'https://signalbox.example/'], code: 0, stdout: /^https:\/\/signalbox\.example\/#/ }],
  open: [{ args: ['open', '-'], input: 'SHARE_LINK', code: 0, stdout: /^signalbox: 1\nname: Food delivery platform/ }],
  simulate: [{ args: ['simulate', FILE, '--down', 'payment'], code: 0, stdout: /Web & mobile apps/ }],
  import: [{ args: ['import', '../compose.yaml'], code: 0, stdout: /^signalbox: 1$/m }],
  drift: [{ args: ['drift', FILE, '../compose.yaml'], code: 1, stdout: /\S/ }],
  diff: [
    { args: ['diff', FILE, FILE], code: 0, stdout: /\S/ },
    { args: ['diff', FILE, FILE, '--format', 'json'], code: 0, stdout: /"changes": \[\]/ },
  ],
};

describe('the packed CLI, installed into an empty project', () => {
  it(`installs in at most ${MAX_INSTALL_BYTES / 1024 / 1024} MB, with no dependency of its own`, () => {
    const modules = join(project, 'node_modules');
    expect(readdirSync(modules).filter((name) => !name.startsWith('.'))).toEqual(['signalbox']);
    expect(sizeOf(modules)).toBeLessThanOrEqual(MAX_INSTALL_BYTES);
    expect(readdirSync(join(modules, 'signalbox')).sort()).toEqual([
      'README.md',
      'dist',
      'package.json',
      'signalbox.schema.json',
    ]);
  });

  it('carries zod’s English messages and no other language’s (a quarter of the program, read every run)', () => {
    const program = readFileSync(join(project, 'node_modules', 'signalbox', 'dist', 'signalbox.cjs'), 'utf8');
    expect(program).toContain('Invalid input');
    expect(program).not.toContain('Kreditkartennummer'); // zod's German locale
  });

  it('--version prints the package version; --help the usage, both on stdout', () => {
    const version = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
    const shown = run(bin, ['--version'], project);
    expect([shown.status, shown.stdout, shown.stderr]).toEqual([0, `${version}\n`, '']);
    const help = run(bin, ['--help'], project);
    expect(help.status).toBe(0);
    for (const name of COMMAND_NAMES) expect(help.stdout).toContain(`signalbox ${name} `);
  });

  it('npx finds it in the project without the network', () => {
    const shown = run('npx', ['--offline', '--no-install', 'signalbox', '--version'], project);
    expect(shown.status, shown.stderr).toBe(0);
  });

  for (const [name, rows] of Object.entries(COMMANDS)) {
    it.each(rows)(`${name}: signalbox $args.0 … exits $code`, (row) => {
      let input = row.input;
      if (input === 'SHARE_LINK') input = run(bin, ['share', FILE], project).stdout.trim();
      const result = run(bin, row.args, project, input);
      expect(result.status, result.stderr).toBe(row.code);
      expect(result.stdout).toMatch(row.stdout);
    });
  }

  it('a bad file exits 2 with its error on stderr and nothing on stdout', () => {
    writeFileSync(
      join(dir, 'bad.signalbox.yaml'),
      'signalbox: 1\nname: Bad\nnodes: {}\nlinks:\n  - { from: a, to: b, kind: sync }\n',
    );
    const result = run(bin, ['lint', '../bad.signalbox.yaml'], project);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('links[0].from');
  });

  it('has a row for every command main.ts dispatches', () => {
    expect(COMMAND_NAMES.filter((name) => !(name in COMMANDS))).toEqual([]);
  });
});
