import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesErrors, promtoolErrors, protocErrors } from '../core/export/deployTools';
import { getTemplate } from '../core/templates/index';

const dir = mkdtempSync(join(tmpdir(), 'signalbox-deploy-'));
const FOOD = join(dir, 'food.signalbox.yaml');
writeFileSync(FOOD, getTemplate('food-delivery')!.yaml);
const EXAMPLE = 'src/core/format/fixtures/format-example.signalbox.yaml';

function signalbox(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/signalbox.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('signalbox export to running config', () => {
  it('proto: files one after another on stdout, one <node-id>.proto each with --out, and protoc compiles them', () => {
    const streamed = signalbox(['export', FOOD, '--to', 'proto']);
    expect(streamed.code).toBe(0);
    expect(streamed.stdout.match(/^==> .* <==$/gm)).toEqual([
      '==> menu.proto <==',
      '==> pricing.proto <==',
      '==> payment.proto <==',
    ]);
    const out = join(dir, 'protos');
    const written = signalbox(['export', FOOD, '--to', 'proto', '--out', out]);
    expect([written.code, written.stderr]).toEqual([0, `signalbox export: wrote 3 files to ${out}\n`]);
    const files = readdirSync(out)
      .sort()
      .map((fileName) => ({ fileName, text: readFileSync(join(out, fileName), 'utf8') }));
    expect(files.map((f) => f.fileName)).toEqual(['menu.proto', 'payment.proto', 'pricing.proto']);
    expect(protocErrors(files)).toBe('');
  });

  it('istio and gateway: one multi-document YAML stream each, valid against the CRD schemas', () => {
    for (const to of ['istio', 'gateway']) {
      const { code, stdout, stderr } = signalbox(['export', FOOD, '--to', to]);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toMatch(/^# .* Food delivery platform\n---\n/);
      expect(kubernetesErrors(stdout)).toEqual([]);
    }
  });

  it('alerts: a rule file promtool accepts, written where --out says', () => {
    const out = join(dir, 'alerts.rules.yaml');
    expect(signalbox(['export', FOOD, '--to', 'alerts', '--out', out]).code).toBe(0);
    expect(promtoolErrors(readFileSync(out, 'utf8'))).toBe('');
  });

  it('schemas and code: one file per message and per service into --out', () => {
    const schemas = join(dir, 'schemas');
    expect(signalbox(['export', FOOD, '--to', 'schemas', '--out', schemas]).code).toBe(0);
    expect(readdirSync(schemas)).toContain('orderplaced-v1.schema.json');
    const code = join(dir, 'code');
    expect(signalbox(['export', FOOD, '--to', 'code', '--out', code]).code).toBe(0);
    expect(readFileSync(join(code, 'order.resilience.ts'), 'utf8')).toContain('timeout(3500, TimeoutStrategy.Aggressive)');
  });

  it('a design without what the artefact needs: exit 0, nothing on stdout, one line on stderr', () => {
    const noGrpc = signalbox(['export', EXAMPLE, '--to', 'proto']);
    expect(noGrpc).toEqual({
      code: 0,
      stdout: '',
      stderr: 'signalbox export: no service receives gRPC calls (links with protocol: grpc); nothing to write\n',
    });
    const out = join(dir, 'nothing');
    expect(signalbox(['export', EXAMPLE, '--to', 'proto', '--out', out]).code).toBe(0);
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});
