// `simulate --each` on a generated 1,000-service design: every node down in turn (one scenario per
// node), the figure the simulator's precomputed index exists for. Prints times; asserts nothing.
import { performance } from 'node:perf_hooks';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { blastRadius, blastRadiusMarkdown } from '../src/core/simulate/blastRadius';
import { buildSimulationIndex } from '../src/core/simulate/designIndex';
import { simulate } from '../src/core/simulate/simulate';

const services = Number(process.argv.find((a) => a.startsWith('--services='))?.split('=')[1] ?? 1000);
const design = generateLargeDesign({ services });
const nodeIds = Object.keys(design.nodes);
// Wall time and CPU time: on a busy machine the CPU time is the steadier figure.
let cpu = process.cpuUsage();
const ms = (start: number) => {
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  return `${(performance.now() - start).toFixed(1)} ms wall, ${((used.user + used.system) / 1000).toFixed(1)} ms CPU`;
};
const mark = () => {
  cpu = process.cpuUsage();
  return performance.now();
};

let start = mark();
buildSimulationIndex(design);
console.log(`design: ${services} services, ${nodeIds.length} nodes, ${design.links.length} links`);
console.log(`index build: ${ms(start)}`);

start = mark();
const rows = blastRadius(design);
console.log(`blast radius (--each, ${rows.length} scenarios): ${ms(start)}`);

start = mark();
blastRadiusMarkdown(design, rows);
console.log(`blast radius markdown: ${ms(start)}`);

// Full results with explanations, as `--down` and the UI ask for them, 1,000 times.
start = mark();
const scenarios = Math.min(1000, nodeIds.length);
let notOk = 0;
for (let i = 0; i < scenarios; i++) notOk += Object.keys(simulate(design, [nodeIds[i]!]).explanations).length;
console.log(`simulate() with explanations x${scenarios}: ${ms(start)} (${notOk} explanations)`);

const worst = rows[0];
if (worst) console.log(`largest blast radius: ${worst.name} fails ${worst.failed} entry points, degrades ${worst.degraded}`);
