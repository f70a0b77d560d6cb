// simulate / sequence / Markdown at 1,000, 4,000 and 8,000 generated services, side by side (issue
// 11). CPU time is printed beside wall time: on a shared machine it is the steadier figure.
import { performance } from 'node:perf_hooks';
import { mermaidSequences } from '../src/core/export/mermaidSequence';
import { markdownReport } from '../src/core/export/markdownReport';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { lintDesign } from '../src/core/rules/engine';
import { blastRadius } from '../src/core/simulate/blastRadius';
import { simulate } from '../src/core/simulate/simulate';

const sizes = (process.argv.find((a) => a.startsWith('--services='))?.split('=')[1] ?? '1000,4000,8000').split(',').map(Number);

function measure(run: () => void): string {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return `${(performance.now() - start).toFixed(0)} ms (${((used.user + used.system) / 1000).toFixed(0)} CPU)`;
}

const rows: string[][] = [
  ['services', 'nodes', 'simulate --down (worst node)', 'sequence', 'markdown (lint + blast radius given)'],
];
for (const services of sizes) {
  const design = generateLargeDesign({ services });
  const ids = Object.keys(design.nodes);
  // The node whose outage reaches furthest: the longest explanations.
  const worst = blastRadius(design)[0]!.node;
  simulate(design, [ids[0]!]); // index built once, as the app and the CLI reuse it
  const sim = measure(() => simulate(design, [worst]));
  const seq = measure(() => mermaidSequences(design));
  const findings = lintDesign(design);
  const md = measure(() => markdownReport(design, { findings, blastRadius: blastRadius(design) }));
  rows.push([String(services), String(ids.length), sim, seq, md]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
