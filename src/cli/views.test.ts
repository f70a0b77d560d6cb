import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../core/share/codec';
import { splitViewName } from '../core/views/viewLink';

function signalbox(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/signalbox.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DESIGN = `signalbox: 1
name: Shop
nodes:
  web: { kind: client, name: Web }
  order: { kind: service, name: Order, group: ordering }
  cart: { kind: service, name: Cart, group: ordering }
  pay: { kind: service, name: Payment, group: payments }
links:
  - { from: web, to: order, kind: sync, protocol: rest }
  - { from: order, to: cart, kind: sync, protocol: grpc }
  - { from: order, to: pay, kind: sync, protocol: grpc }
  - { from: cart, to: pay, kind: sync, protocol: grpc }
views:
  overview: { level: groups }
  payments: { groups: [payments] }
`;

function designFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'signalbox-views-')), 'shop.signalbox.yaml');
  writeFileSync(file, DESIGN);
  return file;
}

describe('named views in the CLI', () => {
  it('exports the Mermaid flowchart of a view: groups as one node, links rolled up', () => {
    const { code, stdout, stderr } = signalbox(['export', designFile(), '--to', 'mermaid', '--view', 'overview']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('ordering (group, 2)');
    expect(stdout).toContain('payments (group, 1)');
    expect(stdout).not.toContain('Cart');
  });

  it('refuses an unknown view, or a view with a format that does not draw, with exit 2', () => {
    const unknown = signalbox(['export', designFile(), '--to', 'mermaid', '--view', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('signalbox export: no view "nope" in the design; known views: overview, payments\n');
    const wrong = signalbox(['export', designFile(), '--to', 'asyncapi', '--view', 'overview']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--view works with --to mermaid');
    expect(wrong.stdout).toBe('');
  });

  it('makes a view link that opens on a named view', () => {
    const { code, stdout } = signalbox(['share', designFile(), '--named-view', 'payments', '--base', 'https://sb.example/']);
    expect(code).toBe(0);
    const url = stdout.trim();
    expect(url).toMatch(/^https:\/\/sb\.example\/#s1\.[A-Za-z0-9_-]+&view=payments$/);
    const { fragment, viewName } = splitViewName(url.slice(url.indexOf('#') + 1));
    expect(viewName).toBe('payments');
    const decoded = decodeShareFragment(fragment);
    expect(decoded.ok && decoded.mode).toBe('view');
    const bad = signalbox(['share', designFile(), '--named-view', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no view "nope"');
  });
});
