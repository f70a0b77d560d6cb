// The entry of the installed command, packages/cli/dist/cli.cjs (scripts/build-cli.mjs
// builds it): the bundle beside it, run through the code cache (launch.ts).
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { runBundle } from './launch';

runBundle(fileURLToPath(new URL('./signalbox.cjs', import.meta.url)), process.argv.slice(2), process.env);
