import { performance } from 'node:perf_hooks';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { exportDesign } from '../src/core/export/index';
for (const services of [1000, 4000]) {
  const stated = generateLargeDesign({ services });
  // Every consumer without its own DLQ parks on one shared channel: one alert for all of them.
  const design = { ...stated, defaults: { dlq: 'dead-letters', timeoutMs: 2000 }, links: stated.links.map((l) => ({ ...l, dlq: undefined })) };
  const consumers = design.links.filter((l) => l.kind === 'async').length;
  for (const format of ['alerts', 'istio', 'markdown'] as const) {
    const start = performance.now();
    const files = exportDesign(design, format, { findings: [], blastRadius: false });
    const ms = performance.now() - start;
    const text = files.map((f) => f.text).join('');
    console.log(`${services} services (${consumers} async links), shared default DLQ: ${format} ${ms.toFixed(0)} ms, ${(text.length / 1024).toFixed(0)} KiB, dead-letter alerts ${(text.match(/alert: DeadLetterMessages/g) ?? []).length}`);
  }
}
