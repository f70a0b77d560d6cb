/**
 * `signalbox diff` on two 10,000-service designs (~20,000 nodes, ~31,000 links each): the
 * structural compare alone, the findings delta (two lints), and the whole diff, side by side.
 * Then the command itself, `signalbox diff BASE HEAD --format json`, on the two designs written as
 * YAML files: what CI pays, reading both files included.
 * Run: npx tsx bench/diff.ts [services] [edits]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { designToYaml } from '../src/core/format/write';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { evolveDesign } from '../src/core/fixtures/evolve';
import { compareDesigns, diffDesigns } from '../src/core/diff/diff';
import { compareFindings } from '../src/core/diff/findingsDelta';
import { lintDesign } from '../src/core/rules/engine';

const RUNS = 3;
const services = Number(process.argv[2] ?? 10000);
const edits = Number(process.argv[3] ?? 200);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function timeRuns<T>(work: () => T, runs = RUNS): { ms: number; value: T } {
  const times: number[] = [];
  let value = work();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

const base = generateLargeDesign({ services });
const head = evolveDesign(base, { edits, seed: 7 });
// A parsed copy shares no objects with BASE, as two files read from disk would.
const identical = JSON.parse(JSON.stringify(base)) as typeof base;
console.log(`${services} services: ${Object.keys(base.nodes).length} nodes, ${base.links.length} links; HEAD has ${edits} edits`);

const same = timeRuns(() => compareDesigns(base, identical));
const changed = timeRuns(() => compareDesigns(base, head));
// A lint of 20,000 nodes takes seconds: one timed run each for the steps that lint.
const lints = timeRuns(() => [lintDesign(base), lintDesign(head)] as const, 1);
const delta = timeRuns(() => compareFindings(lints.value[0], lints.value[1]));
const whole = timeRuns(() => diffDesigns(base, head), 1);

const rows: [string, number, string][] = [
  ['compare, identical copy', same.ms, `${same.value.length} changes`],
  [
    'compare, edited HEAD',
    changed.ms,
    `${changed.value.length} changes, ${changed.value.filter((c) => c.breaking).length} breaking`,
  ],
  ['lint BASE + HEAD', lints.ms, `${lints.value[0].length} + ${lints.value[1].length} findings`],
  ['findings delta', delta.ms, `${delta.value.introduced.length} introduced, ${delta.value.resolved.length} resolved`],
  ['whole diff (compare + 2 lints + delta)', whole.ms, `summary ${JSON.stringify(whole.value.summary)}`],
];
for (const [label, ms, note] of rows) console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   ${note}`);

// The command, as CI runs it: two files on disk, one process (bin/signalbox.mjs rebuilds the bundle when stale).
const dir = mkdtempSync(join(tmpdir(), 'signalbox-bench-diff-'));
try {
  const basePath = join(dir, 'base.signalbox.yaml');
  const headPath = join(dir, 'head.signalbox.yaml');
  writeFileSync(basePath, designToYaml(base));
  writeFileSync(headPath, designToYaml(head));
  const bin = join(import.meta.dirname, '..', 'bin', 'signalbox.mjs');
  spawnSync(process.execPath, [bin, '--version']); // build the bundle first if a source changed
  const start = performance.now();
  const run = spawnSync(process.execPath, [bin, 'diff', basePath, headPath, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`signalbox diff exited ${run.status}: ${run.stderr}`);
  const summary = (JSON.parse(run.stdout) as { summary: unknown }).summary;
  const mb = (statSync(basePath).size / 1024 / 1024).toFixed(1);
  console.log(
    `${'signalbox diff BASE HEAD (two files)'.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   ${mb} MB each, summary ${JSON.stringify(summary)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
