/**
 * The architecture document (Markdown report) at growing sizes, side by side, to show it stays
 * near-linear: `npx tsx bench/markdown.ts [1000,4000,8000]`. Findings and blast radius are
 * computed by other modules and passed in, so the figure is the document alone.
 */
import { performance } from 'node:perf_hooks';
import { markdownReport } from '../src/core/export/markdownReport';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { lintDesign } from '../src/core/rules/engine';

const sizes = (process.argv[2] ?? '1000,4000,8000').split(',').map(Number);
let first: { links: number; ms: number } | undefined;
console.log('services   nodes   links   document ms   KiB   ms per 1,000 links');
for (const services of sizes) {
  const design = generateLargeDesign({ services });
  const findings = lintDesign(design);
  markdownReport(design, { findings }); // warm up the JIT
  const runs = 2;
  const start = performance.now();
  let text = '';
  for (let i = 0; i < runs; i++) text = markdownReport(design, { findings });
  const ms = (performance.now() - start) / runs;
  first ??= { links: design.links.length, ms };
  console.log(
    `${String(services).padStart(8)} ${String(Object.keys(design.nodes).length).padStart(7)} ${String(design.links.length).padStart(7)} ${ms.toFixed(0).padStart(13)} ${(text.length / 1024).toFixed(0).padStart(5)} ${((ms / design.links.length) * 1000).toFixed(1).padStart(20)}`,
  );
}
