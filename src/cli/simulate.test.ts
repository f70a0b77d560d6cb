import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'signalbox.mjs');
const dir = mkdtempSync(join(tmpdir(), 'signalbox-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'shop.signalbox.yaml');
writeFileSync(
  file,
  `signalbox: 1
name: Shop
nodes:
  web: { kind: client, name: Web }
  gateway: { kind: gateway, name: API Gateway }
  order: { kind: service, name: Order, availability: 99.9, latencyMs: 40, outbox: true }
  payment: { kind: service, name: Payment, availability: 99.8, latencyMs: 60 }
  bus: { kind: broker, name: Kafka }
  notification: { kind: service, name: Notification }
links:
  - { from: web, to: gateway, kind: sync }
  - { from: gateway, to: order, kind: sync, timeoutMs: 2000 }
  - { from: order, to: payment, kind: sync }
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: notification, kind: async, channel: order.created }
`,
);

function signalbox(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'simulate', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('signalbox simulate', () => {
  it('--down --format json prints the one documented object', () => {
    const { code, stdout } = signalbox(file, '--down', 'payment', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.down).toEqual(['payment']);
    expect(result.states).toEqual({
      web: 'failed',
      gateway: 'failed',
      order: 'failed',
      payment: 'down',
      bus: 'ok',
      notification: 'ok',
    });
    expect(result.entries).toEqual({ web: 'failed', gateway: 'failed' });
    expect(result.explanations.order).toMatch(
      /^Order -> Payment has no circuit breaker fallback and Payment is down; Order -> Payment has no timeout/,
    );
    expect(result.availability.web).toBeCloseTo(99.9 * 0.998, 4);
    expect(result.latencyMs).toEqual({ web: 100, gateway: 100 });
  });

  it('--down takes a comma-separated list and prints readable text by default', () => {
    const { code, stdout } = signalbox(file, '--down', 'bus,payment');
    expect(code).toBe(0);
    expect(stdout).toContain('Shop: Kafka (bus), Payment (payment) down');
    expect(stdout).toMatch(/lagging\s+Notification \(notification\): Kafka is down: Notification receives order.created late/);
    expect(stdout).toMatch(/Web \(web\)\s+failed/);
  });

  it('--each prints the blast radius, ranked, as text, json and markdown', () => {
    const text = signalbox(file, '--each');
    expect(text.code).toBe(0);
    const rows = text.stdout.split('\n').filter((l) => /\(\w+\)/.test(l));
    expect(rows[0]).toMatch(/^API Gateway \(gateway\)\s+2\s/);
    expect(rows).toHaveLength(6);
    expect(text.stdout).toContain('each node down in turn, 2 entry points');

    const json = JSON.parse(signalbox(file, '--each', '--format', 'json').stdout);
    expect(json.design).toBe('Shop');
    expect(json.entryPoints).toEqual(['web', 'gateway']);
    expect(json.blastRadius.map((r: { node: string }) => r.node)).toEqual([
      'gateway',
      'order',
      'payment',
      'web',
      'bus',
      'notification',
    ]);

    const markdown = signalbox(file, '--each', '--format', 'markdown');
    expect(markdown.stdout).toMatch(/^## Blast radius/);
    expect(markdown.stdout).toContain('| Kafka (`bus`) | 0 | 2 | 0 | 0 | 3 | 1 |');
  });

  it('an unknown node id exits 2 naming the known ids', () => {
    const { code, stdout, stderr } = signalbox(file, '--down', 'payment,nope');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown node "nope"; known ids: web, gateway, order, payment, bus, notification');
  });

  it('exits 2 without --down or --each, with both, or with a format the mode does not have', () => {
    expect(signalbox(file).code).toBe(2);
    expect(signalbox(file).stderr).toContain('missing --down');
    expect(signalbox(file, '--each', '--down', 'payment').code).toBe(2);
    expect(signalbox(file, '--down', 'payment', '--format', 'markdown').code).toBe(2);
  });

  it('exits 2 on a file that is not a valid design', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'signalbox: 1\nname: Bad\nnodes: {}\nlinks:\n  - { from: a, to: b, kind: sync }\n');
    const { code, stderr } = signalbox(bad, '--each');
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });
});
