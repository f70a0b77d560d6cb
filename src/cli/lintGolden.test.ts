import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../core/fixtures';
import { generateLargeDesignYaml } from '../core/fixtures/generate';
import { TEMPLATES } from '../core/templates';

/**
 * `signalbox lint` byte for byte as it printed before the fast reader and the faster rules
 * (December 2026): every output format, standard error and the exit code, on the fixtures, the
 * templates, the reader's other paths (flow style, anchors, JSON, block scalars, unknown keys, rule
 * settings, an invalid file, standard input) and two generated designs. The golden file was written
 * by the build before those changes; a change of output is a change of the CLI's contract
 * (docs/cli.md), to be made on purpose: `UPDATE_LINT_GOLDEN=1 npx vitest run src/cli/lintGolden.test.ts`.
 */

const BIN = fileURLToPath(new URL('../../bin/signalbox.mjs', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./fixtures/lint-golden.json', import.meta.url));
const UPDATE = process.env.UPDATE_LINT_GOLDEN === '1';
const dir = mkdtempSync(join(tmpdir(), 'signalbox-lint-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const SETTINGS = `signalbox: 1
name: Settings
rules:
  no-such-rule: off
  hub-service: { max: 3 }
  sync-chain-depth: { max: 0, min: 2, colour: red }
  missing-timeout: warning
nodes:
  web: { kind: client, name: Web }
  api:
    kind: service
    name: API
    colour: blue
  db: { kind: database, name: DB }
links:
  - { from: web, to: api, kind: sync, protocol: rest }
  - from: api
    to: db
    kind: sync
    protocol: sql
    retry: { max: 3 }
    shade: dark
`;

const FLOW = `{ signalbox: 1, name: Flow style, nodes: { web: { kind: client, name: Web }, api: { kind: service, name: API }, bus: { kind: broker, name: Bus } },
  links: [ { from: web, to: api, kind: sync, protocol: rest }, { from: api, to: bus, kind: async, channel: orders } ] }
`;

const ANCHORS = `signalbox: 1
name: Anchors
nodes:
  web: &client { kind: client, name: Web }
  app: { kind: client, name: App }
  api: { kind: service, name: "API: public" }
  db: { kind: database, name: DB }
links:
  - &call { from: web, to: api, kind: sync, protocol: rest }
  - { from: app, to: api, kind: sync, protocol: rest, timeoutMs: 500 }
  - from: api
    to: db
    kind: sync
`;

const BLOCK_SCALARS = `signalbox: 1
name: Block scalars
description: |
  A design whose description runs
  over several lines.
nodes:
  'web': { kind: client, name: 'Web # not a comment' }
  "api":
    kind: service
    name: >-
      The API
      folded
links:
  -
    from: web
    to: api
    kind: sync
`;

const JSON_DESIGN = `{
  "signalbox": 1,
  "name": "JSON",
  "nodes": {
    "web": { "kind": "client", "name": "Web" },
    "api": { "kind": "service", "name": "API" },
    "db": { "kind": "database", "name": "DB" }
  },
  "links": [
    { "from": "web", "to": "api", "kind": "sync", "protocol": "rest" },
    { "from": "api", "to": "db", "kind": "sync", "retry": { "max": 2 } }
  ]
}
`;

const INVALID = `signalbox: 1
name: Invalid
nodes:
  web: { kind: client, name: Web }
  api: { kind: servce, name: API }
links:
  - { from: web, to: nowhere, kind: sync, timeoutMs: -5 }
`;

interface Case {
  name: string;
  file: string;
  text: string;
  /** Large outputs are kept as a hash; small ones in full, so a change shows as a diff. */
  hashOnly?: boolean;
  stdin?: boolean;
}

const CASES: Case[] = [
  ...FIXTURES.map((f) => ({ name: `fixture ${f.id}`, file: `${f.id}.signalbox.yaml`, text: f.yaml })),
  ...TEMPLATES.map((t) => ({ name: `template ${t.id}`, file: `${t.id}.signalbox.yaml`, text: t.yaml })),
  {
    name: 'format.md example',
    file: 'example.signalbox.yaml',
    text: readFileSync(fileURLToPath(new URL('../core/format/fixtures/format-example.signalbox.yaml', import.meta.url)), 'utf8'),
  },
  { name: 'rule settings and unknown keys', file: 'settings.signalbox.yaml', text: SETTINGS },
  { name: 'flow style', file: 'flow.signalbox.yaml', text: FLOW },
  { name: 'anchors', file: 'anchors.signalbox.yaml', text: ANCHORS },
  { name: 'block scalars and quoted keys', file: 'block.signalbox.yaml', text: BLOCK_SCALARS },
  { name: 'JSON', file: 'design.signalbox.json', text: JSON_DESIGN },
  { name: 'invalid', file: 'invalid.signalbox.yaml', text: INVALID },
  { name: 'standard input', file: '-', text: SETTINGS, stdin: true },
  {
    name: 'generated, 1,000 services',
    file: 'generated-1000.signalbox.yaml',
    text: generateLargeDesignYaml({ services: 1000 }),
    hashOnly: true,
  },
  {
    name: 'generated, 400 services, seed 7',
    file: 'generated-400.signalbox.yaml',
    text: generateLargeDesignYaml({ services: 400, seed: 7 }),
    hashOnly: true,
  },
];

const FORMATS = ['text', 'json', 'sarif'] as const;

interface Output {
  code: number | null;
  stderr: string;
  stdout?: string;
  stdoutSha256: string;
  stdoutBytes: number;
}
type Golden = Record<string, { inputSha256: string; outputs: Record<string, Output> }>;

function lint(c: Case, format: string): Output {
  if (!c.stdin) writeFileSync(join(dir, c.file), c.text);
  const result = spawnSync(process.execPath, [BIN, 'lint', c.file, '--format', format], {
    cwd: dir,
    encoding: 'utf8',
    input: c.stdin ? c.text : undefined,
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  return {
    code: result.status,
    stderr: result.stderr,
    ...(c.hashOnly || format !== 'text' ? {} : { stdout: result.stdout }),
    stdoutSha256: sha256(result.stdout),
    stdoutBytes: Buffer.byteLength(result.stdout),
  };
}

describe('signalbox lint prints what it printed before, byte for byte', { timeout: 600_000 }, () => {
  if (UPDATE) {
    it('writes the golden file', () => {
      const golden: Golden = {};
      for (const c of CASES)
        golden[c.name] = {
          inputSha256: sha256(c.text),
          outputs: Object.fromEntries(FORMATS.map((format) => [format, lint(c, format)])),
        };
      writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
    });
    return;
  }
  const golden = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden) : {};
  it('has a golden output for every case', () => {
    expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort());
  });
  for (const c of CASES) {
    it(c.name, () => {
      const expected = golden[c.name]!;
      // A changed input (a fixture, the generator or the writer) is not a changed output.
      expect(sha256(c.text), 'the input changed since the golden file was written').toBe(expected.inputSha256);
      for (const format of FORMATS) {
        const out = lint(c, format);
        expect(out, `${c.name}, --format ${format}`).toEqual(expected.outputs[format]);
      }
    });
  }
});
