/**
 * CLI start-up: a bare `node -e 0` against `signalbox --version` and `signalbox lint` of a small
 * design from the built bundle (what the package installs), and the install size of the packed
 * tarball. The target (issue 16): lint of a small design in at most 4x `node -e 0`.
 * Run: npx tsx bench/cli.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'packages/cli/dist/signalbox.mjs');
const EXAMPLE = join(ROOT, 'src/core/format/fixtures/format-example.signalbox.yaml');
const RUNS = 15;

spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[times.length >> 1]!;
}

// Interleaved rounds would be fairer on a busy machine; medians of 15 are steady enough here.
const bare = median(['-e', '0']);
const version = median([BUNDLE, '--version']);
const lint = median([BUNDLE, 'lint', EXAMPLE, '--fail-on', 'never']);
const repoBin = median([join(ROOT, 'bin/signalbox.mjs'), 'lint', EXAMPLE, '--fail-on', 'never']);

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}
const dir = mkdtempSync(join(tmpdir(), 'signalbox-bench-cli-'));
const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], {
  cwd: join(ROOT, 'packages/cli'),
  encoding: 'utf8',
});
const [{ filename, size }] = JSON.parse(packed.stdout) as [{ filename: string; size: number }];
writeFileSync(join(dir, 'package.json'), '{"private": true}');
spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, filename)], { cwd: dir, encoding: 'utf8' });
const installed = sizeOf(join(dir, 'node_modules'));
rmSync(dir, { recursive: true, force: true });

const row = (what: string, ms: number) =>
  `  ${what.padEnd(46)} ${`${Math.round(ms)} ms`.padStart(7)}   ${(ms / bare).toFixed(2)}x node -e 0`;
console.log(`CLI start-up, median of ${RUNS} processes:`);
console.log(row('node -e 0', bare));
console.log(row('signalbox --version (bundle)', version));
console.log(row('signalbox lint, format.md example (bundle)', lint));
console.log(row('bin/signalbox.mjs lint (repo: freshness check)', repoBin));
console.log(
  `package: tarball ${(size / 1024).toFixed(0)} kB, installed ${(installed / 1024 / 1024).toFixed(2)} MB (limit 10 MB)`,
);
