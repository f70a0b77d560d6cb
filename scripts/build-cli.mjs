// Bundles src/cli (and the core it imports, yaml, zod, fflate, js-yaml) into one ES module with no
// runtime dependencies: packages/cli/dist/signalbox.mjs. `packages/cli` is what `npm pack` ships.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'packages/cli');
export const BUNDLE = join(PACKAGE, 'dist/signalbox.mjs');
// Outside `files` in packages/cli/package.json: never shipped, only read by isCliFresh.
const INPUTS = join(PACKAGE, 'dist/inputs.json');

/** Build the bundle; written to a temporary name and renamed, so a parallel reader never sees half a file. */
export async function buildCli() {
  // Loaded here, not at the top: bin/signalbox.mjs imports this file on every run and only a
  // stale bundle needs esbuild.
  const { build } = await import('esbuild');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const temp = `${BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/bin.ts'],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // yaml ships CommonJS that requires node built-ins; an ES module has no `require` of its own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __signalboxRequire } from 'node:module';\nconst require = __signalboxRequire(import.meta.url);",
    },
  });
  renameSync(temp, BUNDLE);
  const schema = join(ROOT, 'schema/signalbox.schema.json');
  copyFileSync(schema, `${join(PACKAGE, 'signalbox.schema.json')}.${process.pid}.tmp`);
  renameSync(`${join(PACKAGE, 'signalbox.schema.json')}.${process.pid}.tmp`, join(PACKAGE, 'signalbox.schema.json'));
  const inputs = [...Object.keys(result.metafile.inputs), 'schema/signalbox.schema.json', 'packages/cli/package.json'];
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  return BUNDLE;
}

/** True when the bundle is newer than every file it was built from. */
export function isCliFresh() {
  let built;
  let inputs;
  try {
    built = statSync(BUNDLE).mtimeMs;
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
  const kb = Math.round(statSync(BUNDLE).size / 1024);
  console.error(`built ${BUNDLE.slice(ROOT.length + 1)} (${kb} kB) in ${Math.round(performance.now() - started)} ms`);
}
