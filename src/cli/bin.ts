// The entry point of the built `signalbox` command (scripts/build-cli.mjs bundles from here).
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { createProcessIo } from './io';
import { main } from './main';

/** The version is the package's own, read at run time so `npm version` needs no rebuild. */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main(process.argv.slice(2), createProcessIo(), packageVersion()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`signalbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
