/**
 * Opening a 5 MB design: js-yaml's parse alone, the `yaml` library's Document, our read
 * (readDesign: js-yaml + zod, the Document left unbuilt), and `signalbox lint` on the file as a
 * process, side by side. The target (issue 16): lint in at most 1.5x js-yaml's parse.
 * Run: npx tsx bench/open.ts [megabytes]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { readDesign } from '../src/core/format/read';
import { lintDesign } from '../src/core/rules/engine';

const RUNS = 5;
const megabytes = Number(process.argv[2] ?? 5);

function median(work: () => unknown, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[times.length >> 1]!;
}

// About 700 bytes of YAML per generated service.
let services = Math.round((megabytes * 1024 * 1024) / 700);
let yaml = generateLargeDesignYaml({ services });
services = Math.round((services * megabytes * 1024 * 1024) / yaml.length);
yaml = generateLargeDesignYaml({ services });
const mb = yaml.length / 1024 / 1024;

const read = readDesign(yaml, 'big.signalbox.yaml');
if (!read.design) throw new Error(`the generated design does not validate: ${JSON.stringify(read.issues.slice(0, 3))}`);
const design = read.design;

const jsYaml = median(() => load(yaml));
const yamlDocument = median(() => parseDocument(yaml, { uniqueKeys: false }).toJS(), 1);
const ours = median(() => readDesign(yaml, 'big.signalbox.yaml'));
const lint = median(() => lintDesign(design));

const dir = mkdtempSync(join(tmpdir(), 'signalbox-open-'));
const file = join(dir, 'big.signalbox.yaml');
writeFileSync(file, yaml);
const bin = join(import.meta.dirname, '..', 'bin', 'signalbox.mjs');
spawnSync(process.execPath, [bin, '--version']); // builds the bundle if it is stale, outside the timing
const bundle = join(import.meta.dirname, '..', 'packages', 'cli', 'dist', 'signalbox.mjs');
const cli = median(() => spawnSync(process.execPath, [bundle, 'lint', file, '--fail-on', 'never'], { encoding: 'utf8' }), 3);
// The fair yardstick for a process: js-yaml in a fresh Node, reading the file, cold JIT and all.
const jsYamlModule = join(import.meta.dirname, '..', 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs');
const loadScript = `import { load } from ${JSON.stringify(jsYamlModule)}; import { readFileSync } from 'node:fs'; load(readFileSync(${JSON.stringify(file)}, 'utf8'));`;
const jsYamlProcess = median(() => spawnSync(process.execPath, ['--input-type=module', '-e', loadScript]), 3);
rmSync(dir, { recursive: true, force: true });

const row = (what: string, ms: number) =>
  `  ${what.padEnd(44)} ${`${Math.round(ms)} ms`.padStart(9)}   ${(ms / jsYaml).toFixed(2)}x js-yaml`;
console.log(
  `open a ${mb.toFixed(1)} MB design (${Object.keys(design.nodes).length} nodes, ${design.links.length} links), median of ${RUNS}:`,
);
console.log(row('js-yaml load (the yardstick)', jsYaml));
console.log(row('yaml parseDocument + toJS (before)', yamlDocument));
console.log(row('readDesign (js-yaml + zod, no Document)', ours));
console.log(row('readDesign + lintDesign', ours + lint));
console.log(row('signalbox lint FILE (a process, start to exit)', cli));
console.log(
  `  ${'the same, against js-yaml in a fresh process'.padEnd(44)} ${`${Math.round(jsYamlProcess)} ms`.padStart(9)}   ` +
    `signalbox lint = ${(cli / jsYamlProcess).toFixed(2)}x (target <= 1.5x)`,
);
