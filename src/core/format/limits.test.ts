import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesign } from './read';
import { READ_LIMITS } from './limits';

const withNode = (extra: string) =>
  `signalbox: 1\nname: D\nnodes:\n  a: { kind: service, name: A${extra} }\n  b: { kind: broker, name: B }\nlinks: []\n`;

/** The issue's reproducer: a message schema nested `depth` levels. */
function nestedSchema(depth: number): string {
  let schema = '{ type: string }';
  for (let i = 0; i < depth - 1; i++) schema = `{ type: object, properties: { p: ${schema} } }`;
  return `signalbox: 1\nname: Deep\nnodes:\n  a: { kind: service, name: A }\n  b: { kind: broker, name: B }\nlinks:\n  - { from: a, to: b, kind: async, channel: c, message: { name: M, schema: ${schema} } }\n`;
}

const errors = (text: string, file = 'x.signalbox.yaml') => readDesign(text, file).issues.filter((i) => i.severity === 'error');

describe('read-time limits (issue 11, items 4, 7, 8)', () => {
  it('a schema nested 3,000 levels is refused with a clear message and a line, in YAML and in JSON', () => {
    const yaml = errors(nestedSchema(3000));
    expect(yaml).toHaveLength(1);
    expect(yaml[0]!.message).toBe(`refused: the document nests maps and lists more than ${READ_LIMITS.maxDepth} levels deep`);
    expect(yaml[0]!.line).toBe(7);
    const json = errors(
      `{"signalbox":1,"name":"D","nodes":{"a":{"kind":"service","name":"A","x":${'['.repeat(3000)}${']'.repeat(3000)}}},"links":[]}`,
      'x.json',
    );
    expect(json[0]!.message).toMatch(/more than 64 levels deep/);
  });

  it('a schema nested 30 levels (a near miss) reads', () => {
    expect(readDesign(nestedSchema(30), 'x.yaml').design).toBeDefined();
  });

  it('past the limit by a little, in JSON: refused too', () => {
    const deep = `{"signalbox":1,"name":"D","nodes":{"a":{"kind":"service","name":"A","x":${'['.repeat(70)}${']'.repeat(70)}}},"links":[]}`;
    const found = errors(deep, 'x.json');
    expect(found[0]!.message).toMatch(/nested more than 64 levels deep|nests maps and lists more than 64/);
  });

  it('reading a 1,000-deep then a 20,000-deep document in one process does not abort it', () => {
    const script = `
      import { readDesign } from ${JSON.stringify(join(__dirname, 'read.ts'))};
      const deep = (n) => 'signalbox: 1\\nname: D\\nnodes:\\n  a: { kind: service, name: A, x: ' + '['.repeat(n) + ']'.repeat(n) + ' }\\nlinks: []\\n';
      for (const n of [1000, 20000]) console.log(readDesign(deep(n), 'x.yaml').issues[0].message);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'refused: the document nests maps and lists more than 64 levels deep',
      'refused: the document nests maps and lists more than 64 levels deep',
    ]);
  });

  it('deep-looking text that is not deep reads: brackets in quotes and comments, block scalars', () => {
    const text = withNode(`, description: "${'['.repeat(500)}" }\n  # ${'{'.repeat(500)}\n  c: { kind: service, name: C`);
    expect(readDesign(text, 'x.yaml').design).toBeDefined();
  });

  it.each([
    [', x: .nan', 'nodes.a.x', /NaN is not a number a design can hold/],
    [', x: .inf', 'nodes.a.x', /Infinity is not a number/],
    [', x: -.inf', 'nodes.a.x', /-Infinity is not a number/],
    [', x: { __proto__: 1 }', 'nodes.a.x.__proto__', /"__proto__" is refused/],
    [', __proto__: { polluted: 1 }', 'nodes.a.__proto__', /"__proto__" is refused/],
  ])('%s is refused, never changed silently', (extra, path, message) => {
    const found = errors(withNode(extra));
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.line).toBe(4);
  });

  it.each(['!!binary aGVsbG8=', '!!set { a, b }', '!!omap [ a: 1 ]', '!custom 3'])(
    'the tag in x: %s is refused with its line',
    (value) => {
      const found = errors(withNode(`, x: ${value}`));
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toMatch(/the YAML tag .+ is not part of the format/);
      expect(found[0]!.line).toBe(4);
    },
  );

  it('plain tags (!!str, !!int) still read: they keep the value a plain value', () => {
    const read = readDesign(withNode(', x: !!str 12, y: !!int 3'), 'x.yaml');
    expect(read.design?.nodes.a).toMatchObject({ x: '12', y: 3 });
  });

  it('__proto__ at the top level or in a link, rule or schema is refused (JSON too)', () => {
    expect(errors('{"signalbox":1,"name":"D","__proto__":{"x":1},"nodes":{},"links":[]}', 'x.json')[0]!.path).toBe('__proto__');
    const link = `{"signalbox":1,"name":"D","nodes":{"a":{"kind":"service","name":"A"}},"links":[{"from":"a","to":"a","kind":"sync","__proto__":{}}]}`;
    expect(errors(link, 'x.json')[0]!.path).toBe('links[0].__proto__');
    expect(errors(`${withNode('')}rules:\n  __proto__: off\n`)[0]!.path).toBe('rules.__proto__');
  });

  it(`a name longer than ${READ_LIMITS.maxNameLength} characters is refused; one at the limit reads`, () => {
    const long = errors(withNode('').replace('name: A', `name: ${'n'.repeat(READ_LIMITS.maxNameLength + 1)}`));
    expect(long[0]).toMatchObject({ path: 'nodes.a.name', message: 'a name of 1,001 characters is too long; at most 1,000' });
    expect(readDesign(withNode('').replace('name: A', `name: ${'n'.repeat(READ_LIMITS.maxNameLength)}`)).design).toBeDefined();
  });

  it('a node id longer than the limit is refused', () => {
    const found = errors(withNode('').replace('  a: {', `  ${'i'.repeat(1001)}: {`));
    expect(found[0]!.message).toMatch(/a key of 1,001 characters is too long/);
  });

  it(`more than ${READ_LIMITS.maxNodes.toLocaleString('en-US')} nodes is refused quickly, with the count`, () => {
    const nodes: Record<string, unknown> = {};
    for (let i = 0; i <= READ_LIMITS.maxNodes; i++) nodes[`n${i}`] = { kind: 'service', name: `N${i}` };
    const text = JSON.stringify({ signalbox: 1, name: 'Big', nodes, links: [] });
    const start = performance.now();
    const found = errors(text, 'x.json');
    expect(performance.now() - start).toBeLessThan(3000);
    expect(found[0]).toMatchObject({ path: 'nodes', message: 'refused: 50,001 nodes, more than the 50,000 a design may have' });
  });
});
