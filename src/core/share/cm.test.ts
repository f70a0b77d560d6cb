import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmDecode, cmEncode, Predictor } from './cm';
import { decodeShareBody, SHARE_ERROR_CODES } from './codec';
import { S1_DICTIONARY } from './dictionary';
import { writeVarint } from './varint';

/**
 * The coder on its own, on any bytes (not only the JSON a link holds): a model too small for the
 * input, one primed with the s1 text as links use it, empty and highly repetitive inputs, garbage.
 */

// Links use 18 table bits (codec.ts); fewer here keep a run cheap, and collisions are then common,
// which is what a round trip must survive.
const SMALL_BITS = 12;
const fresh = (capacity: number) => new Predictor(SMALL_BITS, capacity);

let primed: Predictor | undefined;
function primedModel(capacity: number): Predictor {
  if (!primed) {
    primed = new Predictor(18, S1_DICTIONARY.length);
    primed.learn(S1_DICTIONARY);
  }
  return primed.clone(capacity);
}

const repetitive = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 8000 })).map(([b, n]) => new Uint8Array(n).fill(b)),
  fc
    .tuple(fc.uint8Array({ minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 2000 }))
    .map(([unit, times]) => Uint8Array.from({ length: unit.length * times }, (_, i) => unit[i % unit.length]!)),
);
const anyBytes = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ maxLength: 3000 }),
  repetitive,
  fc.constant(Uint8Array.from({ length: 256 * 4 }, (_, i) => i & 0xff)),
);

describe('cm (the context-mixing coder) on arbitrary bytes', () => {
  it('round-trips any bytes, including none and long runs, with a small model', () => {
    fc.assert(
      fc.property(anyBytes, (data) => {
        const coded = cmEncode(data, fresh(data.length));
        // A model sized too small grows its buffer as it goes: the stream does not depend on the size.
        expect(cmDecode(coded, data.length, fresh(0))).toEqual(data);
      }),
      { numRuns: 120 },
    );
  });

  it('round-trips any bytes with the model links use (primed with the s1 text)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 1500 }), repetitive), (data) => {
        const coded = cmEncode(data, primedModel(data.length));
        expect(cmDecode(coded, data.length, primedModel(data.length))).toEqual(data);
      }),
      { numRuns: 40 },
    );
  });

  it('writes the same stream every time (a copied model carries no state from the last link)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.uint8Array({ maxLength: 500 }), (a, b) => {
        const first = cmEncode(a, primedModel(a.length));
        cmEncode(b, primedModel(b.length));
        expect(cmEncode(a, primedModel(a.length))).toEqual(first);
      }),
      { numRuns: 20 },
    );
  });

  it('decoding fewer bytes than were coded gives their prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 800 }), fc.nat(), (data, at) => {
        const k = at % (data.length + 1);
        expect(cmDecode(cmEncode(data, fresh(data.length)), k, fresh(k))).toEqual(data.subarray(0, k));
      }),
      { numRuns: 100 },
    );
  });

  it('codes the empty input as one byte and a run of 20,000 equal bytes in a few dozen', () => {
    expect(cmEncode(new Uint8Array(0), fresh(0)).length).toBe(1);
    expect(cmDecode(cmEncode(new Uint8Array(0), fresh(0)), 0, fresh(0))).toEqual(new Uint8Array(0));
    expect(cmEncode(new Uint8Array(20_000).fill(65), fresh(20_000)).length).toBeLessThan(64);
  });

  it('decoding garbage never throws and never hangs: bytes of the asked length, or undefined when the stream runs out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 4000 }), (garbage, length) => {
        const start = performance.now();
        const out = cmDecode(garbage, length, fresh(length));
        // ~0.5 us a bit: 4,000 bytes take ~16 ms; the bound is the length, whatever the stream.
        expect(performance.now() - start).toBeLessThan(2000);
        if (out !== undefined) expect(out.length).toBe(length);
        // A stream can only supply ~8 bits a byte plus the 3 flush bytes it may read past its end.
        if (garbage.length === 0 && length > 4) expect(out).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('a garbage body behind an intact frame is refused with one of the codec codes, never a throw', () => {
    fc.assert(
      fc.property(fc.nat({ max: 3000 }), fc.uint8Array({ maxLength: 300 }), (length, stream) => {
        const body = Uint8Array.from([0, ...writeVarint(length), ...stream]);
        let result: ReturnType<typeof decodeShareBody> | undefined;
        expect(() => (result = decodeShareBody(body))).not.toThrow();
        if (result && !result.ok) expect(SHARE_ERROR_CODES).toContain(result.error.code);
      }),
      { numRuns: 150 },
    );
  });
});
