// The CLI build's stand-in for core/model/zodParse.ts (scripts/build-cli.mjs puts it in
// validation's place): the schema and zod are loaded and built on the first design the fast
// check (core/model/fastParse.ts) steps aside for, not on every run. esbuild bundles the
// `require` and runs the module it names only then. About 20 ms of each command's start-up.
import type * as ZodParse from '../core/model/zodParse';

let loaded: typeof ZodParse | undefined;

export const parseWithZod: typeof ZodParse.parseWithZod = (raw) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred load is the point
  loaded ??= require('../core/model/zodParse') as typeof ZodParse;
  return loaded.parseWithZod(raw);
};
