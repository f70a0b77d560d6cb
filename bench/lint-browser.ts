/**
 * Live lint on a 1,000-service design must not cost frames while the user drags.
 *
 *   npx vite build && node --import tsx bench/lint-browser.ts
 *
 * Serves dist/ with `vite preview` (BENCH_DIST to serve another build, BENCH_PORT), opens the app
 * in Debian's Chromium with generateLargeDesign({ services: 1000 }) as the library's current
 * design, then drags nodes with page.mouse back to back. Every drag stop changes the design, so
 * the worker lints (about 100-300 ms) while the next drag runs. Prints frame rate and rAF gaps,
 * long tasks, and the lint timings the app leaves as User Timing measures (liveLint.ts).
 * Headless figures are relative, not absolute (RECIPES.md).
 */
import type { Page } from '@playwright/test';
import { launchChromium, startFrameRecording, startPreview, stopFrameRecording, storeDesign } from './browser';
import { generateLargeDesign } from '../src/core/fixtures/generate';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const DIST = process.env.BENCH_DIST ?? 'dist';
const DRAGS = Number(process.env.BENCH_DRAGS ?? 4);
const STEPS = 60;

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    n: values.length,
    mean: values.length ? sum / values.length : 0,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
  };
}

const fmt = (v: number) => v.toFixed(1);

interface Target {
  x: number;
  y: number;
}

/** Drags nodes back to back while recording frames; every drag stop triggers a lint. */
async function measureDrags(page: Page, label: string) {
  const lintsBefore = await page.evaluate(() => performance.getEntriesByName('signalbox:lint').length);
  const postsBefore = await page.evaluate(() => performance.getEntriesByName('signalbox:lint-post').length);
  const appliesBefore = await page.evaluate(() => performance.getEntriesByName('signalbox:lint-apply').length);
  await startFrameRecording(page);
  const dragStart = Date.now();
  for (let i = 0; i < DRAGS; i++) {
    // Found afresh before each drag: an earlier drag or a frame request may have moved the view.
    const targets = await findTargets(page);
    const from = targets[(i * 7) % targets.length]!;
    const dx = i % 2 === 0 ? 120 : -120;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let s = 1; s <= STEPS; s++) {
      await page.mouse.move(from.x + (dx * s) / STEPS, from.y + (40 * s) / STEPS);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  }
  const dragMs = Date.now() - dragStart;
  const { start, frames: frameEnds, longTasks } = await stopFrameRecording(page);
  const gaps = frameEnds.map((t, i) => t - (i === 0 ? start : frameEnds[i - 1]!));
  // Let the last lint land, so its timing is counted too.
  await page.waitForTimeout(2000);
  const timing = await page.evaluate(
    ([l, p, a]) => ({
      lints: (performance.getEntriesByName('signalbox:lint') as PerformanceMeasure[])
        .slice(l)
        .map((m) => ({ roundTrip: m.duration, ...(m.detail as { lintMs: number; findings: number; where: string }) })),
      post: performance
        .getEntriesByName('signalbox:lint-post')
        .slice(p)
        .map((m) => m.duration),
      apply: performance
        .getEntriesByName('signalbox:lint-apply')
        .slice(a)
        .map((m) => m.duration),
      windows: performance
        .getEntriesByName('signalbox:lint')
        .slice(l)
        .map((m) => [m.startTime, m.startTime + m.duration] as [number, number]),
    }),
    [lintsBefore, postsBefore, appliesBefore] as const,
  );
  // Split frames by whether they overlap a lint in flight: what the worker costs the drag.
  const during: number[] = [];
  const outside: number[] = [];
  gaps.forEach((gap, i) => {
    const end = frameEnds[i]!;
    const overlaps = timing.windows.some(([s, e]) => end - gap < e && end > s);
    (overlaps ? during : outside).push(gap);
  });
  const fps = (values: number[]) =>
    fmt(
      (values.length * 1000) /
        Math.max(
          1,
          values.reduce((a, b) => a + b, 0),
        ),
    );
  const g = stats(gaps);
  const totalGapMs = gaps.reduce((a, b) => a + b, 0);
  const lt = stats(longTasks);
  const worker = stats(timing.lints.map((l) => l.lintMs));
  const roundTrip = stats(timing.lints.map((l) => l.roundTrip));
  const post = stats(timing.post);
  const apply = stats(timing.apply);
  console.log(
    `\n[${label}] ${DRAGS} drags x ${STEPS} moves in ${dragMs} ms; ${timing.lints.length} lints (${timing.lints[0]?.where ?? '?'})`,
  );
  console.log(
    `  frames: ${fmt((gaps.length * 1000) / Math.max(1, totalGapMs))} fps; rAF gap p50 ${fmt(g.p50)} p95 ${fmt(g.p95)} max ${fmt(g.max)} ms; ` +
      `${gaps.filter((x) => x > 34).length} gaps > 34 ms (a dropped frame), ${gaps.filter((x) => x > 50).length} > 50 ms`,
  );
  console.log(
    `  while a lint was in flight: ${during.length} frames, ${fps(during)} fps, max gap ${fmt(stats(during).max)} ms; ` +
      `otherwise: ${outside.length} frames, ${fps(outside)} fps, max gap ${fmt(stats(outside).max)} ms`,
  );
  console.log(`  long tasks: ${lt.n} (total ${fmt(lt.mean * lt.n)} ms, max ${fmt(lt.max)} ms)`);
  console.log(
    `  worker lint: mean ${fmt(worker.mean)} p95 ${fmt(worker.p95)} max ${fmt(worker.max)} ms; round trip mean ${fmt(roundTrip.mean)} max ${fmt(roundTrip.max)} ms`,
  );
  console.log(
    `  main thread per lint: post (serialise + post the design) mean ${fmt(post.mean)} max ${fmt(post.max)} ms; apply (store + sync renders) mean ${fmt(apply.mean)} max ${fmt(apply.max)} ms`,
  );
}

/** Node centres well inside the canvas, so a drag never starts on the minimap or off-screen. */
async function findTargets(page: Page): Promise<Target[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const canvas = await page.getByTestId('canvas').boundingBox();
    if (canvas) {
      const targets = await page.locator('[data-testid^="rf__node-"]').evaluateAll(
        (els, box) =>
          els
            .map((el) => el.getBoundingClientRect())
            .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width }))
            .filter(
              (p) =>
                p.w > 0 &&
                p.x > box.x + 60 &&
                p.x < box.x + box.width - 240 &&
                p.y > box.y + 60 &&
                p.y < box.y + box.height - 180,
            ),
        canvas,
      );
      if (targets.length > 0) return targets;
    }
    await page.waitForTimeout(500);
  }
  const sample = await page
    .locator('[data-testid^="rf__node-"]')
    .evaluateAll((els) => els.slice(0, 3).map((el) => el.getBoundingClientRect().toJSON() as unknown));
  throw new Error(
    `no node inside the canvas to drag: canvas ${JSON.stringify(await page.getByTestId('canvas').boundingBox())}, nodes ${JSON.stringify(sample)}`,
  );
}

async function main() {
  const design = generateLargeDesign({ services: SERVICES });
  const nodeCount = Object.keys(design.nodes).length;
  const server = await startPreview(DIST, PORT);
  const browser = await launchChromium(['--disable-gpu']).catch((error: unknown) => {
    server.stop();
    throw error;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The big design is the library's current one when the app loads.
    await page.goto(server.base);
    await storeDesign(page, design);
    const loadStart = Date.now();
    await page.reload();
    await page.locator('[data-testid^="rf__node-"]').first().waitFor({ timeout: 60_000 });
    // Live lint starts at boot (main.tsx calls startLiveLint), whatever tab is open.
    await page.getByRole('tab', { name: /findings/i }).click();
    await page.waitForFunction(() => performance.getEntriesByName('signalbox:lint').length > 0, undefined, { timeout: 60_000 });
    const firstLintAfterMs = Date.now() - loadStart;
    const first = await page.evaluate(() => {
      const m = performance.getEntriesByName('signalbox:lint')[0] as PerformanceMeasure;
      return { roundTrip: m.duration, ...(m.detail as { lintMs: number; findings: number }) };
    });
    const rendered = await page.locator('[data-testid^="rf__node-"]').count();
    console.log(
      `design: ${SERVICES} services, ${nodeCount} nodes, ${design.links.length} links; ${rendered} node elements rendered`,
    );
    console.log(
      `first lint: ${fmt(first.lintMs)} ms in the worker (round trip ${fmt(first.roundTrip)} ms), ${first.findings} findings, in store ${firstLintAfterMs} ms after navigation`,
    );

    // Fit-to-view shows 2,000 nodes at 5% zoom (specks). Frame a finding instead, as a user would
    // before dragging: the canvas zooms to it and culls what is off-screen.
    await page.getByTestId('finding').first().click();
    await page.waitForTimeout(1000);
    await page.getByRole('tab', { name: /inspector/i }).click();
    await measureDrags(page, 'Inspector tab open (badges only)');
    await page.getByRole('tab', { name: /findings/i }).click();
    await measureDrags(page, 'Findings tab open (the list shows up to 100 per severity)');
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
