import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getNamingStyle } from './namingConvention';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

const nodes = { order: service(), stock: service(), bus: broker() };
const publish = (channel: string, message?: string) =>
  async('order', 'bus', { channel, ...(message ? { message: { name: message } } : {}) });

describe('naming-convention', () => {
  it('reports the channel and the message that break the convention most names follow', () => {
    const design = makeDesign(nodes, [
      publish('order.placed', 'OrderPlaced'),
      publish('order.cancelled', 'OrderCancelled'),
      publish('stock.reserved', 'StockReserved'),
      publish('Stock_Released', 'stock-released'),
    ]);
    const findings = findingsOf(design, 'naming-convention');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'info', nodes: ['order', 'bus'], links: ['order->bus:Stock_Released'] },
      { severity: 'info', nodes: ['order', 'bus'], links: ['order->bus:Stock_Released'] },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Channel "Stock_Released" breaks the design\'s naming convention: most channels use lower-case words joined by "." (like "order.placed")',
      'Message "stock-released" breaks the design\'s naming convention: most messages use PascalCase words (like "OrderPlaced")',
    ]);
  });

  it('stays silent when every name follows one convention, when there is no majority, or with too few names', () => {
    const consistent = makeDesign(nodes, [
      publish('order.placed'),
      publish('orders'),
      publish('stock.reserved'),
      publish('stock.low'),
    ]);
    expect(findingsOf(consistent, 'naming-convention')).toEqual([]);
    const split = makeDesign(nodes, [publish('a.b'), publish('c.d'), publish('e-f'), publish('g-h')]);
    expect(findingsOf(split, 'naming-convention')).toEqual([]);
    const few = makeDesign(nodes, [publish('a.b'), publish('c-d')]);
    expect(findingsOf(few, 'naming-convention')).toEqual([]);
  });

  it('gives every name built from one convention that convention', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 4 }), (words) => {
        const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
        expect(getNamingStyle(words.join('.'))).toBe('lower.');
        expect(getNamingStyle(words.join('-'))).toBe('lower-');
        expect(getNamingStyle(pascal)).toBe('pascal');
      }),
    );
  });
});

/** The convention as first written, with patterns: the one-pass version must agree with it. */
function namingStyleByPatterns(name: string): string | undefined {
  const separators = [...new Set(name.match(/[._\-/:]/g) ?? [])].sort().join('');
  const letters = name.replace(/[^A-Za-z]/g, '');
  if (letters === '') return undefined;
  const casing =
    letters === letters.toLowerCase()
      ? 'lower'
      : letters === letters.toUpperCase()
        ? 'upper'
        : /^[A-Z]/.test(letters)
          ? 'pascal'
          : 'camel';
  if (casing === 'lower' && separators === '') return undefined;
  return `${casing}${separators}`;
}

describe('getNamingStyle', () => {
  it('agrees with the pattern-based reading on any name (property)', () => {
    const part = fc.oneof(fc.string({ unit: fc.constantFrom(...'aZq._-/:9 é'.split('')) }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(part, (name) => {
        expect(getNamingStyle(name)).toBe(namingStyleByPatterns(name));
      }),
      { numRuns: 2000 },
    );
    for (const name of ['order.placed', 'OrderPlaced', 'orderPlaced', 'ORDER_PLACED', 'a-b.c/d:e_f', '', '42', 'x']) {
      expect(getNamingStyle(name)).toBe(namingStyleByPatterns(name));
    }
  });
});
