// What the one messaging definition (src/core/graph/messaging.ts) costs its three users: the lint,
// the simulator's index and the AsyncAPI export, on generated designs. With
// `--baseline=DIR` (another checkout's root, e.g. `git archive main src | tar -x -C DIR`) the
// same figures for that code are printed beside these. Prints CPU milliseconds, median of 5; asserts nothing.
//   npx tsx bench/messaging.ts [--baseline=/tmp/main] [--sizes=1000,10000]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import type { Design } from '../src/core/model/types';

interface Core {
  lint: (design: Design) => unknown;
  index: (design: Design) => unknown;
  asyncapi: (design: Design) => unknown;
}

async function loadCore(root: string): Promise<Core> {
  const load = (file: string) => import(pathToFileURL(path.join(root, 'src/core', file)).href);
  const [engine, designIndex, asyncapi] = await Promise.all([
    load('rules/engine.ts'),
    load('simulate/designIndex.ts'),
    load('export/asyncapi.ts'),
  ]);
  return { lint: engine.lintDesign, index: designIndex.buildSimulationIndex, asyncapi: asyncapi.asyncApiDocument };
}

function cpuMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (arg('sizes') ?? '1000,10000').split(',').map(Number);
const baselineRoot = arg('baseline');
const here = await loadCore(path.resolve(import.meta.dirname, '..'));
const baseline = baselineRoot ? await loadCore(path.resolve(baselineRoot)) : undefined;

console.log(`${'design'.padEnd(34)}${'step'.padEnd(12)}${'this'.padStart(10)}${baseline ? 'baseline'.padStart(12) : ''}`);
for (const services of sizes) {
  const design = generateLargeDesign({ services });
  const async = design.links.filter((l) => l.kind === 'async').length;
  const label = `${services} services, ${async} async links`;
  for (const step of ['lint', 'index', 'asyncapi'] as const) {
    const mine = cpuMs(() => here[step](design));
    const theirs = baseline ? cpuMs(() => baseline[step](design)) : undefined;
    console.log(
      `${label.padEnd(34)}${step.padEnd(12)}${`${mine.toFixed(1)} ms`.padStart(10)}${theirs === undefined ? '' : `${theirs.toFixed(1)} ms`.padStart(12)}`,
    );
  }
}
