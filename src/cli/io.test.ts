import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, type writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLargeDesignYaml } from '../core/fixtures/generate';
import { writeFully } from './io';

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A write function that answers from `script` in turn (a number: write at most that many bytes), recording the bytes it took. */
function scripted(script: (number | string)[]) {
  const taken: number[] = [];
  const write = (_fd: number, data: Uint8Array, offset: number, length: number): number => {
    const step = script.shift() ?? length;
    if (typeof step === 'string') throw failure(step);
    const n = Math.min(step, length);
    taken.push(...data.subarray(offset, offset + n));
    return n;
  };
  return { write: write as unknown as typeof writeSync, taken };
}

describe('writeFully', () => {
  const data = Uint8Array.from({ length: 100 }, (_, i) => i);

  it('writes every byte in order through short writes and a full pipe (EAGAIN)', () => {
    const { write, taken } = scripted([10, 'EAGAIN', 'EAGAIN', 1, 'EAGAIN', 50]);
    expect(writeFully(1, data, write)).toBe(true);
    expect(taken).toEqual([...data]);
  });

  it('stops, false, once the reader has gone (EPIPE), and throws any other error', () => {
    const gone = scripted([10, 'EPIPE']);
    expect(writeFully(1, data, gone.write)).toBe(false);
    expect(gone.taken).toEqual([...data.subarray(0, 10)]);
    expect(() => writeFully(1, data, scripted(['EBADF']).write)).toThrow('EBADF');
  });
});

const BIN = fileURLToPath(new URL('../../bin/signalbox.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'signalbox-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// About 1 MB of findings: far more than a pipe holds (64 kB), so the command waits on its reader.
const big = join(dir, 'big.signalbox.yaml');
writeFileSync(big, generateLargeDesignYaml({ services: 800 }));

/** `signalbox lint big` with its standard output read by `read`; the exit code, standard error and what was read. */
function lintInto(read: (stdout: NodeJS.ReadableStream, done: () => void) => void) {
  return new Promise<{ code: number | null; stderr: string; bytes: number }>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'lint', big, '--fail-on', 'never'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let bytes = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    read(child.stdout, () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr, bytes }));
  });
}

describe('standard output of a command (a pipe)', { timeout: 120_000 }, () => {
  it('a slow reader gets every byte, in order', async () => {
    const whole = await lintInto(() => {});
    const slow = await lintInto((stdout) => {
      stdout.pause();
      setTimeout(() => stdout.resume(), 1500);
    });
    expect(whole.bytes).toBeGreaterThan(500_000);
    expect(slow).toEqual(whole);
  });

  it('a reader that goes away after the first lines (`| head`) ends the command quietly, with its exit code', async () => {
    const head = await lintInto((stdout, done) => stdout.once('data', done));
    expect(head.stderr).toBe('');
    expect(head.code).toBe(0);
  });
});
