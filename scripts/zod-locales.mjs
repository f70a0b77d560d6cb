// What the CLI bundle takes of zod's locales (scripts/build-cli.mjs): English, the one it speaks.
// zod's namespace re-exports every language's messages, a quarter of the bundle, which the
// command would read and load on every run.
export { default as en } from 'zod/v4/locales/en.js';
