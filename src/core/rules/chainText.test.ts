import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHAIN_NAMES_SHOWN, formatChain } from './chainText';

describe('formatChain', () => {
  it('writes a short chain in full', () => {
    expect(formatChain(['Web', 'Order', 'Payment'])).toBe('Web → Order → Payment');
    const eight = Array.from({ length: CHAIN_NAMES_SHOWN }, (_, i) => `n${i}`);
    expect(formatChain(eight)).toBe(eight.join(' → '));
  });

  it('elides the middle of a long chain, counting what it left out', () => {
    const names = Array.from({ length: 500 }, (_, i) => `s${i}`);
    expect(formatChain(names)).toBe('s0 → s1 → … 496 more … → s498 → s499');
  });

  it('any chain: short text, both ends kept, the count adds up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('→')),
          { minLength: 1, maxLength: 700 },
        ),
        (names) => {
          const text = formatChain(names);
          expect(text.startsWith(names[0]!)).toBe(true);
          expect(text.endsWith(names[names.length - 1]!)).toBe(true);
          const parts = text.split(' → ');
          if (names.length <= CHAIN_NAMES_SHOWN) expect(parts).toEqual(names);
          else {
            expect(parts).toHaveLength(5);
            expect(parts[2]).toBe(`… ${names.length - 4} more …`);
          }
        },
      ),
    );
  });
});
