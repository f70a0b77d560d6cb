/**
 * Canvas figures: load+render time and drag frame rate for large designs in the built app, in
 * Debian's Chromium (RECIPES.md). Not a timed test: it prints numbers. Headless figures are
 * relative, not absolute.
 *
 * Run: npx vite build && npx tsx bench/canvas.ts [--dist dist] [--port 4198] [--generated-only] [--settle 800]
 *
 * How the design gets in: the app boots the current design of its localStorage library
 * (src/state/library.ts keys `signalbox:library` and `signalbox:design:<id>`), so the bench
 * writes the design there and reloads. No test hook in the app.
 *
 * Scenarios: `generateLargeDesign({ services: 1000 })` (about 2,000 nodes of all kinds and
 * 3,000 links) and an inline grid of exactly 1,000 services with 3,000 links. Each is dragged
 * at the zoom that fits everything (the Fit view button: every node on screen) and at 100% (culling on).
 */
import type { Page } from '@playwright/test';
import { arg, launchChromium, startFrameRecording, startPreview, stopFrameRecording, storeDesign } from './browser';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import type { Design, Link } from '../src/core/model/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../src/core/layout/layout';

const DIST = arg('dist', 'dist');
const PORT = Number(arg('port', '4198'));
// How long to let the canvas settle after a zoom before the drag (a loaded machine needs more).
const SETTLE_MS = Number(arg('settle', '800'));

function gridDesign(services: number, linksPerService: number): Design {
  const cols = Math.ceil(Math.sqrt(services * 2));
  const nodes: Design['nodes'] = {};
  for (let i = 0; i < services; i++) {
    nodes[`s${i}`] = {
      kind: 'service',
      name: `Service ${i}`,
      team: `team-${i % 12}`,
      at: [(i % cols) * 260, Math.floor(i / cols) * 120],
    };
  }
  const links: Link[] = [];
  const offsets = [1, cols, cols + 1, 2, cols - 1];
  for (let i = 0; i < services; i++) {
    for (let k = 0, made = 0; made < linksPerService && k < offsets.length * 3; k++) {
      const j = (i + offsets[k % offsets.length]! * (1 + Math.floor(k / offsets.length))) % services;
      if (j === i) continue;
      const link: Link =
        k % 3 === 2
          ? { from: `s${i}`, to: `s${j}`, kind: 'async', channel: `s${i}.events.${k}` }
          : { from: `s${i}`, to: `s${j}`, kind: 'sync', protocol: 'grpc', timeoutMs: 800 };
      links.push(link);
      made++;
    }
  }
  return { signalbox: 1, name: `Grid ${services} services`, nodes, links };
}

async function loadDesign(page: Page, base: string, design: Design): Promise<number> {
  await page.goto(base);
  await storeDesign(page, design);
  const started = Date.now();
  await page.reload();
  await page.waitForFunction('document.querySelectorAll(".react-flow__node").length > 0', null, {
    timeout: 120_000,
    polling: 50,
  });
  // Two frames after the first nodes: what a person sees as "drawn".
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return Date.now() - started;
}

interface DragFigures {
  fps: number;
  p95GapMs: number;
  maxGapMs: number;
  longTasks: number;
  longTaskMs: number;
  renderedNodes: number;
  renderedEdges: number;
}

/**
 * Drag the node nearest the middle of the canvas (a miss would box-select instead). Found by
 * geometry, from the design and the viewport's transform: far out in a large design the cards
 * are drawn on a canvas, with no element to find.
 */
async function measureDrag(page: Page, design: Design): Promise<DragFigures> {
  const centres = Object.values(design.nodes).map((n) => n.at ?? [0, 0]);
  const box = (await page.evaluate(`(() => {
    const centres = ${JSON.stringify(centres)};
    const c = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    const flow = document.querySelector('.react-flow').getBoundingClientRect();
    const m = document.querySelector('.react-flow__viewport').style.transform.match(/translate\\(([-\\d.e]+)px, ([-\\d.e]+)px\\) scale\\(([-\\d.e]+)\\)/);
    const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
    let best = null;
    for (const [ax, ay] of centres) {
      const r = { x: flow.x + tx + ax * z, y: flow.y + ty + ay * z, width: ${NODE_WIDTH} * z, height: ${NODE_HEIGHT} * z };
      const d = Math.hypot(r.x + r.width / 2 - (c.x + c.width / 2), r.y + r.height / 2 - (c.y + c.height / 2));
      if (!best || d < best.d) best = { d, ...r };
    }
    return best;
  })()`)) as { x: number; y: number; width: number; height: number } | null;
  if (!box) throw new Error('no node on screen');
  await startFrameRecording(page);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(x + Math.sin(i / 12) * 160 + i, y + Math.cos(i / 15) * 90);
  }
  await page.mouse.up();
  const { frames, longTasks: long } = await stopFrameRecording(page);
  const { nodes, edges } = (await page.evaluate(`({
    nodes: document.querySelectorAll('.react-flow__node').length,
    edges: document.querySelectorAll('.react-flow__edge').length,
  })`)) as { nodes: number; edges: number };
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = gaps.toSorted((a, b) => a - b);
  const duration = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    fps: Math.round(((frames.length - 1) / duration) * 10) / 10,
    p95GapMs: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    maxGapMs: Math.round(sorted.at(-1) ?? 0),
    longTasks: long.length,
    longTaskMs: Math.round(long.reduce((a, b) => a + b, 0)),
    renderedNodes: nodes,
    renderedEdges: edges,
  };
}

async function main(): Promise<void> {
  const server = await startPreview(DIST, PORT);
  try {
    const browser = await launchChromium(['--disable-background-timer-throttling', '--disable-renderer-backgrounding']);
    const scenarios: [string, Design][] = [
      ['generateLargeDesign({ services: 1000 })', generateLargeDesign({ services: 1000 })],
      ['grid: 1,000 services, 3,000 links', gridDesign(1000, 3)],
    ];
    // --generated-only: the scenario alone, when the machine is too busy for both.
    if (process.argv.includes('--generated-only')) scenarios.splice(1);
    for (const [name, design] of scenarios) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const loadMs = await loadDesign(page, server.base, design);
      console.log(`\n${name}: ${Object.keys(design.nodes).length} nodes, ${design.links.length} links`);
      console.log(`  load + first render: ${loadMs} ms`);
      // Fit view with the zoom controls' button, then Ctrl+wheel toward the middle up to 100%, as
      // a person would, and drag at both zooms. (Ctrl+wheel up zooms in: this bench once turned it
      // the wrong way and measured 250% twice.)
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      const readZoom = async () =>
        Number(
          await page.evaluate(`document.querySelector('.react-flow__viewport').style.transform.match(/scale\\(([^)]+)\\)/)[1]`),
        );
      for (const label of ['fit', '100%'] as const) {
        if (label === 'fit') await page.getByRole('button', { name: /fit view/i }).click();
        else {
          await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
          await page.keyboard.down('Control');
          for (let i = 0; i < 60 && (await readZoom()) < 0.95; i++) await page.mouse.wheel(0, -60);
          await page.keyboard.up('Control');
        }
        await page.waitForTimeout(SETTLE_MS);
        const zoom = await readZoom();
        const figures = await measureDrag(page, design);
        console.log(`  drag, ${label} zoom ${zoom.toFixed(2)}: ${JSON.stringify(figures)}`);
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
    await browser.close();
  } finally {
    server.stop();
  }
}

await main();
