import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVarint, varintLength, writeVarint } from './varint';

/** The writer links were made with before this module (three copies of it): links must read the same. */
function releasedWriter(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const MAX = Number.MAX_SAFE_INTEGER;
/** Any safe integer, small ones often (most varints in a link are under 2^21). */
const safeNat = fc.oneof(fc.nat({ max: 300 }), fc.nat({ max: 2 ** 21 }), fc.maxSafeNat());
/** A value and a bound at or above it. */
const valueAndBound = safeNat.chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: n, max: MAX })));

describe('varint', () => {
  it('writes the known encodings', () => {
    expect(writeVarint(0)).toEqual([0]);
    expect(writeVarint(127)).toEqual([0x7f]);
    expect(writeVarint(128)).toEqual([0x80, 0x01]);
    expect(writeVarint(300)).toEqual([0xac, 0x02]);
    expect(writeVarint(310_000)).toEqual([0xf0, 0xf5, 0x12]);
    expect(writeVarint(MAX)).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(varintLength(MAX)).toBe(8);
  });

  it('round-trips every safe integer under any bound at or above it, at any offset', () => {
    fc.assert(
      fc.property(valueAndBound, fc.uint8Array({ maxLength: 3 }), fc.uint8Array({ maxLength: 3 }), ([n, max], before, after) => {
        const encoded = writeVarint(n);
        expect(encoded.length).toBe(varintLength(n));
        const bytes = Uint8Array.from([...before, ...encoded, ...after]);
        expect(readVarint(bytes, before.length, max)).toEqual({ ok: true, value: n, next: before.length + encoded.length });
      }),
      { numRuns: 2000 },
    );
  });

  it('writes exactly the bytes of the writer released links were made with', () => {
    fc.assert(
      fc.property(safeNat, (n) => {
        expect(writeVarint(n)).toEqual(releasedWriter(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every truncation of a valid encoding as truncated', () => {
    fc.assert(
      fc.property(valueAndBound, fc.nat(), ([n, max], at) => {
        const encoded = writeVarint(n);
        const cut = at % encoded.length; // 0 .. length-1 bytes kept
        const result = readVarint(Uint8Array.from(encoded.slice(0, cut)), 0, max);
        expect(result).toMatchObject({ ok: false, code: 'truncated' });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses overlong encodings (zero groups on top) rather than giving a value two spellings', () => {
    fc.assert(
      // Up to 4 bytes of value and 3 of padding: within the 8 bytes MAX needs (past them it is too-large).
      fc.property(fc.nat({ max: 2 ** 28 - 1 }), fc.integer({ min: 1, max: 3 }), (n, pad) => {
        const encoded = writeVarint(n);
        encoded[encoded.length - 1]! |= 0x80;
        for (let i = 1; i < pad; i++) encoded.push(0x80);
        encoded.push(0);
        expect(readVarint(Uint8Array.from(encoded), 0, MAX)).toMatchObject({ ok: false, code: 'overlong' });
      }),
    );
    expect(readVarint(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x80, 0x80, 0x80, 0x80, 0]), 0, MAX)).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    // [0x80, 0x00] is the overlong zero; [0x00] is zero.
    expect(readVarint(Uint8Array.from([0x80, 0x00]), 0, MAX)).toMatchObject({ ok: false, code: 'overlong' });
    expect(readVarint(Uint8Array.from([0x00]), 0, 0)).toEqual({ ok: true, value: 0, next: 1 });
  });

  it('refuses a value over the bound, with the value when it fits the bound byte count', () => {
    fc.assert(
      fc.property(
        safeNat.filter((n) => n > 0),
        fc.nat(),
        (n, seed) => {
          const max = seed % n; // 0 .. n-1
          const result = readVarint(Uint8Array.from(writeVarint(n)), 0, max);
          expect(result).toMatchObject({ ok: false, code: 'too-large' });
          if (!result.ok && result.code === 'too-large') {
            expect(result.value).toBe(varintLength(n) === varintLength(max) ? n : undefined);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The iteration-count case: 5,000,000 in 4 bytes under a 4-byte bound is read whole.
    expect(readVarint(Uint8Array.from(writeVarint(5_000_000)), 0, 2 ** 28 - 1)).toMatchObject({ ok: true, value: 5_000_000 });
    expect(readVarint(Uint8Array.from(writeVarint(5_000_000)), 0, 1_000_000)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('reads no further than the bound needs: a run of continuation bytes is refused at once', () => {
    const run = new Uint8Array(1_000_000).fill(0xff);
    expect(readVarint(run, 0, 2 ** 27)).toMatchObject({ ok: false, code: 'too-large' });
    expect(readVarint(run.subarray(0, 3), 0, 2 ** 27)).toMatchObject({ ok: false, code: 'truncated' });
  });

  it('never throws on arbitrary bytes, and whatever it accepts is the one shortest spelling of its value', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 12 }),
        fc.nat({ max: 12 }),
        fc.oneof(fc.nat({ max: 1000 }), fc.maxSafeNat()),
        (bytes, offset, max) => {
          const result = readVarint(bytes, offset, max);
          if (result.ok) {
            expect(result.value).toBeLessThanOrEqual(max);
            expect([...bytes.subarray(offset, result.next)]).toEqual(writeVarint(result.value));
          } else expect(['truncated', 'overlong', 'too-large']).toContain(result.code);
          expect(typeof result.ok === 'boolean' && (result.ok || result.message.length > 0)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses to write what is not a safe integer >= 0 (a writer bug, said precisely)', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(() => writeVarint(bad)).toThrow(RangeError);
    }
    expect(() => writeVarint(-1)).toThrow('a varint holds a whole number from 0 to 9007199254740991, not -1');
  });
});
