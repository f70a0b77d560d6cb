import { performance } from 'node:perf_hooks';
import { exportDesign as baseExport } from '/tmp/au2-base/src/core/export/index';
import { generateLargeDesign } from '/tmp/au2-base/src/core/fixtures/generate';
import { lintDesign } from '/tmp/au2-base/src/core/rules/engine';
import { exportDesign as newExport } from '../src/core/export/index';

const design = generateLargeDesign({ services: 1000 });
const findings = lintDesign(design);
const formats = ['proto', 'istio', 'gateway', 'alerts', 'schemas', 'code', 'markdown'] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const format of formats) {
  const times = { base: [] as number[], new: [] as number[] };
  let files = 0;
  for (let i = 0; i < 8; i++)
    for (const [name, run] of [['base', baseExport], ['new', newExport]] as const) {
      const start = performance.now();
      const out = run(design, format, { findings, blastRadius: false });
      if (i > 0) times[name].push(performance.now() - start);
      files = out.length;
    }
  console.log(`${format.padEnd(9)} base ${median(times.base).toFixed(0).padStart(5)} ms   new ${median(times.new).toFixed(0).padStart(5)} ms   (${files} files, median of 7 interleaved)`);
}
