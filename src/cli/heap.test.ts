import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// heap.ts as plain JavaScript, so the child is a bare Node: a TypeScript loader would grow the
// young generation before the module under test ran.
const dir = mkdtempSync(join(tmpdir(), 'signalbox-heap-'));
const heap = join(dir, 'heap.mjs');
writeFileSync(
  heap,
  transformSync(readFileSync(join(import.meta.dirname, 'heap.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The young generation's size (MB) after a run that keeps 300,000 small objects alive. */
function youngGenerationAfterRetaining(hold: boolean): number {
  const script = `
    import { holdYoungGeneration } from ${JSON.stringify(heap)};
    import { getHeapSpaceStatistics } from 'node:v8';
    if (${hold}) holdYoungGeneration();
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push({ id: 'node-' + i, links: [i] });
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    console.log(young.space_size / 1048576, kept.length);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.split(' ')[0]);
}

describe('holdYoungGeneration', () => {
  it('keeps the young generation at its starting size while a big design is kept in memory', () => {
    // Without it V8 grows the young generation, so this test can tell the setting took effect.
    expect(youngGenerationAfterRetaining(false)).toBeGreaterThan(4);
    expect(youngGenerationAfterRetaining(true)).toBeLessThanOrEqual(2);
  }, 30_000);
});
