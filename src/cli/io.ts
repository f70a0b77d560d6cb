// Synchronous fs only: node:fs/promises and node:tty cost a command about 10 ms of Node's own
// modules to load (streams, net, readline), and every command reads or writes a file or two.
import { fstatSync, mkdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { readDesign, formatIssue, type ReadOptions } from '../core/format/read';
import type { Design } from '../core/model/types';
import type { Document } from 'yaml';
import type { SubsetLines } from '../core/format/yamlSubset';

/** What a command may touch: output streams and files. Tests pass their own. */
export interface CliIo {
  /** Text, or text already encoded as UTF-8 (read before it returns: the caller may reuse the bytes). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  readText: (path: string) => Promise<string>;
  writeText: (path: string, text: string) => Promise<void>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `data` to `fd` before returning. Standard output may be a non-blocking pipe (a
 * parent's, or one an ES module entry or Node's own stream has touched): a full pipe (a slow
 * reader) answers EAGAIN, and the write waits, a little longer each time, for the reader. False
 * when the reader has gone (EPIPE: `signalbox lint big | head`).
 */
export function writeFully(fd: number, data: Uint8Array, write = writeSync): boolean {
  let offset = 0;
  let wait = 0.05;
  while (offset < data.length) {
    try {
      offset += write(fd, data, offset, data.length - offset);
      wait = 0.05;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, wait);
      wait = Math.min(2 * wait, 20);
    }
  }
  return true;
}

/**
 * Is standard output a terminal? Only a character device can be one (a pipe, a socket or a file
 * never is), and only then is Node's stream, which loads the terminal code, asked.
 */
function isStdoutTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice() && process.stdout.isTTY;
  } catch {
    return false; // closed: writing to it reports the error
  }
}

/**
 * Standard output, into a pipe or a file, written synchronously: the bytes are gone when `stdout`
 * returns, so a 6 MB report goes out in 64 kB pieces through one buffer instead of being held
 * whole (and flushed after the command ends). Once the reader has gone, the rest is dropped,
 * quietly, as `head` expects. A terminal keeps Node's own stream, which knows its console.
 */
function createStdout(): (text: string | Uint8Array) => void {
  if (isStdoutTerminal()) return (text) => void process.stdout.write(typeof text === 'string' ? text : Buffer.from(text));
  let open = true;
  return (text) => {
    if (open) open = writeFully(1, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  };
}

export function createProcessIo(): CliIo {
  return {
    stdout: createStdout(),
    stderr: (text) => void process.stderr.write(text),
    // Read at once, not through the event loop: a command reads its one file before anything
    // else. Read whole and then decoded: on Node 20 that is about 40% sooner than
    // readFileSync(path, 'utf8') on a 5 MB file (bench/open.ts), with the same text.
    readText: async (path) => (path === '-' ? readStdin() : readFileSync(path).toString('utf8')),
    writeText: async (path, text) => {
      makeParents(resolve(path));
      writeFileSync(path, text, 'utf8');
    },
  };
}

/**
 * Create the missing folders above `path` one level at a time. Node's `mkdir({ recursive: true })`
 * spins forever under /proc (`--out /proc/x/y` hung the command): each level is made on its own,
 * so the first that cannot be made fails with its own error.
 */
function makeParents(path: string): void {
  const missing: string[] = [];
  let dir = dirname(path);
  for (;;) {
    const info = statSync(dir, { throwIfNoEntry: false });
    if (info) {
      if (!info.isDirectory()) throw new Error(`${dir} is not a folder`);
      break;
    }
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

export interface LoadedDesign {
  design: Design;
  text: string;
  doc?: Document;
  /** Where the reader found each node and link, when it noted them (core/format's ReadResult). */
  entryLines?: SubsetLines;
}

/**
 * Read and validate FILE; on failure print every error with path and line:column on standard
 * error and return undefined (the command then exits 2). Warnings go to standard error too.
 */
export async function loadDesign(
  file: string | undefined,
  io: CliIo,
  options: ReadOptions = {},
): Promise<LoadedDesign | undefined> {
  if (!file) {
    io.stderr('signalbox: missing FILE (a .signalbox.yaml or .json file, or - for standard input)\n');
    return undefined;
  }
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.stderr(
      `signalbox: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}\n`,
    );
    return undefined;
  }
  const name = file === '-' ? '<stdin>' : file;
  const result = readDesign(text, file === '-' ? undefined : file, options);
  for (const issue of result.issues) io.stderr(`${formatIssue(issue, name)}\n`);
  if (!result.design) return undefined;
  const design = result.design;
  // A getter: the Document is built only by a command that needs it (export --to yaml).
  return {
    design,
    text,
    entryLines: result.entryLines,
    get doc() {
      return result.doc;
    },
  };
}

/** A tiny flag parser: `--to x`, `--to=x`, boolean flags, positionals. Unknown flags are errors. */
export function parseFlags(
  args: string[],
  spec: { values: readonly string[]; booleans?: readonly string[] },
): { flags: Record<string, string | true>; positionals: string[]; error?: string } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (spec.booleans?.includes(key)) flags[key] = true;
      else if (spec.values.includes(key)) {
        const value = inline ?? args[++i];
        if (value === undefined) return { flags, positionals, error: `--${key} needs a value` };
        flags[key] = value;
      } else return { flags, positionals, error: `unknown option --${key}` };
    } else positionals.push(arg);
  }
  return { flags, positionals };
}
