import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHED_COMMANDS, getCacheDirectory, getCacheFile, STALE_MS } from './launch';
import { COMMAND_NAMES } from './main';

const BIN = fileURLToPath(new URL('../../bin/signalbox.mjs', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../core/format/fixtures/format-example.signalbox.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'signalbox-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One run of the command with its code cache in `cache`; the status line the launcher prints on request. */
function run(cache: string, args: string[]) {
  const env = { ...process.env, SIGNALBOX_COMPILE_CACHE: cache, SIGNALBOX_DEBUG_CACHE: '1' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 60000 });
  const status = /code cache (\w+)/.exec(result.stderr)?.[1];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, status };
}

describe('the code cache', () => {
  it('is written by the first run of a command and used by the next, with the same output', () => {
    const cache = join(dir, 'first');
    const first = run(cache, ['lint', EXAMPLE]);
    expect(first.status).toBe('none');
    expect(readdirSync(cache).filter((f) => f.endsWith('-lint.v8cache'))).toHaveLength(1);
    const second = run(cache, ['lint', EXAMPLE]);
    expect(second.status).toBe('used');
    expect([second.code, second.stdout]).toEqual([first.code, first.stdout]);
    expect(second.stdout).toMatch(/summary: \d+ errors/);
    // Another command has its own cache: it compiles other functions.
    expect(run(cache, ['export', EXAMPLE, '--to', 'mermaid']).status).toBe('none');
    expect(run(cache, ['--version']).status).toBe('none');
    expect(readdirSync(cache).sort()).toEqual([
      expect.stringMatching(/-export\.v8cache$/),
      expect.stringMatching(/-lint\.v8cache$/),
      expect.stringMatching(/-other\.v8cache$/),
    ]);
  });

  it('is refused by V8 when damaged: the command runs as usual and the cache is written again', () => {
    const cache = join(dir, 'damaged');
    const clean = run(cache, ['lint', EXAMPLE]);
    const [file] = readdirSync(cache);
    const bytes = readFileSync(join(cache, file!));
    bytes.fill(7, 0, 64);
    writeFileSync(join(cache, file!), bytes);
    const damaged = run(cache, ['lint', EXAMPLE]);
    expect(damaged.status).toBe('rejected');
    expect([damaged.code, damaged.stdout]).toEqual([clean.code, clean.stdout]);
    expect(run(cache, ['lint', EXAMPLE]).status).toBe('used');
  });

  it('never stands in the way: off with 0, and an unwritable folder only costs the compile', () => {
    const off = run('0', ['--version']);
    expect([off.status, off.code, off.stdout]).toEqual(['off', 0, '0.1.0\n']);
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder would be');
    const first = run(join(blocked, 'cache'), ['lint', EXAMPLE]);
    const second = run(join(blocked, 'cache'), ['lint', EXAMPLE]);
    expect([first.status, second.status]).toEqual(['none', 'none']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).not.toMatch(/Error|EEXIST|ENOTDIR/);
  });

  it('clears other bundles’ caches a day old when it writes its own, and keeps newer ones', () => {
    const cache = join(dir, 'pruned');
    mkdirSync(cache);
    const old = join(cache, `${'a'.repeat(20)}-lint.v8cache`);
    const recent = join(cache, `${'b'.repeat(20)}-lint.v8cache`);
    const notOurs = join(cache, 'notes.txt');
    for (const path of [old, recent, notOurs]) writeFileSync(path, 'x');
    const longAgo = new Date(Date.now() - STALE_MS - 60_000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(notOurs, longAgo, longAgo);
    run(cache, ['--version']);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('lives in the user’s cache folder, or where SIGNALBOX_COMPILE_CACHE says', () => {
    expect(getCacheDirectory({}, '/home/ada')).toBe('/home/ada/.cache/signalbox');
    expect(getCacheDirectory({ XDG_CACHE_HOME: '/var/cache/ada' }, '/home/ada')).toBe('/var/cache/ada/signalbox');
    expect(getCacheDirectory({ SIGNALBOX_COMPILE_CACHE: '/tmp/sb' }, '/home/ada')).toBe('/tmp/sb');
    expect(getCacheDirectory({ SIGNALBOX_COMPILE_CACHE: '0' }, '/home/ada')).toBeUndefined();
    expect(getCacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1' }, '/home/ada')).toBeUndefined();
    expect(getCacheDirectory({}, '')).toBeUndefined();
  });

  it('is named by the bundle’s whole text and the command: a rebuilt bundle of the same length never runs old code', () => {
    const a = getCacheFile('/c', 'console.log(1)', ['lint', 'x.yaml']);
    expect(getCacheFile('/c', 'console.log(2)', ['lint', 'x.yaml'])).not.toBe(a);
    expect(getCacheFile('/c', 'console.log(1)', ['lint', 'y.yaml'])).toBe(a);
    expect(a).toMatch(/^\/c\/[0-9a-f]{20}-lint\.v8cache$/);
    expect(getCacheFile('/c', 'x', ['--version'])).toMatch(/-other\.v8cache$/);
    expect(getCacheFile('/c', 'x', ['../../etc/passwd'])).toMatch(/^\/c\/[0-9a-f]{20}-other\.v8cache$/);
  });

  it('has one cache per command main.ts dispatches', () => {
    expect([...CACHED_COMMANDS].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
