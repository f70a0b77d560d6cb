/**
 * The code view's cost of one canvas edit (a node dragged) while the code view is open: the
 * design written into the text and the text read back, for designs of growing size. Side by side:
 * `createTextSync` (reads a text once) and the effect it replaced (read the current text, write,
 * then read the written text again), rebuilt here from the same core functions.
 * Run: npx tsx bench/textSync.ts [services...]
 */
import { performance } from 'node:perf_hooks';
import { generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { readDesign } from '../src/core/format/read';
import { writeDesignYaml } from '../src/core/format/write';
import { cloneData } from '../src/core/model/equal';
import type { Design } from '../src/core/model/types';
import { diffText } from '../src/core/yamlmap/textDiff';
import { createTextSync } from '../src/features/code/textSync';

const EDITS = 5;
const sizes = process.argv.slice(2).map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Designs that each move one node a little further, as a drag's end does. */
function drags(design: Design): Design[] {
  const id = Object.keys(design.nodes)[0]!;
  return Array.from({ length: EDITS + 1 }, (_, i) => {
    const next = cloneData(design);
    const at = next.nodes[id]!.at ?? [0, 0];
    next.nodes[id]!.at = [at[0] + 20 * (i + 1), at[1]];
    return next;
  });
}

function timeSync(text: string, design: Design): number {
  let current = design;
  const sync = createTextSync(
    {
      getDesign: () => current,
      commit: (d) => (current = d),
      setSourceText: () => {},
      applyEdit: () => {},
      resetText: () => {},
    },
    { design, sourceText: text },
  );
  sync.start();
  const times: number[] = [];
  for (const next of drags(design)) {
    const start = performance.now();
    sync.onDesignChanged(next);
    times.push(performance.now() - start);
  }
  sync.dispose();
  return median(times.slice(1));
}

/** The old effect's writeFromStore, step by step. */
function timeOldEffect(text: string): number {
  let current = text;
  const first = readDesign(current, 'design.signalbox.yaml');
  const times: number[] = [];
  for (const next of drags(first.design!)) {
    const start = performance.now();
    const read = readDesign(current, 'design.signalbox.yaml');
    const written = writeDesignYaml(next, { text: current, doc: read.doc! });
    const change = diffText(current, written);
    if (change) current = current.slice(0, change.start) + change.text + current.slice(change.end);
    readDesign(current, 'design.signalbox.yaml');
    times.push(performance.now() - start);
  }
  return median(times.slice(1));
}

console.log('services  text KB  old effect ms/edit  createTextSync ms/edit');
for (const services of sizes.length > 0 ? sizes : [50, 200]) {
  const text = generateLargeDesignYaml({ services });
  const design = readDesign(text).design!;
  const old = timeOldEffect(text);
  const sync = timeSync(text, design);
  console.log(
    `${String(services).padStart(8)}  ${(text.length / 1024).toFixed(0).padStart(7)}  ${old.toFixed(1).padStart(18)}  ${sync.toFixed(1).padStart(22)}`,
  );
}
