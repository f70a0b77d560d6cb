import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDesign } from '../core/format/read';

const BIN = join(__dirname, '..', '..', 'bin', 'signalbox.mjs');
const FIXTURES = join(__dirname, '..', 'core', 'import', 'fixtures');
const fx = (name: string) => join(FIXTURES, name);
const dir = mkdtempSync(join(tmpdir(), 'signalbox-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function signalbox(...args: string[]) {
  // A clean environment: `${VAR:-default}` takes its default, as on a fresh machine.
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('signalbox import', () => {
  it('prints a valid design on stdout and the evidence on stderr', () => {
    const { code, stdout, stderr } = signalbox('import', fx('compose.yaml'), fx('compose.override.yaml'));
    expect(code).toBe(0);
    const read = readDesign(stdout);
    expect(read.issues).toEqual([]);
    expect(Object.keys(read.design!.nodes)).toContain('fraud');
    expect(stderr).toContain(
      `${fx('compose.yaml')}:18: orders->payment: sync rest (PAYMENT_URL=http://payment:8080 names payment (http:// scheme))`,
    );
  });

  it('--format json prints JSON; --from forces the format', () => {
    const { code, stdout } = signalbox('import', fx('kubernetes.yaml'), '--format', 'json', '--from', 'kubernetes');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).nodes['payment-v1']).toEqual({ kind: 'service', name: 'payment-v1', replicas: 2 });
  });

  it('--into keeps the file and is idempotent', () => {
    const design = join(dir, 'shop.signalbox.yaml');
    writeFileSync(
      design,
      '# ours\nsignalbox: 1\nname: Shop\nnodes:\n  checkout: { kind: service, name: Checkout, at: [10, 20] }  # placed by hand\nlinks: []\n',
    );
    const first = signalbox('import', fx('kubernetes.yaml'), '--into', design);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('# ours');
    expect(first.stdout).toContain(
      'checkout: { kind: service, name: Checkout, at: [10, 20], healthCheck: true, replicas: 3 }  # placed by hand',
    );
    writeFileSync(design, first.stdout);
    const second = signalbox('import', fx('kubernetes.yaml'), '--into', design);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('0 nodes, 0 links and 0 keys added');
  });

  it.each([
    [
      'not one of the formats',
      'notes.yaml',
      'title: notes\n',
      /notes\.yaml:1: not a format Signalbox imports: expected a docker-compose file/,
    ],
    ['invalid YAML', 'broken.yaml', 'services:\n  a: [\n', /broken\.yaml:2: invalid YAML/],
    [
      'an unresolvable variable',
      'c.yaml',
      'services:\n  a:\n    image: ${IMAGE}\n',
      /c\.yaml:3: unresolvable variable \$\{IMAGE\}/,
    ],
    ['a binary file', 'x.bin', '\u0000\u0001\u0002', /x\.bin:1: binary content/],
  ])('%s: exit 2, the file and line on stderr, nothing on stdout', (_, name, text, message) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const { code, stdout, stderr } = signalbox('import', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('a missing file and a bad --from exit 2', () => {
    expect(signalbox('import', join(dir, 'nope.yaml')).stderr).toContain('no such file');
    expect(signalbox('import', fx('compose.yaml'), '--from', 'helm').code).toBe(2);
  });
});

describe('signalbox drift', () => {
  const design = join(dir, 'k8s.signalbox.yaml');

  it('exit 0 when the design agrees with the files', () => {
    writeFileSync(design, signalbox('import', fx('kubernetes.yaml')).stdout);
    const { code, stdout } = signalbox('drift', design, fx('kubernetes.yaml'));
    expect(code).toBe(0);
    expect(stdout).toContain('the design agrees');
  });

  it('exit 1 and each difference when they differ, as text or json', () => {
    const text = readFileSync(design, 'utf8').replace('timeoutMs: 2000', 'timeoutMs: 900');
    writeFileSync(design, text);
    const { code, stdout } = signalbox('drift', design, fx('kubernetes.yaml'));
    expect(code).toBe(1);
    expect(stdout).toContain('checkout->payment-v1 timeoutMs: design 900, files 2000');
    const json = JSON.parse(signalbox('drift', design, fx('kubernetes.yaml'), '--format', 'json').stdout);
    expect(json.drift).toEqual([
      {
        change: 'differs',
        element: 'link',
        id: 'checkout->payment-v1',
        key: 'timeoutMs',
        design: 900,
        files: 2000,
        message: 'checkout->payment-v1 timeoutMs: design 900, files 2000',
      },
    ]);
  });

  it('exit 2 on unreadable input', () => {
    expect(signalbox('drift', design, join(dir, 'nope.yaml')).code).toBe(2);
    expect(signalbox('drift', design).code).toBe(2);
  });
});
