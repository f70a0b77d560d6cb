/**
 * Opening a 5 MB design in the built app, as a person does it: Open file in the top bar, pick the
 * file (from disk). Prints, from the file being handed over, timed in the page by animation frame:
 * the design in the store (its name in the title field), the first node in the page and that
 * frame painted, and the Findings badge showing the design's findings (the lint worker's answer).
 * `--compare DIR` opens another build (the one before a change) in the same runs, taking turns.
 * With `--profile`, a CPU profile of the page over the open, summarised by function
 * (`--profile-out FILE` keeps it for DevTools); `--trace FILE` writes a Chromium trace (style,
 * layout, paint, GC, the app's User Timing). The target (issue 16): <= 1.5 s. Not a timed test.
 *
 * Run: npx vite build && npx tsx bench/open-browser.ts [--dist dist] [--compare DIR] [--port 4197] [--mb 5] [--runs 3]
 *      [--profile [--profile-out FILE]] [--trace FILE]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { arg, launchChromium, startPreview } from './browser';
import { generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { readDesign } from '../src/core/format/read';
import { lintDesign, summarizeFindings } from '../src/core/rules/engine';

const DIST = arg('dist', 'dist');
const PORT = Number(arg('port', '4197'));
const MB = Number(arg('mb', '5'));
const RUNS = Number(arg('runs', '3'));
const PROFILE = process.argv.includes('--profile');
/** A Chromium trace of the last run (style, layout, paint, GC, scripts, the app's User Timing), for DevTools. */
const TRACE = arg('trace', '');
/** Where to write the raw CPU profile (`.cpuprofile`, opens in DevTools), with --profile. */
const PROFILE_OUT = arg('profile-out', '');
/** Another build (the one before a change) opened in turn with DIST in the same runs, on PORT + 1. */
const COMPARE = arg('compare', '');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time by function, the top `limit`. */
function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, limit = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
}

/**
 * Watches the page from the moment the file is handed over, by animation frame: the frame the
 * design's name is in the title field (the design is in the store), the frame its first node is
 * in the DOM and when that frame has been painted (a message posted from the frame's callback is
 * handled after its rendering), and the frame the Findings badge shows the lint's count. A string,
 * not a function: tsx's keepNames would wrap inner functions in a `__name` helper the page lacks.
 */
const WATCH = (name: string, badgeTitle: string) => `(() => {
  const t0 = performance.now();
  performance.mark('bench:picked');
  const times = {};
  window.__openTimes = times;
  const since = (t) => Math.round(t - t0);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { times.painted = since(performance.now()); };
  const tick = () => {
    // Not the callback's timestamp: that is when the frame began, before a long task held it up.
    const now = performance.now();
    if (times.store === undefined && [...document.querySelectorAll('input')].some((i) => i.value === ${JSON.stringify(name)}))
      times.store = since(now);
    if (times.drawn === undefined && [...document.querySelectorAll('.react-flow__node')].some((n) => /^(svc|client)\\d+$/.test(n.getAttribute('data-id') ?? ''))) {
      times.drawn = since(now);
      channel.port2.postMessage(0);
    }
    if (times.linted === undefined && document.querySelector('[title^=' + JSON.stringify(${JSON.stringify(badgeTitle)}) + ']'))
      times.linted = since(now);
    if (times.store === undefined || times.painted === undefined || times.linted === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

interface OpenTimes {
  store: number;
  drawn: number;
  painted: number;
  linted: number;
}

async function main(): Promise<void> {
  let services = Math.round((MB * 1024 * 1024) / 700);
  let yaml = generateLargeDesignYaml({ services });
  services = Math.round((services * MB * 1024 * 1024) / yaml.length);
  yaml = generateLargeDesignYaml({ services });
  const design = readDesign(yaml, 'big.signalbox.yaml').design!;
  const summary = summarizeFindings(lintDesign(design));
  const badgeTitle = `${summary.error} errors`;
  // A file on disk, as a person picks one: handed over as a buffer, Playwright would build the
  // File in the page from base64 (seconds of the page's main thread that a person never pays).
  const file = join(mkdtempSync(join(tmpdir(), 'signalbox-open-')), 'big.signalbox.yaml');
  writeFileSync(file, yaml);
  const builds = [{ label: DIST, server: await startPreview(DIST, PORT) }];
  if (COMPARE) builds.push({ label: COMPARE, server: await startPreview(COMPARE, PORT + 1) });
  const rows: string[] = [];
  const results = new Map<string, OpenTimes[]>(builds.map((b) => [b.label, []]));
  try {
    const browser = await launchChromium();
    for (let run = 0; run < RUNS; run++) {
      // Side by side: the builds take turns, and which goes first alternates run by run.
      const order = run % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const last = run === RUNS - 1 && build === builds[0];
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.goto(build.server.base);
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.getByRole('textbox', { name: 'Design name' }).waitFor();
        const cdp = PROFILE && last ? await page.context().newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const tracing = TRACE !== '' && last;
        if (tracing)
          await browser.startTracing(page, {
            path: TRACE,
            categories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'blink.user_timing',
              'v8.execute',
              'toplevel',
            ],
          });
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Open file', exact: true }).click();
        const picked = await chooser;
        await page.evaluate(WATCH(design.name, badgeTitle));
        await picked.setFiles(file);
        const handle = await page.waitForFunction(
          () => {
            const t = (window as unknown as { __openTimes: Partial<OpenTimes> }).__openTimes;
            return t.store !== undefined && t.painted !== undefined && t.linted !== undefined ? t : undefined;
          },
          undefined,
          { timeout: 900_000, polling: 250 },
        );
        const times = (await handle.jsonValue()) as OpenTimes;
        results.get(build.label)!.push(times);
        rows.push(
          `  run ${run + 1} ${build.label}: design in the store ${times.store} ms, first node in the page ${times.drawn} ms, painted ${times.painted} ms, findings badge ${times.linted} ms`,
        );
        if (tracing) await browser.stopTracing();
        if (cdp) {
          const { profile } = await cdp.send('Profiler.stop');
          if (PROFILE_OUT) writeFileSync(PROFILE_OUT, JSON.stringify(profile));
          rows.push(
            `  main thread, self time over the last run of ${build.label}:`,
            ...summarise(profile as unknown as Parameters<typeof summarise>[0]),
          );
        }
        await page.close();
      }
    }
    await browser.close();
  } finally {
    for (const build of builds) build.server.stop();
    rmSync(dirname(file), { recursive: true, force: true });
  }
  console.log(
    `open a ${(yaml.length / 1024 / 1024).toFixed(1)} MB design in the app (${Object.keys(design.nodes).length} nodes, ${design.links.length} links; target <= 1.5 s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end:`,
  );
  for (const row of rows) console.log(row);
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  for (const [label, times] of results)
    console.log(
      `  median ${label}: in the store ${median(times.map((t) => t.store))} ms, painted ${median(times.map((t) => t.painted))} ms, findings ${median(times.map((t) => t.linted))} ms`,
    );
}

await main();
