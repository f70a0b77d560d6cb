/**
 * Opening a 5 MB design: js-yaml's parse alone, the `yaml` library's Document, the subset reader
 * alone, our read (readDesign: the subset reader, or js-yaml, + validation, the Document left
 * unbuilt), and `signalbox lint` on the file as a process, side by side. The target (issue 16): lint in at most 1.5x js-yaml's parse.
 * The processes are timed in interleaved rounds, by wall clock and by CPU time (user + system,
 * from /usr/bin/time when it is there): on a shared machine CPU time is the steadier figure.
 * `--baseline BUNDLE` adds another build of the CLI (say, main's) to the same rounds, for A/B.
 * Run: npx tsx bench/open.ts [megabytes] [--baseline path/to/cli.cjs]
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
import { readYamlSubset } from '../src/core/format/yamlSubset';
import { lintDesign } from '../src/core/rules/engine';
import { measureProcesses, UNCACHED, type Contender } from './processes';

const RUNS = 5;
const PROCESS_ROUNDS = 9;
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt >= 0 ? process.argv[baselineAt + 1] : undefined;
const megabytes = Number(process.argv.slice(2).find((a, i, all) => /^\d/.test(a) && all[i - 1] !== '--baseline') ?? 5);
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
const subset = median(() => readYamlSubset(yaml));
const yamlDocument = median(() => parseDocument(yaml, { uniqueKeys: false }).toJS(), 1);
const ours = median(() => readDesign(yaml, 'big.signalbox.yaml'));
// What `signalbox lint` reads: keys left in the file's order, no copy (core/format's ReadOptions).
const asRead = median(() => readDesign(yaml, 'big.signalbox.yaml', { keyOrder: 'as-read' }));
const lint = median(() => lintDesign(design));

const dir = mkdtempSync(join(tmpdir(), 'signalbox-open-'));
const file = join(dir, 'big.signalbox.yaml');
writeFileSync(file, yaml);
const bin = join(import.meta.dirname, '..', 'bin', 'signalbox.mjs');
spawnSync(process.execPath, [bin, '--version']); // builds the bundle if it is stale, outside the timing
const bundle = join(import.meta.dirname, '..', 'packages', 'cli', 'dist', 'cli.cjs');
// The fair yardstick for a process: js-yaml in a fresh Node, reading the file, cold JIT and all.
const jsYamlModule = join(import.meta.dirname, '..', 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs');
const loadScript = `import { load } from ${JSON.stringify(jsYamlModule)}; import { readFileSync } from 'node:fs'; load(readFileSync(${JSON.stringify(file)}, 'utf8'));`;
const contenders: Contender[] = [
  ['js-yaml', ['--input-type=module', '-e', loadScript]],
  ['signalbox', [bundle, 'lint', file, '--fail-on', 'never']],
  ['no code cache', [bundle, 'lint', file, '--fail-on', 'never'], UNCACHED],
  ...(baseline ? [['baseline', [baseline, 'lint', file, '--fail-on', 'never']] as Contender] : []),
];
const { rounds, wallOf, cpuOf } = measureProcesses(contenders, PROCESS_ROUNDS);
/** Per round ratio against js-yaml in the same round: the range says how steady the figure is. */
const ratios = (name: string, key: 'wall' | 'cpu') => {
  const mine = rounds.get(name)!;
  const yard = rounds.get('js-yaml')!;
  const r = mine.flatMap((m, i) => (m[key] && yard[i]![key] ? [m[key] / yard[i]![key]] : [])).sort((a, b) => a - b);
  return r.length > 0 ? `${r[0]!.toFixed(2)}–${r[r.length - 1]!.toFixed(2)}x` : 'n/a';
};
const cli = wallOf('signalbox');
const jsYamlProcess = wallOf('js-yaml');
rmSync(dir, { recursive: true, force: true });

const row = (what: string, ms: number) =>
  `  ${what.padEnd(44)} ${`${Math.round(ms)} ms`.padStart(9)}   ${(ms / jsYaml).toFixed(2)}x js-yaml`;
console.log(
  `open a ${mb.toFixed(1)} MB design (${Object.keys(design.nodes).length} nodes, ${design.links.length} links), median of ${RUNS}:`,
);
console.log(row('js-yaml load (the yardstick)', jsYaml));
console.log(row('yaml parseDocument + toJS (before)', yamlDocument));
console.log(row('readYamlSubset (the subset reader alone)', subset));
console.log(row(`readDesign (${read.entryLines ? 'subset reader' : 'js-yaml'} + validation, no Document)`, ours));
console.log(row("readDesign, keyOrder 'as-read' (lint's read)", asRead));
console.log(row("readDesign 'as-read' + lintDesign", asRead + lint));
console.log(row('signalbox lint FILE (a process, start to exit)', cli));
console.log(`processes, ${PROCESS_ROUNDS} interleaved rounds (median; per-round ratio to js-yaml's process in brackets):`);
for (const [name] of contenders) {
  const cpu = cpuOf(name);
  console.log(
    `  ${(name === 'js-yaml' ? 'js-yaml load, a fresh process' : name === 'no code cache' ? 'signalbox lint, no code cache' : `${name} lint FILE`).padEnd(30)} wall ${`${Math.round(wallOf(name))} ms`.padStart(8)} [${ratios(name, 'wall')}]` +
      (cpu === undefined ? '' : `   cpu ${`${Math.round(cpu)} ms`.padStart(8)} [${ratios(name, 'cpu')}]`),
  );
}
console.log(
  `  signalbox lint = ${(cli / jsYamlProcess).toFixed(2)}x js-yaml's process by wall clock` +
    (cpuOf('signalbox') && cpuOf('js-yaml') ? `, ${(cpuOf('signalbox')! / cpuOf('js-yaml')!).toFixed(2)}x by CPU time` : '') +
    ' (target <= 1.5x)',
);
