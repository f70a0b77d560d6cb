#!/usr/bin/env node
// The signalbox command: runs the TypeScript CLI through tsx, so the CLI and the app share one core.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
const { createProcessIo } = await import(fileURLToPath(new URL('../src/cli/io.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2), createProcessIo());
