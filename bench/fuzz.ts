// The fuzz suite's long run (src/core/fuzz): many more inputs through the same stages as the CI
// test, printing how many ran and how many failed per stage. `--runs=N` scales it (default 2,000).
// A stage over the 2 s budget may be the input or the machine (other builds on the same cores), so
// the slowest inputs of each group are run again alone at the end, beside the load average.
import fc from 'fast-check';
import { availableParallelism, loadavg } from 'node:os';
import { readDesign } from '../src/core/format/read';
import { designArbitrary, hostileText } from '../src/core/fuzz/arbitraries';
import type { FuzzFailure } from '../src/core/fuzz/stages';
import { fuzzDesign, fuzzLink, fuzzReader } from '../src/core/fuzz/stages';
import type { Design } from '../src/core/model/types';
import { encodeShareFragment } from '../src/core/share/codec';
import { getTemplate } from '../src/core/templates/index';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 2000);
const SLOWEST = 3;
const template = getTemplate('food-delivery')!.yaml;
const failures = new Map<string, { count: number; example: string }>();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

interface Timed {
  input: string;
  ms: number;
  again: () => FuzzFailure[];
}
const slowest: { group: string; inputs: Timed[] }[] = [];

/** Run every input through its stages, count the failures, keep the slowest inputs. */
function runGroup<T>(group: string, inputs: readonly T[], describe: (input: T) => string, fuzz: (input: T) => FuzzFailure[]) {
  const timed: Timed[] = [];
  const start = performance.now();
  for (const input of inputs) {
    const began = performance.now();
    const found = fuzz(input);
    timed.push({ input: describe(input), ms: performance.now() - began, again: () => fuzz(input) });
    for (const f of found) {
      const seen = failures.get(f.stage) ?? { count: 0, example: f.problem };
      seen.count++;
      failures.set(f.stage, seen);
    }
  }
  console.log(`${group}: ${inputs.length} inputs in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  slowest.push({ group, inputs: timed.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST) });
}

console.log(`load average at start: ${load()} (${availableParallelism()} cores)`);

const texts = fc.sample(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .tuple(fc.nat({ max: template.length }), fc.nat({ max: 40 }), hostileText)
      .map(([at, cut, insert]) => template.slice(0, at) + insert + template.slice(at + cut)),
  ),
  { numRuns: runs, seed: 1 },
);
runGroup('reader (random and mutated text)', texts, (t) => `${t.length} characters`, fuzzReader);

const designs = fc.sample(designArbitrary, { numRuns: Math.ceil(runs / 4), seed: 2 });
runGroup(
  'designs (writers, exporters, simulator, share)',
  designs,
  (d: Design) => `${Object.keys(d.nodes).length} nodes, ${d.links.length} links, ${JSON.stringify(d).length} characters`,
  fuzzDesign,
);

const link = encodeShareFragment(readDesign(template).design!);
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const mutations = fc
  .sample(fc.tuple(fc.nat({ max: link.length - 1 }), fc.nat({ max: alphabet.length - 1 }), fc.boolean()), {
    numRuns: runs,
    seed: 3,
  })
  .map(([at, c, cut]) => (cut ? link.slice(0, at) : link.slice(0, at) + alphabet[c]! + link.slice(at + 1)));
runGroup('mutated share links', mutations, (l) => `${l.length} characters`, fuzzLink);
console.log(`load average at the end: ${load()}`);

for (const { group, inputs } of slowest) {
  const alone = inputs.map(({ input, ms, again }) => {
    const began = performance.now();
    again();
    return `${input}: ${ms.toFixed(0)} ms in the run, ${(performance.now() - began).toFixed(0)} ms alone`;
  });
  console.log(`slowest ${group}, all stages of one input: ${alone.join('; ')}`);
}

if (failures.size === 0) console.log('failures: none');
for (const [stage, { count, example }] of failures) console.log(`FAILED ${stage}: ${count} (e.g. ${example})`);
process.exitCode = failures.size === 0 ? 0 : 1;
