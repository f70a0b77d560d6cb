// The entry of the installed command, packages/cli/dist/cli.cjs (scripts/build-cli.mjs
// builds it): the bundle beside it, run through the code cache (launch.ts).
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { holdYoungGeneration } from './heap';
import { runBundle } from './launch';

// Before the bundle is compiled: V8 keys a code cache to its flags, so a flag set later would make
// each run's cache one the next run refuses. Every way of running the command comes through here.
holdYoungGeneration();
runBundle(fileURLToPath(new URL('./signalbox.cjs', import.meta.url)), process.argv.slice(2), process.env);
