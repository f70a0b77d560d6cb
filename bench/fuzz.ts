// The fuzz suite's long run (src/core/fuzz): many more inputs through the same stages as the CI
// test, printing how many ran and how many failed per stage. `--runs=N` scales it (default 2,000).
import fc from 'fast-check';
import { readDesign } from '../src/core/format/read';
import { designArbitrary, hostileText } from '../src/core/fuzz/arbitraries';
import type { FuzzFailure } from '../src/core/fuzz/stages';
import { fuzzDesign, fuzzLink, fuzzReader } from '../src/core/fuzz/stages';
import { encodeShareFragment } from '../src/core/share/codec';
import { getTemplate } from '../src/core/templates/index';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 2000);
const template = getTemplate('food-delivery')!.yaml;
const failures = new Map<string, { count: number; example: string }>();
const note = (found: FuzzFailure[]) => {
  for (const f of found) {
    const seen = failures.get(f.stage) ?? { count: 0, example: f.problem };
    seen.count++;
    failures.set(f.stage, seen);
  }
};

const time = (label: string, count: number, run: () => void) => {
  const start = performance.now();
  run();
  console.log(`${label}: ${count} inputs in ${((performance.now() - start) / 1000).toFixed(1)} s`);
};

const texts = fc.sample(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .tuple(fc.nat({ max: template.length }), fc.nat({ max: 40 }), hostileText)
      .map(([at, cut, insert]) => template.slice(0, at) + insert + template.slice(at + cut)),
  ),
  { numRuns: runs, seed: 1 },
);
time('reader (random and mutated text)', texts.length, () => texts.forEach((t) => note(fuzzReader(t))));

const designs = fc.sample(designArbitrary, { numRuns: Math.ceil(runs / 4), seed: 2 });
time('designs (writers, exporters, simulator, share)', designs.length, () => designs.forEach((d) => note(fuzzDesign(d))));

const link = encodeShareFragment(readDesign(template).design!);
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const mutations = fc.sample(fc.tuple(fc.nat({ max: link.length - 1 }), fc.nat({ max: alphabet.length - 1 }), fc.boolean()), {
  numRuns: runs,
  seed: 3,
});
time('mutated share links', mutations.length, () =>
  mutations.forEach(([at, c, cut]) =>
    note(fuzzLink(cut ? link.slice(0, at) : link.slice(0, at) + alphabet[c]! + link.slice(at + 1))),
  ),
);

if (failures.size === 0) console.log('failures: none');
for (const [stage, { count, example }] of failures) console.log(`FAILED ${stage}: ${count} (e.g. ${example})`);
process.exitCode = failures.size === 0 ? 0 : 1;
