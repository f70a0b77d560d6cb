/**
 * Fresh processes timed side by side (bench/cli.ts, bench/open.ts): each round runs every
 * contender once, so a burst of load hits them alike; wall clock, and CPU time (user + system)
 * when /usr/bin/time can tell. The signalbox code cache lives in a folder of the run's own, one
 * per contender (V8 refuses a cache made under other flags, so contenders that differ only in
 * Node's flags must not share one), warmed by one untimed run of each contender.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessTime {
  wall: number;
  cpu?: number;
}

/** A name, Node's arguments, and the environment (the run's code cache when left out). */
export type Contender = [name: string, args: string[], env?: NodeJS.ProcessEnv];

/** For a contender that runs signalbox without its code cache. */
export const UNCACHED = { ...process.env, SIGNALBOX_COMPILE_CACHE: '0' };

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

function runProcess(args: string[], env: NodeJS.ProcessEnv): ProcessTime {
  const start = performance.now();
  const options = { encoding: 'utf8' as const, maxBuffer: 1 << 28, env };
  const run = hasTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...args], options)
    : spawnSync(process.execPath, args, options);
  const wall = performance.now() - start;
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr ?? '');
  return m ? { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000 } : { wall };
}

const mid = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Every contender `roundCount` times, interleaved; medians by name. */
export function measureProcesses(contenders: readonly Contender[], roundCount: number) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'signalbox-bench-cache-'));
  const envOf = (name: string, env: NodeJS.ProcessEnv | undefined) =>
    env ?? { ...process.env, SIGNALBOX_COMPILE_CACHE: join(cacheDir, encodeURIComponent(name)) };
  for (const [name, args, env] of contenders) runProcess(args, envOf(name, env));
  const rounds = new Map<string, ProcessTime[]>(contenders.map(([name]) => [name, []]));
  for (let round = 0; round < roundCount; round++)
    for (const [name, args, env] of contenders) rounds.get(name)!.push(runProcess(args, envOf(name, env)));
  rmSync(cacheDir, { recursive: true, force: true });
  const wallOf = (name: string) => mid(rounds.get(name)!.map((r) => r.wall));
  const cpuOf = (name: string) => {
    const cpus = rounds.get(name)!.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
    return cpus.length > 0 ? mid(cpus) : undefined;
  };
  return { rounds, wallOf, cpuOf };
}
