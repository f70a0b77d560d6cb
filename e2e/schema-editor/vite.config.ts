import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The schema test page (e2e/schema-completion.spec.ts): built into dist-schema-editor/, never into the app. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  resolve: {
    // monaco-worker-manager (monaco-yaml's) imports the pre-0.56 path; 0.57 exports it as monaco-editor/*.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist-schema-editor', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
});
