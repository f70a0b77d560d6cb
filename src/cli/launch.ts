// The installed `signalbox` command (packages/cli/dist/cli.cjs): runs the bundle beside it
// (signalbox.cjs) through V8's code cache. Compiling the 0.9 MB bundle, and each function of it a
// command calls, is most of a small command's start-up; with the cache a run takes the compiled
// code from disk instead (Node 22 has module.enableCompileCache for this; Node 20 has vm.Script).
// Node built-ins only: this file is compiled on every run.
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** One cache per command: each holds the code its command compiled (main.ts's COMMAND_NAMES). */
export const CACHED_COMMANDS = ['lint', 'export', 'share', 'open', 'simulate', 'import', 'drift', 'diff'] as const;

export type CacheStatus = 'off' | 'none' | 'used' | 'rejected';

/**
 * Where the code cache lives: SIGNALBOX_COMPILE_CACHE (a folder, or `0` for none), else the
 * user's cache folder ($XDG_CACHE_HOME or ~/.cache, then `signalbox`). Off with
 * NODE_DISABLE_COMPILE_CACHE, as Node's own compile cache.
 */
export function getCacheDirectory(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const setting = env.SIGNALBOX_COMPILE_CACHE;
  if (setting === '0' || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (setting) return setting;
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : '');
  return base ? join(base, 'signalbox') : undefined;
}

/**
 * The cache file for this bundle, Node and command. V8 checks its own version and flags but of
 * the source only its length, so the name holds a hash of the source: a rebuilt bundle never
 * runs another bundle's code.
 */
export function getCacheFile(directory: string, source: string, argv: readonly string[]): string {
  const hash = createHash('sha1').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 20);
  const command = (CACHED_COMMANDS as readonly string[]).includes(argv[0] ?? '') ? argv[0]! : 'other';
  return join(directory, `${hash}-${command}.v8cache`);
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache yet, or unreadable: compile as usual
  }
}

/** A day: caches of other bundles (an older build, another install) written before that are removed. */
export const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Written next to its place and renamed: parallel runs never read half a file. Other bundles'
 * caches a day old go, so rebuilds do not pile up. Errors are ignored (a read-only home).
 */
function writeCache(file: string, serialise: () => Buffer): void {
  try {
    const directory = dirname(file);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // Serialised only once the folder is there and writable: a read-only home costs nothing each run.
    accessSync(directory, constants.W_OK);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialise(), { mode: 0o600 });
    renameSync(temp, file);
    const hash = basename(file).split('-')[0]!;
    for (const name of readdirSync(directory)) {
      if (!name.endsWith('.v8cache') || name.startsWith(`${hash}-`)) continue;
      const other = join(directory, name);
      if (Date.now() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
    }
  } catch {
    // The command has run; a cache that cannot be written only costs the next run its compile.
  }
}

/** Run the CommonJS bundle at `bundle` as this process's program, with the code cache when there is one. */
export function runBundle(bundle: string, argv: readonly string[], env: NodeJS.ProcessEnv): CacheStatus {
  const source = readFileSync(bundle, 'utf8');
  const directory = getCacheDirectory(env, homedir());
  const file = directory === undefined ? undefined : getCacheFile(directory, source, argv);
  const cachedData = readCache(file);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const status: CacheStatus = !file ? 'off' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  // At exit, the cache holds every function the command compiled, not only the top level.
  if (file && status !== 'used') process.once('exit', () => writeCache(file, () => script.createCachedData()));
  if (env.SIGNALBOX_DEBUG_CACHE) process.stderr.write(`signalbox: code cache ${status}${file ? ` (${file})` : ''}\n`);
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return status;
}
