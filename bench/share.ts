/**
 * Share link figures: link length against the Mermaid Live baseline (JSON -> zlib level 9 ->
 * base64url) for every template and fixture, and encode/decode time for a 1,000-service design.
 * Run: npx tsx bench/share.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { strToU8, zlibSync } from 'fflate';
import { readDesign } from '../src/core/format/read';
import { deepEqual } from '../src/core/model/equal';
import type { Design } from '../src/core/model/types';
import { bytesToBase64url } from '../src/core/share/base64url';
import { decodeShareFragment, encodeShareFragment } from '../src/core/share/codec';
import { quantiseDesign } from '../src/core/share/compact';
import { TEMPLATES } from '../src/core/templates/index';
import { FIXTURES } from '../src/core/fixtures/index';
import { generateLargeDesign } from '../src/core/fixtures/generate';

function load(yaml: string): Design {
  const { design, issues } = readDesign(yaml);
  if (!design) throw new Error(issues.map((i) => i.message).join('; '));
  return design;
}

const baseline = (d: Design) => bytesToBase64url(zlibSync(strToU8(JSON.stringify(d)), { level: 9 })).length;

const exampleYaml = readFileSync(
  fileURLToPath(new URL('../src/core/format/fixtures/format-example.signalbox.yaml', import.meta.url)),
  'utf8',
);
const designs: [string, Design][] = [
  ['format-example', load(exampleYaml)],
  ...TEMPLATES.map((t): [string, Design] => [`template ${t.id}`, load(t.yaml)]),
  ...FIXTURES.map((f): [string, Design] => [`fixture ${f.id}`, load(f.yaml)]),
  ['generated 15 services', generateLargeDesign({ services: 15 })],
];

const rows = designs.map(([name, d]) => {
  const link = encodeShareFragment(d);
  const back = decodeShareFragment(link);
  const base = baseline(d);
  return {
    design: name,
    nodes: Object.keys(d.nodes).length,
    links: d.links.length,
    baseline: base,
    link: link.length,
    ratio: `${((100 * link.length) / base).toFixed(1)}%`,
    exact: back.ok && deepEqual(back.design, quantiseDesign(d)) ? 'yes' : 'NO',
  };
});
console.table(rows);

// A chat-sized design: the time a share dialog or an opening link pays.
const food = designs.find(([name]) => name === 'template food-delivery')![1];
const foodLink = encodeShareFragment(food);
console.log(
  `food delivery: encode ${time(20, () => encodeShareFragment(food)).toFixed(1)} ms, decode ${time(20, () => decodeShareFragment(foodLink)).toFixed(1)} ms`,
);

function time(runs: number, f: () => void): number {
  f(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - t0) / runs;
}

const large = generateLargeDesign({ services: 1000 });
const link = encodeShareFragment(large);
const back = decodeShareFragment(link);
console.table([
  {
    design: '1,000 services',
    nodes: Object.keys(large.nodes).length,
    links: large.links.length,
    baseline: baseline(large),
    link: link.length,
    ratio: `${((100 * link.length) / baseline(large)).toFixed(1)}%`,
    'encode ms': time(5, () => encodeShareFragment(large)).toFixed(1),
    'decode ms': time(5, () => decodeShareFragment(link)).toFixed(1),
    exact: back.ok && deepEqual(back.design, quantiseDesign(large)) ? 'yes' : 'NO',
  },
]);
