import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Text } from './utf8Text';

/** Any UTF-16 units, lone surrogates included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
// Pieces ending in a high surrogate and starting with a low one, often: pairs split across pieces.
const halves = fc.constantFrom('\ud83d', '\ude00', 'a\ud83d', '\ude00b');
const pieces = fc.array(fc.oneof(units, halves, fc.string({ unit: 'binary' }), fc.string()), { maxLength: 12 });

/** Write `texts` through a Utf8Text of `capacity` bytes; the bytes its sink saw, joined, and how many times it was called. */
function written(texts: readonly string[], capacity?: number): { bytes: Buffer; flushes: number } {
  const seen: Buffer[] = [];
  // The sink keeps a copy: the writer reuses its buffer once the sink returns.
  const out = new Utf8Text((bytes) => void seen.push(Buffer.from(bytes)), capacity);
  for (const text of texts) out.add(text);
  out.end();
  return { bytes: Buffer.concat(seen), flushes: seen.length };
}

describe('Utf8Text', () => {
  it('writes exactly the bytes Node’s encoder writes for the pieces joined, whatever the pieces and the buffer (property)', () => {
    fc.assert(
      fc.property(pieces, fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }), (texts, capacity) => {
        expect(written(texts, capacity).bytes.equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('splits no pair across pieces, writes a lone half as U+FFFD, and writes a piece bigger than its buffer whole', () => {
    expect([...written(['a→😀']).bytes]).toEqual([...Buffer.from('a→😀')]);
    // A pair split over two pieces is a pair, as in the joined text; a half on its own is U+FFFD.
    expect([...written(['\ud83d', '\ude00']).bytes]).toEqual([...Buffer.from('😀')]);
    expect([...written(['\ud83d', '\ude00'], 1).bytes]).toEqual([...Buffer.from('😀')]);
    expect([...written(['a\ud83d', 'b']).bytes]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...written(['a\ud83d']).bytes]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect([...written(['\ude00']).bytes]).toEqual([0xef, 0xbf, 0xbd]);
    const big = 'x'.repeat(100_000) + 'é';
    expect(written([big, big]).bytes.toString('utf8')).toBe(big + big);
  });

  it('hands the sink one full buffer at a time, and nothing for no text', () => {
    // 10 pieces of 1,000 ASCII bytes through 4,096 bytes: a piece goes out when 3 bytes a unit might not fit.
    const { bytes, flushes } = written(
      Array.from({ length: 10 }, (_, i) => String(i).repeat(1000)),
      4096,
    );
    expect(bytes.toString()).toBe(Array.from({ length: 10 }, (_, i) => String(i).repeat(1000)).join(''));
    expect(flushes).toBe(5);
    expect(written([]).flushes).toBe(0);
    expect(written(['']).flushes).toBe(0);
  });
});
