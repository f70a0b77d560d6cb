import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { wellFormed } from './deployNames';
import { writeYaml } from './yamlWriter';
import { nastyName } from './testDesigns';

describe('writeYaml', () => {
  it('writes block YAML that reads back as the same data', () => {
    const data = { a: 1, b: [{ c: 'yes', d: [] }, 'x', { e: {} }], 'f g': 'h: i', j: true, k: 'on', l: '1.5s', m: '0755', n: '' };
    expect(writeYaml(data)).toBe(
      "a: 1\nb:\n  - c: 'yes'\n    d: []\n  - x\n  - e: {}\n'f g': 'h: i'\nj: true\nk: 'on'\nl: 1.5s\nm: '0755'\n'n': ''\n",
    );
    expect(parse(writeYaml(data))).toEqual(data);
  });

  it('writes only what a YAML stream may hold raw (Go yaml.v3 refuses DEL, C1 controls, a BOM, U+FFFE)', () => {
    // YAML 1.2 c-printable, less the BOM and U+0085, which Go's reader also refuses.
    const printable = /^[\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;
    expect(writeYaml({ del: '\u007f', c1: 'a\u0085b\u009f', bom: '\ufeffx', ls: 'a\u2028b' })).toBe(
      'del: "\\u007f"\nc1: "a\\u0085b\\u009f"\nbom: "\\ufeffx"\nls: "a\\u2028b"\n',
    );
    // Noncharacters: a fallback name in a CI run's hostile design reached promtool raw.
    expect(writeYaml({ a: 'x\ufffe', b: '\uffff' })).toBe('a: "x\\ufffe"\nb: "\\uffff"\n');
    expect(parse(writeYaml({ a: 'x\ufffe', b: '\uffff' }))).toEqual({ a: 'x\ufffe', b: '\uffff' });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), { maxKeys: 4 }), (data) => {
        expect(writeYaml(data)).toMatch(printable);
      }),
    );
  });

  it('round-trips any JSON-like data with hostile keys and strings', () => {
    const text = fc.oneof(
      nastyName,
      fc.string(),
      fc.constantFrom('yes', 'No', '~', 'null', '-', '- a', '? x', '#', '@x', '`x', '*a', '&a', '!t', '%x', '1e3', '0x1F', '.5'),
    );
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
        fc.boolean(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          text.filter((key) => key !== '__proto__'),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(value, (data) => {
        const expected = JSON.parse(JSON.stringify(data, (_, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)));
        const keysFixed = JSON.parse(JSON.stringify(expected), function (this: unknown, _key, v: unknown) {
          return v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [wellFormed(k), x]))
            : v;
        });
        expect(parse(writeYaml(data))).toEqual(keysFixed);
      }),
      { numRuns: 300 },
    );
  });
});
