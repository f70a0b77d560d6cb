import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../model/validate';
import { generateLargeDesignYaml } from '../fixtures/generate';
import { readCleanYaml, readSubsetYaml } from './fastRead';
import { READ_LIMITS } from './limits';
import { readYamlSubset } from './yamlSubset';
import { readDesign } from './read';
import { writeDesignYaml } from './write';
import type { ReadResult } from './read';

const never = (): ReadResult => {
  throw new Error('the careful read was not asked for');
};

/** What the careful path (the `yaml` library) makes of the same text. */
function carefully(text: string) {
  const doc = parseDocument(text);
  try {
    return doc.errors.length > 0 ? undefined : validateDesign(doc.toJS()).design;
  } catch {
    return undefined; // an alias to no anchor
  }
}

const design = (tech: string) => `signalbox: 1
name: Shop
nodes:
  order: { kind: service, name: Order, tech: ${tech} }
  db: { kind: database, name: Orders DB }
links:
  - { from: order, to: db, kind: sync, timeoutMs: 200 }
`;

describe('readCleanYaml', () => {
  it('reads a clean design without building the comment-preserving document', () => {
    const result = readCleanYaml(design('postgres'), 'yaml', never);
    expect(result?.design?.nodes.order?.tech).toBe('postgres');
    expect(result?.issues).toEqual([]);
  });

  it('builds the document on first use only, once, and it writes the file back unchanged', () => {
    const text = `# a comment kept\n${design('postgres')}`;
    let calls = 0;
    const result = readCleanYaml(text, 'yaml', () => (calls++, readDesign(`${text}\n`)))!;
    expect(calls).toBe(0);
    const doc = result.doc;
    expect([doc, result.doc].every((d) => d !== undefined) && calls).toBe(1);
    expect(writeDesignYaml(result.design!, { text, doc: doc! })).toBe(text);
  });

  it.each([
    ['a syntax error', design('[postgres')],
    ['a duplicate key', design('postgres').replace('name: Shop', 'name: Shop\nname: Again')],
    ['an unknown tag', design('!!binary aGVsbG8=')],
    ['a schema error', design('postgres').replace('timeoutMs: 200', 'timeoutMs: 0')],
    ['an unknown key (a warning)', design('postgres').replace('name: Order', 'name: Order, colour: red')],
    ['a reference to no node', design('postgres').replace('to: db', 'to: dbx')],
  ])('leaves %s to the careful read, which locates it', (_, text) => {
    expect(readCleanYaml(text, 'yaml', never)).toBeUndefined();
    const careful = readDesign(text);
    expect(careful.issues.length).toBeGreaterThan(0);
    expect(careful.issues[0]!.line).toBeGreaterThan(0);
  });

  it('leaves anchors to the careful read, which limits how far aliases expand', () => {
    const text = design('&t postgres').replace('name: Orders DB', 'name: Orders DB, tech: *t');
    expect(readCleanYaml(text, 'yaml', never)).toBeUndefined();
    expect(readDesign(text).design?.nodes.db?.tech).toBe('postgres');
  });

  it('leaves a design in the subset past the node limit to the full path, whose limits refuse it', () => {
    const many = (count: number) =>
      `signalbox: 1\nname: Many\nnodes:\n${Array.from({ length: count }, (_, i) => `  n${i}: { kind: service, name: N${i} }\n`).join('')}links: []\n`;
    const past = many(READ_LIMITS.maxNodes + 1);
    expect(readYamlSubset(past)).toBeDefined();
    expect(readSubsetYaml(past, 'yaml', never)).toBeUndefined();
    expect(readSubsetYaml(many(3), 'yaml', never)?.design?.nodes.n2?.name).toBe('N2');
  });

  it('leaves JSON to its own path', () => {
    expect(readCleanYaml('{"signalbox": 1}', 'json', never)).toBeUndefined();
  });

  // Scalars are where two YAML parsers disagree: numbers in their many spellings, booleans, null.
  const scalar = fc.oneof(
    fc.stringMatching(/^[-+]?(0[box])?[0-9a-fA-F._eE+-]{0,6}$/),
    fc.constantFrom(
      '.inf',
      '-.Inf',
      '.NaN',
      '-.nan',
      'true',
      'False',
      'TRUE',
      'yes',
      'null',
      '~',
      'Null',
      '1_000',
      '0o17',
      '1:20',
    ),
    fc.string({ maxLength: 8 }),
  );

  it('gives the same design as the careful read for any plain scalar (property)', () => {
    fc.assert(
      fc.property(scalar, (value) => {
        const text = design(value);
        const fast = readCleanYaml(text, 'yaml', never);
        if (fast) expect(fast.design).toEqual(carefully(text));
        // readDesign may refuse more than the bare parser (the read-time limits refuse tags,
        // NaN...), but what it reads, it reads as the careful parser does.
        const read = readDesign(text).design;
        if (read !== undefined) expect(read).toEqual(carefully(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same design as the careful read for any text the writer quotes (property)', () => {
    fc.assert(
      fc.property(scalar, fc.string({ maxLength: 12 }), (tech, name) => {
        const base = readDesign(design('postgres')).design!;
        const edited = { ...base, nodes: { ...base.nodes, order: { ...base.nodes.order!, tech, name: name || 'x' } } };
        const text = writeDesignYaml(edited);
        const fast = readCleanYaml(text, 'yaml', never);
        expect(fast?.design ?? carefully(text)).toEqual(carefully(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a generated 200-service design to the same design', () => {
    const text = generateLargeDesignYaml({ services: 200 });
    expect(readCleanYaml(text, 'yaml', never)?.design).toEqual(carefully(text));
  });
});

describe("readDesign's keyOrder: 'as-read'", () => {
  it('gives the same design as the schema order, keys as written, on every path (subset, js-yaml, JSON)', () => {
    const yaml = `signalbox: 1
name: Shop
nodes:
  order: { name: Order, kind: service, at: [0, 0] }
  db: { kind: database, name: Orders DB }
links:
  - { to: db, from: order, timeoutMs: 200, kind: sync }
`;
    // A flow collection over two lines takes js-yaml's path; JSON takes JSON.parse.
    const texts: [string, string][] = [
      [yaml, 'a.yaml'],
      [yaml.replace('at: [0, 0]', 'at: [0,\n    0]'), 'b.yaml'],
      [JSON.stringify({ signalbox: 1, nodes: { a: { name: 'A', kind: 'service' } }, name: 'x' }), 'c.json'],
    ];
    for (const [text, file] of texts) {
      const schema = readDesign(text, file);
      const asRead = readDesign(text, file, { keyOrder: 'as-read' });
      expect(asRead.issues).toEqual([]);
      expect(asRead.design).toStrictEqual(schema.design);
      expect(Object.keys(schema.design!)).toEqual(['signalbox', 'name', 'nodes', 'links']);
    }
    expect(Object.keys(readDesign(yaml, 'a.yaml', { keyOrder: 'as-read' }).design!.nodes.order!)).toEqual(['name', 'kind', 'at']);
  });

  it('words an invalid design exactly as the schema order does', () => {
    const bad = 'signalbox: 1\nname: x\nnodes:\n  a: { name: A, kind: planet }\n';
    expect(readDesign(bad, 'x.yaml', { keyOrder: 'as-read' }).issues).toEqual(readDesign(bad, 'x.yaml').issues);
    expect(readDesign(bad, 'x.yaml').issues.length).toBeGreaterThan(0);
  });
});
