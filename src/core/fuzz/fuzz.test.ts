import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designToYaml } from '../format/write';
import { encodeShareFragment } from '../share/codec';
import { getTemplate } from '../templates/index';
import { readDesign } from '../format/read';
import { validateDesign } from '../model/validate';
import { designArbitrary, hostileText } from './arbitraries';
import { fuzzDesign, fuzzLink, fuzzReader } from './stages';

// Seeded and short: the CI run stays around half a minute. bench/fuzz.ts runs the same stages longer.
const SEED = 11;
const template = getTemplate('food-delivery')!.yaml;

/** Text near a real design: the template with a run of hostile text spliced in somewhere. */
const mutatedTemplate = fc
  .tuple(fc.nat({ max: template.length }), fc.nat({ max: 20 }), hostileText)
  .map(([at, cut, insert]) => template.slice(0, at) + insert + template.slice(at + cut));

describe('fuzz: nothing throws, nothing is slow, writers round-trip exactly (issue 11)', () => {
  it('the reader answers any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), mutatedTemplate), (text) => {
        expect(fuzzReader(text)).toEqual([]);
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 120_000);

  it('every writer, exporter, the simulator and the share codec on hostile designs', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        expect(fuzzDesign(design)).toEqual([]);
      }),
      { numRuns: 60, seed: SEED },
    );
  }, 120_000);

  it('a YAML round trip is exact for any string as a name, channel or unknown key value', () => {
    const base = readDesign(template).design!;
    fc.assert(
      fc.property(hostileText, hostileText, (name, value) => {
        const design = { ...base, name, notes: value, nodes: { ...base.nodes, x: { kind: 'service', name: value } } };
        // Only what reads in the first place (an empty name does not): the property is about writing.
        fc.pre(validateDesign(design).design !== undefined);
        const back = readDesign(designToYaml(design as typeof base));
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(back.design?.name).toBe(name);
        expect(back.design?.nodes.x?.name).toBe(value);
      }),
      { numRuns: 150, seed: SEED },
    );
  }, 120_000);

  it('the issue reproducers "-\\nx" and "-\\n\\n\'x" write YAML that reads back', () => {
    const base = readDesign(template).design!;
    for (const name of ['-\nx', "-\n\n'x"]) {
      const design = { ...base, nodes: { ...base.nodes, x: { kind: 'service' as const, name } } };
      expect(readDesign(designToYaml(design)).design?.nodes.x?.name).toBe(name);
    }
  });

  it('a share link changed at any one place opens or refuses, never throws', () => {
    const link = encodeShareFragment(readDesign(template).design!);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat({ max: link.length - 1 }), fc.nat({ max: alphabet.length - 1 }), fc.boolean(), (at, c, cut) => {
        const mutated = cut ? link.slice(0, at) : link.slice(0, at) + alphabet[c]! + link.slice(at + 1);
        expect(fuzzLink(mutated)).toEqual([]);
      }),
      { numRuns: 300, seed: SEED },
    );
  }, 120_000);
});
