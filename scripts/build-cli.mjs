// Bundles src/cli (and the core it imports, yaml, zod, fflate, js-yaml) into one CommonJS file with
// no runtime dependencies, packages/cli/dist/signalbox.cjs, and builds the command that runs it
// through V8's code cache (src/cli/launch.ts), packages/cli/dist/cli.cjs. `packages/cli` is
// what `npm pack` ships.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'packages/cli');
/** The command: a few lines that run the bundle with the code cache. */
export const BUNDLE = join(PACKAGE, 'dist/cli.cjs');
/** The program itself. */
export const PROGRAM = join(PACKAGE, 'dist/signalbox.cjs');
// Outside `files` in packages/cli/package.json: never shipped, only read by isCliFresh.
const INPUTS = join(PACKAGE, 'dist/inputs.json');

/** Build both files; each written to a temporary name and renamed, so a parallel reader never sees half a file. */
export async function buildCli() {
  // Loaded here, not at the top: bin/signalbox.mjs imports this file on every run and only a
  // stale bundle needs esbuild.
  const { build } = await import('esbuild');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  /** A plugin that resolves `filter` to `path` when the importer matches `importer`. */
  const instead = (name, filter, importer, path) => ({
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: join(ROOT, path) } : undefined));
    },
  });
  // zod re-exports all of its locales through one index; the bundle takes English alone.
  const englishOnly = instead(
    'zod-english-only',
    /[\\/]locales[\\/]index\.js$/,
    /[\\/]node_modules[\\/]zod[\\/]/,
    'scripts/zod-locales.mjs',
  );
  // Validation asks zod only about a design its fast check steps aside for: the program loads zod
  // then (src/cli/lazyZodParse.ts), not as it starts.
  const lazyZod = instead(
    'zod-on-first-use',
    /^\.\/zodParse$/,
    /[\\/]src[\\/]core[\\/]model[\\/]validate\.ts$/,
    'src/cli/lazyZodParse.ts',
  );
  // Both files are CommonJS: vm.Script, which takes a code cache on Node 20, runs scripts, not
  // modules; and an ES module entry costs Node its module loader and a facade for each built-in it
  // imports (about 10 ms a run), and leaves a piped standard output non-blocking.
  const moduleUrl = "var __signalboxModuleUrl = require('node:url').pathToFileURL(__filename).href;";
  const common = {
    absWorkingDir: ROOT,
    plugins: [englishOnly, lazyZod],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define: { 'import.meta.url': '__signalboxModuleUrl' },
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
  const programTemp = `${PROGRAM}.${process.pid}.tmp`;
  const program = await build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: programTemp,
    banner: { js: moduleUrl },
  });
  const launcherTemp = `${BUNDLE}.${process.pid}.tmp`;
  const launcher = await build({
    ...common,
    entryPoints: ['src/cli/launchBin.ts'],
    outfile: launcherTemp,
    banner: { js: `#!/usr/bin/env node\n${moduleUrl}` },
  });
  renameSync(programTemp, PROGRAM);
  renameSync(launcherTemp, BUNDLE);
  const schema = join(ROOT, 'schema/signalbox.schema.json');
  copyFileSync(schema, `${join(PACKAGE, 'signalbox.schema.json')}.${process.pid}.tmp`);
  renameSync(`${join(PACKAGE, 'signalbox.schema.json')}.${process.pid}.tmp`, join(PACKAGE, 'signalbox.schema.json'));
  const inputs = [
    ...new Set([...Object.keys(program.metafile.inputs), ...Object.keys(launcher.metafile.inputs)]),
    'schema/signalbox.schema.json',
    'packages/cli/package.json',
  ];
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  return BUNDLE;
}

/** True when the bundle is newer than every file it was built from. */
export function isCliFresh() {
  let built;
  let inputs;
  try {
    built = Math.min(statSync(BUNDLE).mtimeMs, statSync(PROGRAM).mtimeMs);
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  for (const input of [...inputs, 'scripts/build-cli.mjs']) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs > built) return false;
    } catch {
      return false; // an input was deleted or renamed: rebuild
    }
  }
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildCli();
  const kb = Math.round(statSync(PROGRAM).size / 1024);
  console.error(
    `built ${PROGRAM.slice(ROOT.length + 1)} (${kb} kB) and its launcher in ${Math.round(performance.now() - started)} ms`,
  );
}
