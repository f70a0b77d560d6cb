import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Text } from './utf8Text';

/** Any UTF-16 units, lone surrogates included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
// Pieces ending in a high surrogate and starting with a low one, often: pairs split across pieces.
const halves = fc.constantFrom('\ud83d', '\ude00', 'a\ud83d', '\ude00b');
const pieces = fc.array(fc.oneof(units, halves, fc.string({ unit: 'binary' }), fc.string()), { maxLength: 12 });

describe('Utf8Text', () => {
  it('writes exactly the bytes Node’s encoder writes for the pieces joined, whatever the pieces (property)', () => {
    fc.assert(
      fc.property(pieces, (texts) => {
        const out = new Utf8Text();
        for (const text of texts) out.add(text);
        expect(Buffer.from(out.toBytes()).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('splits no pair across pieces, writes a lone half as U+FFFD, and grows past its first buffer', () => {
    expect([...new Utf8Text().add('a→😀').toBytes()]).toEqual([...Buffer.from('a→😀')]);
    // A pair split over two pieces is a pair, as in the joined text; a half on its own is U+FFFD.
    expect([...new Utf8Text().add('\ud83d').add('\ude00').toBytes()]).toEqual([...Buffer.from('😀')]);
    expect([...new Utf8Text().add('a\ud83d').add('b').toBytes()]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...new Utf8Text().add('a\ud83d').toBytes()]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect([...new Utf8Text().add('\ude00').toBytes()]).toEqual([0xef, 0xbf, 0xbd]);
    const big = 'x'.repeat(100_000) + 'é';
    const out = new Utf8Text().add(big).add(big);
    expect(Buffer.from(out.toBytes()).toString('utf8')).toBe(big + big);
  });
});
