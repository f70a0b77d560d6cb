import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const EXAMPLE = 'src/core/format/fixtures/format-example.signalbox.yaml';

/** The real command, as a user or CI runs it. */
function signalbox(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/signalbox.mjs', ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('signalbox export', () => {
  it('writes a Mermaid flowchart to standard output', () => {
    const { code, stdout, stderr } = signalbox(['export', EXAMPLE, '--to', 'mermaid']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('flowchart LR');
    expect(stdout).toContain('n4@{ shape: h-cyl, label: "Kafka" }');
  });

  it('streams one OpenAPI document per REST service to stdout, or writes one file each into --out', () => {
    const streamed = signalbox(['export', EXAMPLE, '--to', 'openapi']);
    expect(streamed.code).toBe(0);
    const documents = parseAllDocuments(streamed.stdout);
    expect(Array.isArray(documents) && documents.map((d) => (d.toJS() as { info: { title: string } }).info.title)).toEqual([
      'API Gateway API',
      'Order API',
    ]);

    const out = join(mkdtempSync(join(tmpdir(), 'signalbox-export-')), 'openapi');
    const written = signalbox(['export', EXAMPLE, '--to', 'openapi', '--out', out]);
    expect(written.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['gateway.openapi.yaml', 'order.openapi.yaml']);
    expect(readFileSync(join(out, 'order.openapi.yaml'), 'utf8')).toContain('operationId: postOrders');
  });

  it('writes one .mmd per flow into --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'signalbox-seq-'));
    const { code } = signalbox(['export', EXAMPLE, '--to', 'sequence', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['place-order.mmd']);
    expect(readFileSync(join(out, 'place-order.mmd'), 'utf8')).toMatch(/^sequenceDiagram\n/);
  });

  it('writes the Markdown report, with findings from the rules engine and the blast radius, to the --out file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'signalbox-md-')), 'report.md');
    const { code } = signalbox(['export', EXAMPLE, '--to', 'markdown', '--out', file]);
    expect(code).toBe(0);
    const report = readFileSync(file, 'utf8');
    expect(report).toMatch(/^# Food delivery platform\n/);
    expect(report).toContain('| error | missing-timeout |');
    expect(report).toContain('## 10. Failure scenarios\n\nEach node taken down in turn');
  });

  it('reads standard input and keeps comments when exporting YAML', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const { code, stdout } = signalbox(['export', '-', '--to', 'yaml'], text);
    expect(code).toBe(0);
    expect(stdout).toBe(text);
  });

  it('exits 2 with a clear message for an unknown or missing --to, and for an invalid design', () => {
    const unknown = signalbox(['export', EXAMPLE, '--to', 'pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown format "pdf" for --to; expected one of mermaid, sequence, asyncapi, openapi, yaml, json, markdown',
    );
    expect(unknown.stdout).toBe('');

    expect(signalbox(['export', EXAMPLE]).code).toBe(2);

    const bad = join(mkdtempSync(join(tmpdir(), 'signalbox-bad-')), 'bad.signalbox.yaml');
    writeFileSync(bad, 'signalbox: 1\nname: Bad\nnodes: {}\nlinks:\n  - { from: a, to: b, kind: sync }\n');
    const invalid = signalbox(['export', bad, '--to', 'json']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/links\[0\]/);
    expect(invalid.stdout).toBe('');
  });
});
