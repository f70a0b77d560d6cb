/**
 * Where new cards go on a big design: the one placement routine of core/layout (findFreeSpot,
 * placeUnplacedNodes), against the linear scan every placement did before it (each candidate
 * spot checked against every node), side by side.
 *
 *   node --import tsx bench/placement.ts
 *
 * Figures: one findFreeSpot at the design's busiest spot (the first card), and placing 50 new
 * nodes without `at` (half linked to a placed node, half not), on 1,000- and 10,000-service
 * designs from generateLargeDesign (which places every node).
 */
import { performance } from 'node:perf_hooks';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { findFreeSpot, NODE_GAP, NODE_HEIGHT, NODE_WIDTH, placeUnplacedNodes } from '../src/core/layout/layout';
import type { Design } from '../src/core/model/types';

/** The scan placement did before core/layout had one routine: every node, for every candidate. */
function linearFreeSpot(design: Design, at: readonly [number, number]): [number, number] {
  const touches = (p: readonly [number, number]) =>
    Object.values(design.nodes).some(
      (n) => n.at && Math.abs(n.at[0] - p[0]) < NODE_WIDTH + NODE_GAP && Math.abs(n.at[1] - p[1]) < NODE_HEIGHT + NODE_GAP,
    );
  const start: [number, number] = [Math.round(at[0]), Math.round(at[1])];
  for (let ring = 0; ring <= 40; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p: [number, number] = [start[0] + dx * (NODE_WIDTH + NODE_GAP), start[1] + dy * (NODE_HEIGHT + NODE_GAP)];
        if (!touches(p)) return p;
      }
    }
  }
  return start;
}

function time(run: () => void, repeat: number): number {
  run(); // warm up
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

function withNewNodes(design: Design, count: number): Design {
  const ids = Object.keys(design.nodes);
  const nodes = { ...design.nodes };
  const links = [...design.links];
  for (let i = 0; i < count; i++) {
    nodes[`new-${i}`] = { kind: 'service', name: `New ${i}` };
    if (i % 2 === 0) links.push({ from: ids[i % ids.length]!, to: `new-${i}`, kind: 'sync' });
  }
  return { ...design, nodes, links };
}

const rows: string[][] = [
  ['design', 'findFreeSpot (ms)', 'linear scan (ms)', 'place 50 new nodes (ms)', 'linear x50, estimate (ms)'],
];
for (const services of [1000, 10000]) {
  const design = generateLargeDesign({ services });
  const busiest = Object.values(design.nodes)[0]!.at!;
  const fresh = withNewNodes(design, 50);
  const spot = time(() => findFreeSpot(design, busiest), 20);
  const linear = time(() => linearFreeSpot(design, busiest), 5);
  const place = time(() => placeUnplacedNodes(fresh), 5);
  const nodes = Object.keys(design.nodes).length;
  rows.push([
    `${services} services (${nodes} nodes)`,
    spot.toFixed(2),
    linear.toFixed(2),
    place.toFixed(1),
    (linear * 50).toFixed(1),
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
