import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesign, formatIssue, looksBinary } from './read';
import { designToYaml, writeDesignYaml, writeDesignYamlOver } from './write';
import type { Design } from '../model/types';
import { cloneData } from '../model/equal';

const EXAMPLE = readFileSync(fileURLToPath(new URL('./fixtures/format-example.signalbox.yaml', import.meta.url)), 'utf8');

function read(text: string) {
  const result = readDesign(text);
  if (!result.design || !result.doc) throw new Error(result.issues.map((i) => formatIssue(i)).join('\n'));
  return { design: result.design, previous: { text, doc: result.doc } };
}

/** The lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

function edit(text: string, change: (d: Design) => void): string {
  const { design, previous } = read(text);
  const next = cloneData(design);
  change(next);
  const out = writeDesignYaml(next, previous);
  // Whatever the writer did, the text must read back as exactly the edited design.
  expect(read(out).design).toEqual(read(designToYaml(next)).design);
  return out;
}

describe('writeDesignYaml', () => {
  it('reads the format.md example and writes it back unchanged', () => {
    const { design, previous } = read(EXAMPLE);
    expect(Object.keys(design.nodes)).toHaveLength(7);
    expect(design.links).toHaveLength(6);
    expect(writeDesignYaml(design, previous)).toBe(EXAMPLE);
    expect(writeDesignYaml(cloneData(design), previous)).toBe(EXAMPLE);
  });

  it('moving a node rewrites only its `at`, keeping its comment and the comment column', () => {
    const out = edit(EXAMPLE, (d) => {
      d.nodes.order!.at = [1420, 60];
    });
    expect(changedLines(EXAMPLE, out)).toEqual([
      '    at: [1420, 60]               # optional canvas position; missing = auto-layout',
    ]);
    const before = EXAMPLE.split('\n').find((l) => l.includes('at: [420, 160]'))!;
    const after = out.split('\n').find((l) => l.includes('at: [1420, 60]'))!;
    expect(after.indexOf('#')).toBe(before.indexOf('#'));
    expect(out).toContain('    latencyMs: 40                # optional own processing time (p99)\n    at: [1420');
  });

  it('giving a node without `at` a position adds one line in its inline map', () => {
    const out = edit(EXAMPLE, (d) => {
      d.nodes.web!.at = [10, 20];
    });
    expect(changedLines(EXAMPLE, out)).toEqual(['  web:      { kind: client, name: Web & mobile apps, at: [ 10, 20 ] }']);
  });

  it('changing a timeout keeps every comment', () => {
    const out = edit(EXAMPLE, (d) => {
      d.links[1]!.timeoutMs = 500;
      d.links[5]!.timeoutMs = 2500;
    });
    expect(changedLines(EXAMPLE, out)).toEqual([
      '    timeoutMs: 500',
      '  - { from: payment, to: stripe, kind: sync, protocol: rest, timeoutMs: 2500 }',
    ]);
  });

  it('changing text that needs quotes quotes it', () => {
    const out = edit(EXAMPLE, (d) => {
      d.nodes.order!.name = 'Order: core # 1';
      d.nodes.bus!.name = 'Kafka, main';
    });
    expect(out).toContain('    name: "Order: core # 1"\n');
    expect(out).toContain('  bus:      { kind: broker, name: "Kafka, main", tech: kafka }');
  });

  it('adding a node and a link inserts their lines and keeps every other line', () => {
    const out = edit(EXAMPLE, (d) => {
      d.nodes.audit = { kind: 'service', name: 'Audit', at: [600, 400] };
      d.links.push({ from: 'order', to: 'audit', kind: 'sync', protocol: 'grpc' });
    });
    const added = out.split('\n').filter((l) => !EXAMPLE.split('\n').includes(l));
    expect(added).toEqual([
      '  audit: { kind: service, name: Audit, at: [ 600, 400 ] }',
      '  - { from: order, to: audit, kind: sync, protocol: grpc }',
    ]);
    for (const line of EXAMPLE.split('\n')) expect(out.split('\n')).toContain(line);
  });

  it('removing a node and its links deletes only their lines', () => {
    const out = edit(EXAMPLE, (d) => {
      delete d.nodes.stripe;
      d.links = d.links.filter((l) => l.to !== 'stripe');
      d.flows![0]!.steps = d.flows![0]!.steps.filter((s) => s.link !== 'payment->stripe');
    });
    const removed = EXAMPLE.split('\n').filter((l) => !out.split('\n').includes(l));
    expect(removed).toEqual([
      '  stripe:   { kind: external, name: Stripe }',
      '  - { from: payment, to: stripe, kind: sync, protocol: rest, timeoutMs: 3000 }',
      '      - { link: payment->stripe }',
    ]);
    expect(out).toContain('links:                           # a list\n');
    expect(out).toContain('    protocol: rest               # rest | grpc | graphql | websocket | thrift | soap | sql\n');
  });

  it('removing a block node removes its whole block and keeps the next comment', () => {
    const out = edit(EXAMPLE, (d) => {
      delete d.nodes.order;
      d.links = d.links.filter((l) => l.from !== 'order' && l.to !== 'order');
      d.flows = [];
    });
    expect(out).not.toContain('team: ordering');
    expect(out).toContain('  gateway:  { kind: gateway, name: API Gateway, auth: jwt, rateLimitRps: 2000 }\n  payment:');
    expect(out).toContain('signalbox: 1                     # format version (integer). Required.\n');
  });

  it('adding a key to a block link adds one line under it', () => {
    const out = edit(EXAMPLE, (d) => {
      d.links[3]!.pattern = 'event';
    });
    expect(out).toContain(
      '        properties: { orderId: { type: string }, total: { type: number } }\n    pattern: event\n  - from: bus',
    );
  });

  it('a fresh empty design grows block nodes and links', () => {
    const empty: Design = { signalbox: 1, name: 'New', nodes: {}, links: [] };
    const text = designToYaml(empty);
    const out = edit(text, (d) => {
      d.nodes.a = { kind: 'service', name: 'A' };
      d.nodes.b = { kind: 'database', name: 'B' };
      d.links.push({ from: 'a', to: 'b', kind: 'sync' });
    });
    expect(out).toBe(
      'signalbox: 1\nname: New\nnodes:\n  a: { kind: service, name: A }\n  b: { kind: database, name: B }\nlinks:\n  - { from: a, to: b, kind: sync }\n',
    );
  });

  it('keeps unknown keys and comments through an edit', () => {
    const text = 'signalbox: 1\nname: X\nx-owner: me # kept\nnodes:\n  a: { kind: service, name: A, x-tier: 1 }\nlinks: []\n';
    const result = readDesign(text);
    expect(result.issues.map((i) => formatIssue(i))).toEqual([
      '3:1: warning: x-owner: unknown key (kept as is)',
      '5:32: warning: nodes.a.x-tier: unknown key (kept as is)',
    ]);
    const out = edit(text, (d) => {
      d.nodes.a!.at = [1, 2];
    });
    expect(out).toBe(
      'signalbox: 1\nname: X\nx-owner: me # kept\nnodes:\n  a: { kind: service, name: A, x-tier: 1, at: [ 1, 2 ] }\nlinks: []\n',
    );
  });
});

describe('readDesign errors', () => {
  const base = 'signalbox: 1\nname: X\nnodes:\n  a: { kind: service, name: A }\n  b: { kind: service, name: B }\n';
  const messages = (text: string) =>
    readDesign(text)
      .issues.filter((i) => i.severity === 'error')
      .map((i) => formatIssue(i));

  it('reports a bad timeout with its path and line:column', () => {
    expect(messages(`${base}links:\n  - { from: a, to: b, kind: sync, timeoutMs: -5 }\n`)).toEqual([
      '7:35: error: links[0].timeoutMs: expected a positive integer',
    ]);
  });

  it('reports an unknown node', () => {
    expect(messages(`${base}links:\n  - from: a\n    to: nowhere\n    kind: sync\n`)).toEqual([
      '8:5: error: links[0].to: unknown node "nowhere"',
    ]);
  });

  it('reports a duplicate link id', () => {
    expect(messages(`${base}links:\n  - { from: a, to: b, kind: sync }\n  - { from: a, to: b, kind: async }\n`)).toEqual([
      '8:5: error: links[1]: duplicate link id "a->b" (same as links[0])',
    ]);
  });

  it('reports a version newer than it reads', () => {
    expect(messages(base.replace('signalbox: 1', 'signalbox: 7'))[0]).toMatch(
      /^1:1: error: signalbox: format version 7 is newer/,
    );
  });

  it('refuses a billion-laughs alias bomb with a message, quickly and without throwing', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map(
        (name, i) =>
          `${name}: &${name} [${i === 0 ? '"lol",'.repeat(9).slice(0, -1) : `*${levels[i - 1]},`.repeat(9).slice(0, -1)}]`,
      )
      .join('\n');
    const started = Date.now();
    const errors = messages(`${base}${bomb}\n`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([
      '1:1: error: (document): refused: the aliases (*name) expand to more than 100 copies, which looks like a resource exhaustion attack',
    ]);
  });

  it('still reads a design with a few aliases', () => {
    const text = `${base}links:\n  - { from: a, to: b, kind: sync, retry: &r { max: 2 } }\n  - { from: b, to: a, kind: sync, retry: *r }\n`;
    expect(readDesign(text).design?.links[1]?.retry).toEqual({ max: 2 });
  });

  it('says what a file that is not a design is, and that an empty one is empty', () => {
    expect(messages('')).toEqual(['1:1: error: (document): the file is empty']);
    expect(messages('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toEqual([
      '1:1: error: (document): the input is not a text file: it looks like binary data',
    ]);
  });

  it('reports YAML syntax errors with line:column', () => {
    const errors = messages(`${base}links:\n  - { from: a, to: b\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^\d+:\d+: error: \(document\): not valid YAML: /);
  });
});

describe('writeDesignYamlOver', () => {
  const source = [
    'signalbox: 1',
    'name: Shop # the shop',
    'nodes:',
    '  # the one service',
    '  order: { kind: service, name: Order }',
    'links: []',
    '',
  ].join('\n');

  it('writes an edit over the text a design came from, keeping its comments', () => {
    const { design } = readDesign(source);
    const renamed = { ...design!, name: 'Store' };
    const out = writeDesignYamlOver(renamed, source);
    expect(out).toContain('name: Store # the shop');
    expect(out).toContain('  # the one service');
    expect(readDesign(out).design).toEqual(renamed);
  });

  it('writes a fresh document without a source, or when the source is not YAML any more', () => {
    const { design } = readDesign(source);
    expect(writeDesignYamlOver(design!, null)).not.toContain('#');
    expect(readDesign(writeDesignYamlOver(design!, 'name: [')).design).toEqual(design);
  });
});

describe('readDesign on binary data', () => {
  it('gives one short error naming the file for a NUL byte or invalid UTF-8', () => {
    const png = new TextDecoder().decode(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    expect(readDesign(png, 'pictures/x.png').issues).toEqual([
      { severity: 'error', path: '', message: 'x.png is not a text file: it looks like binary data', line: 1, column: 1 },
    ]);
    const latin1 = new TextDecoder().decode(new Uint8Array(Array.from({ length: 64 }, (_, i) => 0x80 + i)));
    expect(readDesign(latin1).issues[0]!.message).toBe('the input is not a text file: it looks like binary data');
  });

  it('near miss: a design with one stray replacement character in a name is still read', () => {
    const text = 'signalbox: 1\nname: "Caf\uFFFD"\nnodes:\n  a: { kind: service, name: A }\nlinks: []\n';
    expect(looksBinary(text)).toBe(false);
    expect(readDesign(text).design?.name).toBe('Caf\uFFFD');
  });
});
