/**
 * What the browser benchmarks share: the built app served by `vite preview`, Debian's Chromium
 * (RECIPES.md: Playwright cannot download its own), a big design put in the app's library, and
 * a frame recorder (requestAnimationFrame gaps plus a `longtask` observer). Headless figures are
 * relative, not absolute.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Design } from '../src/core/model/types';

/** The value after `--name` on the command line (`--dist DIR`, `--port N`), or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export interface PreviewServer {
  base: string;
  stop: () => void;
}

/** Serve a build on 127.0.0.1 and wait until it answers. */
export async function startPreview(dist: string, port: number): Promise<PreviewServer> {
  const base = `http://127.0.0.1:${port}/`;
  // Its own process group: npx starts vite as a child, and stop() must end both.
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid);
  };
  try {
    await waitForServer(base);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Debian's Chromium, headless; `extraArgs` after the flags every run needs. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', ...extraArgs],
  });
}

/**
 * Make `design` the current design of the app's library (src/state/library.ts keys
 * `signalbox:library` and `signalbox:design:<id>`): the app boots it, no test hook needed.
 * The page must be on the app's origin; reload it afterwards.
 */
export async function storeDesign(page: Page, design: Design): Promise<void> {
  const index = { designs: [{ id: 'bench', name: design.name, createdAt: 0, updatedAt: 0 }], currentId: 'bench' };
  await page.evaluate(
    ({ text, indexText }) => {
      localStorage.clear();
      localStorage.setItem('signalbox:design:bench', text);
      localStorage.setItem('signalbox:library', indexText);
    },
    { text: JSON.stringify(design), indexText: JSON.stringify(index) },
  );
}

export interface FrameRecording {
  /** performance.now() when recording started. */
  start: number;
  /** The timestamp of every animation frame while recording. */
  frames: number[];
  /** The duration of every long task while recording. */
  longTasks: number[];
}

/** Record animation frames and long tasks in the page until stopFrameRecording. */
export async function startFrameRecording(page: Page): Promise<void> {
  // A string, not a function: tsx's keepNames would wrap inner functions in a `__name` helper
  // the page does not have.
  await page.evaluate(`(() => {
    const rec = { start: performance.now(), frames: [], longTasks: [], running: true };
    window.__frameRecording = rec;
    const tick = (now) => {
      if (!rec.running) return;
      rec.frames.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (rec.running) rec.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  })()`);
}

export async function stopFrameRecording(page: Page): Promise<FrameRecording> {
  return (await page.evaluate(`(() => {
    const rec = window.__frameRecording;
    rec.running = false;
    return { start: rec.start, frames: rec.frames, longTasks: rec.longTasks };
  })()`)) as FrameRecording;
}
