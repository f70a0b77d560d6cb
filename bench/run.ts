/**
 * Every benchmark, one after the other, each printing its own figures (not timed tests).
 * `npm run bench` runs the Node ones; `npm run bench -- --browser` adds the Chromium ones
 * (they need a build: `npx vite build` first).
 */
import { spawnSync } from 'node:child_process';

const NODE_BENCHES = [
  'bench/cli.ts',
  'bench/open.ts',
  'bench/lint.ts',
  'bench/export.ts',
  'bench/markdown.ts',
  'bench/share.ts',
  'bench/simulate.ts',
  'bench/import.ts',
  'bench/diff.ts',
  'bench/textSync.ts',
  'bench/scale.ts',
  'bench/placement.ts',
  'bench/fuzz.ts',
];
const BROWSER_BENCHES = [
  'bench/bundle.ts',
  'bench/canvas.ts',
  'bench/lint-browser.ts',
  'bench/import-browser.ts',
  'bench/whatif-browser.ts',
];

const withBrowser = process.argv.includes('--browser');
let failed = 0;
for (const script of [...NODE_BENCHES, ...(withBrowser ? BROWSER_BENCHES : [])]) {
  console.log(`\n=== ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
