/**
 * CLI start-up: a bare `node -e 0` against `signalbox --version` and `signalbox lint` of a small
 * design from the built bundle (what the package installs), and the install size of the packed
 * tarball. The target (issue 16): lint of a small design in at most 4x `node -e 0`.
 * Processes run in interleaved rounds, timed by wall clock and by CPU time (steadier on a shared
 * machine); `--baseline BUNDLE` adds another build's lint to the same rounds.
 * Run: npx tsx bench/cli.ts [--baseline path/to/cli.cjs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureProcesses, UNCACHED, type Contender } from './processes';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'packages/cli/dist/cli.cjs');
const EXAMPLE = join(ROOT, 'src/core/format/fixtures/format-example.signalbox.yaml');
const RUNS = 15;

spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });

// Interleaved rounds: each round runs every contender once, so a burst of load hits them alike.
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt >= 0 ? process.argv[baselineAt + 1] : undefined;
const contenders: Contender[] = [
  ['node -e 0', ['-e', '0']],
  ['signalbox --version (bundle)', [BUNDLE, '--version']],
  ['signalbox lint, format.md example (bundle)', [BUNDLE, 'lint', EXAMPLE, '--fail-on', 'never']],
  ['signalbox lint, no code cache', [BUNDLE, 'lint', EXAMPLE, '--fail-on', 'never'], UNCACHED],
  ['bin/signalbox.mjs lint (repo: freshness check)', [join(ROOT, 'bin/signalbox.mjs'), 'lint', EXAMPLE, '--fail-on', 'never']],
  ...(baseline ? [['baseline lint, format.md example', [baseline, 'lint', EXAMPLE, '--fail-on', 'never']] as Contender] : []),
];
const { wallOf, cpuOf } = measureProcesses(contenders, RUNS);

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

const bare = wallOf('node -e 0');
const bareCpu = cpuOf('node -e 0');
console.log(`CLI start-up, median of ${RUNS} interleaved rounds (wall clock; CPU time, user + system):`);
for (const [name] of contenders) {
  const cpu = cpuOf(name);
  console.log(
    `  ${name.padEnd(46)} wall ${`${Math.round(wallOf(name))} ms`.padStart(7)} ${`${(wallOf(name) / bare).toFixed(2)}x`.padStart(6)}` +
      (cpu === undefined || !bareCpu
        ? ''
        : `   cpu ${`${Math.round(cpu)} ms`.padStart(7)} ${`${(cpu / bareCpu).toFixed(2)}x`.padStart(6)}`) +
      ' node -e 0',
  );
}
console.log(
  `package: tarball ${(size / 1024).toFixed(0)} kB, installed ${(installed / 1024 / 1024).toFixed(2)} MB (limit 10 MB)`,
);
