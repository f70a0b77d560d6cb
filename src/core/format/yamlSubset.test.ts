import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures';
import { generateLargeDesign, generateLargeDesignYaml } from '../fixtures/generate';
import { TEMPLATES } from '../templates';
import { checkNestingInText, checkValueLimits } from './limits';
import { createPathLocator } from './locatePath';
import { designToYaml } from './write';
import { readYamlSubset } from './yamlSubset';

/** What the `yaml` library makes of the text, or undefined when it has anything to say about it. */
function byYamlLibrary(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { value: doc.toJS() as unknown };
}

/** Equal, key order and -0 included: what toEqual would let through. */
function same(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) ? undefined : `${path}: ${a} vs ${b}`;
  if (typeof a !== typeof b || (a === null) !== (b === null) || Array.isArray(a) !== Array.isArray(b))
    return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return `${path}: length ${a.length} vs ${bs.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = same(a[i], bs[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'object' && a !== null) {
    const ak = Object.keys(a);
    const bk = Object.keys(b as object);
    if (ak.join('\u0000') !== bk.join('\u0000')) return `${path}: keys ${JSON.stringify(ak)} vs ${JSON.stringify(bk)}`;
    for (const k of ak) {
      const d = same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** The property: whatever the subset reads, it reads as the `yaml` library does, and reads it cleanly. */
function agrees(text: string): boolean {
  const ours = readYamlSubset(text);
  if (!ours) return false;
  const theirs = byYamlLibrary(text);
  expect(theirs, `the subset read text the yaml library objects to:\n${text}`).toBeDefined();
  const difference = same(ours.value, theirs!.value);
  // readDesign skips the nesting estimate and the value limits for what the subset reads: both
  // must pass it (the counts of nodes and links excepted, which readSubsetYaml checks).
  expect(checkNestingInText(text)).toEqual([]);
  expect(checkValueLimits(ours.value)).toEqual([]);
  expect(difference, `${difference}\n--- text:\n${text}`).toBeUndefined();
  return true;
}

// Characters where YAML's corners are: quotes, colons, hashes, brackets, dashes, escapes,
// indicators, spaces, line breaks, tabs, unicode (accents, CJK, emoji, a lone surrogate, BOM, NEL).
const HOSTILE = [
  ...'ab Z09:#-?,[]{}&*!|>\'"%@`\\/.~+_=$^()<;',
  ' ',
  '  ',
  ': ',
  ' #',
  '\n',
  '\t',
  '\r',
  'é',
  '漢',
  '😀',
  '\ud800',
  '\ufeff',
  '\u0085',
  '\u2028',
  '\u00a0',
  '---',
  '...',
  '0x1F',
  '1e3',
  '.inf',
  'null',
  'True',
  '~',
  '\\u00e9',
  '\\x41',
  '\\n',
  "''",
];
const hostileString = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((parts) => parts.join(''));
const key = fc.oneof(fc.constantFrom('name', 'kind', 'at', 'a b', 'x-y', 'nodes', 'links'), hostileString);
const scalar = fc.oneof(
  hostileString,
  fc.constantFrom('Order', 'Web app 0', 'http://order:8080/x', 'C#', 'a: b', '-1', '- x', '0o17', '-0', '1.50', 'yes'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
interface Tree {
  [key: string]: unknown;
}
const tree = fc.letrec<{ value: unknown; map: Tree; list: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  list: fc.array(tie('value'), { maxLength: 4 }),
}));

interface Style {
  indent: number;
  flowAt: number;
  quote: 'plain' | 'single' | 'double' | 'any';
  listAtKeyIndent: boolean;
  comments: boolean;
  spaces: boolean;
}
const style = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  flowAt: fc.integer({ min: 0, max: 4 }),
  quote: fc.constantFrom('plain' as const, 'single' as const, 'double' as const, 'any' as const),
  listAtKeyIndent: fc.boolean(),
  comments: fc.boolean(),
  spaces: fc.boolean(),
});

/** A scalar written plainly whatever it holds, or quoted by hand: some of these are not valid YAML. */
function writeScalar(value: unknown, s: Style, salt: number): string {
  if (typeof value !== 'string') return String(value);
  const quote = s.quote === 'any' ? (['plain', 'single', 'double'] as const)[salt % 3]! : s.quote;
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (quote === 'double') return JSON.stringify(value);
  return value;
}

/** Emits a tree as YAML by hand, in many styles, some of them wrong on purpose. */
function emit(value: unknown, s: Style, depth = 0, salt = 0): string[] {
  const pad = ' '.repeat(s.indent);
  const flow = (v: unknown, i: number): string => {
    if (Array.isArray(v)) return `[${s.spaces ? ' ' : ''}${v.map((x, j) => flow(x, i + j)).join(', ')}${s.spaces ? ' ' : ''}]`;
    if (typeof v === 'object' && v !== null)
      return `{${s.spaces ? ' ' : ''}${Object.entries(v)
        .map(([k, x], j) => `${writeScalar(k, s, i + j)}: ${flow(x, i + j + 1)}`)
        .join(', ')}${s.spaces ? ' ' : ''}}`;
    return writeScalar(v, s, i);
  };
  const inline = (v: unknown) => typeof v !== 'object' || v === null || depth + 1 >= s.flowAt || Object.keys(v).length === 0;
  const comment = (i: number) => (s.comments && i % 3 === 0 ? `${s.spaces ? '   ' : ' '}# note ${i}` : '');
  const lines: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (inline(item)) lines.push(`- ${flow(item, salt + i)}${comment(i)}`);
      else {
        lines.push(`-${comment(i)}`);
        for (const line of emit(item, s, depth + 1, salt + i)) lines.push(`${pad}${line}`);
      }
    });
  } else if (typeof value === 'object' && value !== null) {
    Object.entries(value).forEach(([k, item], i) => {
      const name = writeScalar(k, s, salt + i);
      if (inline(item)) lines.push(`${name}: ${flow(item, salt + i)}${comment(i)}`);
      else {
        lines.push(`${name}:${comment(i)}`);
        const inner = Array.isArray(item) && s.listAtKeyIndent ? '' : pad;
        for (const line of emit(item, s, depth + 1, salt + i)) lines.push(`${inner}${line}`);
        if (s.comments && i % 2 === 1) lines.push('', `${inner}# between`);
      }
    });
  } else lines.push(flow(value, salt));
  return lines;
}

describe('readYamlSubset', () => {
  it('reads a design as the yaml library does, with the line of every node and link', () => {
    const text = `# a design
signalbox: 1
name: "Shop: \\"main\\""   # a comment
nodes:
  order: { kind: service, name: Order, tech: go, at: [ 420, -1.5e2 ] }
  'db x':
    kind: database
    name: 'Orders '' DB'
    tech: C#
links:
- { from: order, to: db x, kind: sync, timeoutMs: 200 }

-   from: order
    to: db x
    retry: { max: 2, jitter: true, note: ~ }
    tags: []
    empty:
`;
    expect(agrees(text)).toBe(true);
    const read = readYamlSubset(text)!;
    expect(read.value.name).toBe('Shop: "main"');
    expect([...read.lines.keys.get('nodes')!]).toEqual([
      ['order', 5],
      ['db x', 6],
    ]);
    expect(read.lines.items.get('links')).toEqual([11, 13]);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >-\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a multi-line flow map', 'a: { b: 1,\n  c: 2 }\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a number as a key', 'a:\n  200: ok\n'],
    ['a tab', 'a:\t1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'just text\n'],
    ['an empty text', '\n# nothing\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a list item inside a map', 'a:\n  b: 1\n  - c\n'],
    ['a map on a value line', 'a: b: c\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a merge key', 'a: { <<: { b: 1 } }\n'],
    ['a rare escape', 'a: "\\N"\n'],
    ['a trailing comma', 'a: [1, 2, ]\n'],
    ['a JSON-style colon', 'a: {"b":1}\n'],
    ['a hash in a flow collection', 'a: [C#]\n'],
    ['Infinity (the limits refuse it)', 'a: .inf\n'],
    ['NaN (the limits refuse it)', 'a: [ .NaN ]\n'],
    ['a name past the limits', `a: { name: ${'n'.repeat(1001)} }\n`],
    ['a channel past the limits', `a:\n  channel: "${'n'.repeat(1001)}"\n`],
    ['a key past the limits', `${'k'.repeat(1001)}: 1\n`],
    ['nesting past its depth', `${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`],
  ])('leaves %s to a full parser', (_, text) => {
    expect(readYamlSubset(text)).toBeUndefined();
  });

  it('reads the near misses of what it leaves', () => {
    for (const text of [
      'a: x&y\nb: "*x"\n',
      'a: C#\n',
      'a: one # two\n',
      'a:\n  b: 1\n  c: 2\n',
      'a: "\\u00e9\\x41\\n"\n',
      'a: [1, 2]\n',
      'a: { b: 1, c: }\n',
      "a: 'it''s'\n",
      'a:\n- 1\n- 2\nb: 3\n',
      'a:\n  - - b\n    - c\n  - d\n',
      'a:\n  {}\nb:\n  [ 1 ]\n',
      '{ a: 1, b: [ x ] }\n',
      'a: -1\nb: -x\nc: ---\n',
      'k: 0o17\nl: 0x1F\nm: -0\nn: .infx\no: .NaN.\np: 1_000\nq: yes\nr: 1.50\n',
      `name: ${'n'.repeat(1000)}\nnote: ${'n'.repeat(1001)}\n${'k'.repeat(1000)}: 1\n`,
    ])
      expect(agrees(text), text).toBe(true);
  });

  it('reads keys it has met before as themselves, not as another key sharing their slot', () => {
    // 3,000 keys for a table of 1,024 slots, each read twice (block and flow), and keys that are
    // each other's prefixes: every lookup that finds another key in the slot must miss.
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i.toString(36)}`);
    const block = keys.map((key, i) => `${key}: ${i}\n`).join('');
    const flow = `again: { ${keys.map((key, i) => `${key}: ${-i}`).join(', ')} }\n`;
    const prefixes = 'p:\n  a: 1\n  ab: 2\n  abc: 3\n  b: { abc: 4, ab: 5, a: 6 }\n';
    for (const text of [block + flow, prefixes, prefixes + block]) expect(agrees(text)).toBe(true);
    const read = readYamlSubset(block + flow)!.value;
    expect(Object.keys(read)).toHaveLength(3001);
    expect(Object.keys(read.again as object)).toEqual(keys);
  });

  it('reads every fixture, template and generated design the yaml library reads, to the same value', () => {
    const texts = [
      ...FIXTURES.map((f) => f.yaml),
      ...TEMPLATES.map((t) => t.yaml),
      generateLargeDesignYaml({ services: 300 }),
      generateLargeDesignYaml({ services: 100, seed: 5 }),
    ];
    for (const text of texts) expect(agrees(text)).toBe(true);
  });

  it('finds each node and link at the line the path locator finds it (property over generated designs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), (services, seed) => {
        const design = generateLargeDesign({ services, seed });
        const text = designToYaml(design);
        const read = readYamlSubset(text)!;
        expect(read).toBeDefined();
        const locate = createPathLocator(text);
        for (const [id, line] of read.lines.keys.get('nodes')!) expect(line).toBe(locate(['nodes', id])!.line);
        read.lines.items.get('links')!.forEach((line, i) => expect(line).toBe(locate(['links', i])!.line));
      }),
      { numRuns: 40 },
    );
  });

  it('reads what the yaml library writes, in any of its styles, as the library reads it (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.dictionary(key, tree.value, { minKeys: 1, maxKeys: 5 }),
        fc.record({
          indent: fc.integer({ min: 1, max: 4 }),
          indentSeq: fc.boolean(),
          collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
          flowCollectionPadding: fc.boolean(),
          defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
          defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const),
        }),
        (value, options) => {
          if (agrees(stringify(value, { ...options, lineWidth: 0 }))) read++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(700);
  });

  it('reads what it reads as the yaml library does: hand-written YAML in many styles, some wrong (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree.value, { minKeys: 1, maxKeys: 5 }), style, (value, s) => {
        if (agrees(`${emit(value, s).join('\n')}\n`)) read++;
      }),
      { numRuns: 5000 },
    );
    // Not a correctness claim, a check that the property tests the reader, not only its refusals.
    expect(read).toBeGreaterThan(500);
  });

  it('reads what it reads as the yaml library does: designs with hostile edits (property)', () => {
    const base = [...FIXTURES.map((f) => f.yaml), generateLargeDesignYaml({ services: 8 })];
    let read = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...base),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), hostileString), { minLength: 1, maxLength: 3 }),
        (text, edits) => {
          let edited = text;
          for (const [at, remove, insert] of edits) {
            const i = at % (edited.length + 1);
            edited = edited.slice(0, i) + insert + edited.slice(i + remove);
          }
          if (agrees(edited)) read++;
        },
      ),
      { numRuns: 4000 },
    );
    expect(read).toBeGreaterThan(400);
  });
});
