import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIXTURES } from '../fixtures';
import { generateLargeDesign } from '../fixtures/generate';
import { designArbitrary } from '../fuzz/arbitraries';
import { TEMPLATES } from '../templates';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastParseDesign } from './fastParse';
import { getDesignPlanText, planOf } from './parsePlan';
import { designSchema } from './schema';

/** A deep copy that keeps what structuredClone would not: prototypes, own `__proto__` keys, undefined holes. */
function cloneAsIs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneAsIs);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const item = cloneAsIs((value as Record<string, unknown>)[key]);
    Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** zod's answer and the fast one agree exactly: same values, same key order, or the fast path steps aside. */
function expectAgreement(raw: unknown): 'fast' | 'zod' {
  const zod = designSchema.safeParse(raw);
  const fast = fastParseDesign(raw);
  if (!zod.success) {
    expect(fast).toBeUndefined();
    return 'zod';
  }
  // The owned read (the caller's own fresh value: parts kept, not copied) answers the same.
  const before = JSON.stringify(raw);
  const owned = fastParseDesign(raw, 'reuse');
  expect(JSON.stringify(raw)).toBe(before);
  expect(owned === undefined).toBe(fast === undefined);
  // So does the read that keeps the keys in the order read, on a copy of its own (it fills in place).
  const anyOrder = fastParseDesign(cloneAsIs(raw), 'reuse-any-order');
  expect(anyOrder === undefined).toBe(fast === undefined);
  if (fast === undefined) return 'zod';
  expect(fast).toStrictEqual(zod.data);
  expect(owned).toStrictEqual(zod.data);
  // toStrictEqual ignores key order: the read that keeps the order read is the same value.
  expect(anyOrder).toStrictEqual(zod.data);
  // toStrictEqual ignores key order; the writer and the exports do not.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  expect(JSON.stringify(owned)).toBe(JSON.stringify(zod.data));
  return 'fast';
}

const EXAMPLE = readFileSync(join(import.meta.dirname, '../format/fixtures/format-example.signalbox.yaml'), 'utf8');

describe('the design’s plan', () => {
  it('is the zod schema’s, as designPlan.json holds it (run `npm run schema` after changing the schema)', () => {
    const file = readFileSync(join(import.meta.dirname, 'designPlan.json'), 'utf8');
    expect(file).toBe(getDesignPlanText(designSchema));
  });

  it('refuses a zod construct fastParse has no check for, rather than planning a wrong answer', () => {
    expect(() => planOf(z.string().email())).toThrow(/no plan for the zod check/);
    expect(() => planOf(z.object({ a: z.string() }))).toThrow(/only loose objects/);
    expect(() => planOf(z.looseObject({ a: z.array(z.string()).default(['x']) }))).toThrow(/default\(\[\]\)/);
    expect(() => planOf(z.string().transform((s) => s.length))).toThrow(/no plan for the zod type "pipe"/);
    expect(planOf(z.looseObject({ a: z.number().int().min(1).optional() }))).toEqual({
      type: 'object',
      fields: [
        {
          key: 'a',
          optional: true,
          plan: {
            type: 'number',
            checks: [{ check: 'safeint' }, { check: 'greater_than', value: 1, inclusive: true }],
          },
        },
      ],
    });
  });
});

describe('fastParseDesign', () => {
  it('takes the fast path on every template, fixture, the format example and a generated design, with zod’s output', () => {
    const texts = [...TEMPLATES.map((t) => t.yaml), ...FIXTURES.map((f) => f.yaml), EXAMPLE];
    for (const text of texts) expect(expectAgreement(load(text))).toBe('fast');
    const generated = JSON.parse(JSON.stringify(generateLargeDesign({ services: 200 }))) as unknown;
    expect(expectAgreement(generated)).toBe('fast');
  });

  it('puts known keys in the schema’s order and unknown keys after them, as zod does', () => {
    const raw = { zz: 1, nodes: { a: { foo: 2, name: 'A', kind: 'service' } }, name: 'x', signalbox: 1 };
    expect(expectAgreement(raw)).toBe('fast');
    expect(Object.keys(fastParseDesign(raw)!)).toEqual(['signalbox', 'name', 'nodes', 'links', 'zz']);
  });

  it('keeps an owned value that already is zod’s output, and copies only the parts that are not', () => {
    // A template as zod gives it back, written and read again: every part already in zod's shape.
    const raw = JSON.parse(JSON.stringify(fastParseDesign(load(TEMPLATES[0]!.yaml)))) as Record<string, unknown>;
    expect(fastParseDesign(raw, 'reuse')).toBe(raw);
    expect(fastParseDesign(raw)).not.toBe(raw);
    expect(fastParseDesign(raw)!.nodes).not.toBe(raw.nodes);
    // A node with its keys out of the schema's order is copied in zod's order; its neighbours are kept.
    const mixed = { signalbox: 1, name: 'x', nodes: { a: { name: 'A', kind: 'service' }, b: { kind: 'service', name: 'B' } } };
    const read = fastParseDesign(mixed, 'reuse')!;
    expect(Object.keys(read.nodes.a!)).toEqual(['kind', 'name']);
    expect(read.nodes.b).toBe(mixed.nodes.b);
    expect(read.nodes).not.toBe(mixed.nodes);
    // `links` was missing: filled in (zod's default), on a copy of the top level.
    expect(read.links).toEqual([]);
    expect(read).not.toBe(mixed);
    expect('links' in mixed).toBe(false);
  });

  it('with any key order, keeps every object in place, fills a missing default in place, and still refuses what zod refuses', () => {
    const mixed = {
      name: 'x',
      signalbox: 1,
      nodes: { a: { name: 'A', kind: 'service', zz: true }, b: { kind: 'service', name: 'B' } },
    };
    const zod = designSchema.parse(structuredClone(mixed));
    const a = mixed.nodes.a;
    const read = fastParseDesign(mixed, 'reuse-any-order')!;
    expect(read).toBe(mixed);
    expect(read.nodes.a).toBe(a);
    expect(Object.keys(read.nodes.a!)).toEqual(['name', 'kind', 'zz']);
    // `links` was missing: zod's default, filled in place, after the keys read.
    expect(Object.keys(read)).toEqual(['name', 'signalbox', 'nodes', 'links']);
    expect(read).toStrictEqual(zod);
    // Near misses: a wrong kind, a missing required key, an own undefined.
    expect(
      fastParseDesign({ signalbox: 1, name: 'x', nodes: { a: { name: 'A', kind: 'planet' } } }, 'reuse-any-order'),
    ).toBeUndefined();
    expect(fastParseDesign({ signalbox: 1, nodes: { a: { name: 'A', kind: 'service' } } }, 'reuse-any-order')).toBeUndefined();
    expect(
      fastParseDesign(
        { signalbox: 1, name: 'x', nodes: { a: { name: 'A', kind: 'service', tags: undefined } } },
        'reuse-any-order',
      ),
    ).toBeUndefined();
  });

  it('agrees with zod on valid designs (always fast) and on each of them broken at one place', () => {
    const odd = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(undefined, NaN, Infinity, -1, 0, 0.5, 2 ** 53, '', 'x', 'service', 'sync', [], {}, [1], [1, 2], [1, 2, 3]),
      fc.constant(JSON.parse('{"__proto__": {"x": 1}}') as unknown),
      fc.constant(Object.create(null) as unknown),
      fc.constant(new Date(0)),
    );
    fc.assert(
      fc.property(designArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), odd, (design, steps, value) => {
        const raw = JSON.parse(JSON.stringify(design)) as Record<string, unknown>;
        expect(expectAgreement(raw)).toBe('fast');
        // Walk down by the steps and replace (or add, under a new key) what is there.
        let parent: Record<string | number, unknown> = raw;
        for (const step of steps) {
          const keys = Object.keys(parent);
          const key = keys[step % (keys.length + 1)];
          const child = key === undefined ? undefined : parent[key];
          if (key === undefined || typeof child !== 'object' || child === null || step % 5 === 0) {
            const target = key ?? ['extra', 'name', 'kind', 'at', 'links', 'nodes', 'retry', '__proto__'][step % 8]!;
            // defineProperty: an own `__proto__` key, as JSON.parse and js-yaml make it.
            Object.defineProperty(parent, Array.isArray(parent) && key === undefined ? parent.length : target, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            });
            break;
          }
          parent = child as Record<string, unknown>;
        }
        expectAgreement(raw);
      }),
      { numRuns: 300 },
    );
  });
});
