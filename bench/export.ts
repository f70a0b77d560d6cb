/**
 * Time every export of the 1,000-service design: `npx tsx bench/export.ts`.
 * Prints figures; it is not a timed test (machines differ).
 */
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS, exportDesign } from '../src/core/export/index';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { lintDesign } from '../src/core/rules/engine';

const services = Number(process.argv[2] ?? 1000);
const design = generateLargeDesign({ services });
console.log(
  `design: ${services} services, ${Object.keys(design.nodes).length} nodes, ${design.links.length} links, ${design.flows?.length ?? 0} flows`,
);

// Findings and blast radius belong to other modules: timed apart, then passed in, so "markdown" is the report alone.
let start = performance.now();
const findings = lintDesign(design);
console.log(
  `lintDesign (input to markdown)  ${(performance.now() - start).toFixed(0).padStart(6)} ms  ${findings.length} findings`,
);

for (const format of EXPORT_FORMATS) {
  exportDesign(design, format.id, { findings, blastRadius: false }); // warm up the JIT
  const runs = 3;
  start = performance.now();
  let files = exportDesign(design, format.id, { findings, blastRadius: false });
  for (let i = 1; i < runs; i++) files = exportDesign(design, format.id, { findings, blastRadius: false });
  const ms = (performance.now() - start) / runs;
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  console.log(
    `${format.id.padEnd(31)} ${ms.toFixed(0).padStart(6)} ms  ${files.length} file(s), ${(bytes / 1024).toFixed(0)} KiB`,
  );
}

start = performance.now();
exportDesign(design, 'markdown', { findings });
console.log(`markdown with blast radius      ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
