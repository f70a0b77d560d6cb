import type { Design } from '../model/types';
import type { SimulationIndex } from './designIndex';
import { getSimulationIndex } from './designIndex';
import { STATE_NAMES } from './simulate';
import { createSpread, DEGRADED as DEGRADED_RANK, FAILED as FAILED_RANK, LAGGING as LAGGING_RANK, spreadFailure } from './spread';
import type { BlastRadiusRow } from './types';

// Module-local copies: imported bindings are live (a getter under some loaders) and these are read
// once per node per scenario.
const DEGRADED = DEGRADED_RANK;
const FAILED = FAILED_RANK;
const LAGGING = LAGGING_RANK;

/** Every node down in turn, ranked by how many entry points it fails, then degrades, then by name. */
function blastRadiusIndexed(index: SimulationIndex): BlastRadiusRow[] {
  const rows: BlastRadiusRow[] = [];
  const { nodeIds, nodes } = index.graph;
  // Names read once up front: design nodes come in many shapes, and a `.name` load per row in this
  // loop measured a fifth slower on bench/simulate.ts.
  const names = nodes.map((node) => node.name);
  const spread = createSpread(nodeIds.length);
  for (let d = 0; d < nodeIds.length; d++) {
    const { state, touched } = spreadFailure(index, [d], spread);
    const row: BlastRadiusRow = {
      node: nodeIds[d]!,
      name: names[d]!,
      failed: 0,
      degraded: 0,
      lagging: 0,
      entries: {},
      affected: { failed: 0, degraded: 0, lagging: 0 },
    };
    // Only the entries this node reaches: a row per node listing every entry is quadratic in memory.
    const entries: [string, (typeof STATE_NAMES)[number]][] = [];
    for (const e of index.entries) {
      const s = state[e]!;
      if (s === 0) continue;
      entries.push([nodeIds[e]!, STATE_NAMES[s]!]);
      if (s >= FAILED) row.failed++;
      else if (s === DEGRADED) row.degraded++;
      else if (s === LAGGING) row.lagging++;
    }
    row.entries = Object.fromEntries(entries);
    for (const v of touched) {
      const s = state[v]!;
      if (s === FAILED) row.affected.failed++;
      else if (s === DEGRADED) row.affected.degraded++;
      else if (s === LAGGING) row.affected.lagging++;
    }
    rows.push(row);
  }
  return rows.sort(
    (a, b) =>
      b.failed - a.failed ||
      b.degraded - a.degraded ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
  );
}

/** The blast radius of every node of the design (spec/simulation.md, `simulate --each`). */
export function blastRadius(design: Design): BlastRadiusRow[] {
  return blastRadiusIndexed(getSimulationIndex(design));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The blast radius as a Markdown section for the design report. */
export function blastRadiusMarkdown(design: Design, rows: BlastRadiusRow[] = blastRadius(design)): string {
  const entryCount = getSimulationIndex(design).entries.length;
  const lines = [
    '## Blast radius',
    '',
    `Each node taken down in turn, and what the ${entryCount} entry point${entryCount === 1 ? '' : 's'} and the other nodes see ` +
      '(sync callers fail unless a breaker has a fallback; async consumers lag).',
    '',
    '| Node | Entry points failed | Entry points degraded | Entry points lagging | Nodes failed | Nodes degraded | Nodes lagging |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const { failed, degraded, lagging } = row.affected;
    lines.push(
      `| ${cell(row.name)} (\`${cell(row.node)}\`) | ${row.failed} | ${row.degraded} | ${row.lagging} | ${failed} | ${degraded} | ${lagging} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
