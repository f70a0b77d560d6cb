/**
 * Bundle figures after `vite build`: the JavaScript the first page load needs (the entry script
 * index.html loads and its modulepreloads, gzipped) against the chunks loaded later (Monaco with
 * the code view, Mermaid with the export tab, workers). Run: `npx vite build && npx tsx bench/bundle.ts`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/** Scripts and modulepreloads index.html names: what the browser fetches before first paint. */
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) =>
    m[1]!.replace(/^\.?\//, ''),
  ),
);

interface Row {
  file: string;
  kind: 'initial' | 'lazy' | 'worker';
  bytes: number;
  gzip: number;
}

const rows: Row[] = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const content = readFileSync(join(assets, f));
    const kind: Row['kind'] = initial.has(`assets/${f}`) ? 'initial' : /worker/i.test(f) ? 'worker' : 'lazy';
    return { file: f, kind, bytes: statSync(join(assets, f)).size, gzip: gzipSync(content, { level: 9 }).length };
  })
  .sort((a, b) => (a.kind === b.kind ? b.gzip - a.gzip : a.kind.localeCompare(b.kind)));

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`${'chunk'.padEnd(44)} ${'load'.padEnd(8)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)}`);
for (const r of rows)
  console.log(`${r.file.padEnd(44)} ${r.kind.padEnd(8)} ${kb(r.bytes).padStart(11)} ${kb(r.gzip).padStart(11)}`);
for (const kind of ['initial', 'lazy', 'worker'] as const) {
  const sel = rows.filter((r) => r.kind === kind);
  const gz = sel.reduce((s, r) => s + r.gzip, 0);
  console.log(
    `total ${kind.padEnd(8)} ${String(sel.length).padStart(3)} chunks ${kb(sel.reduce((s, r) => s + r.bytes, 0)).padStart(11)} ${kb(gz).padStart(11)}`,
  );
}
const monacoInitial = rows.some((r) => r.kind === 'initial' && /monaco|CodePanel|editor/i.test(r.file));
console.log(monacoInitial ? 'WARNING: Monaco is in the initial bundle' : 'Monaco is not in the initial bundle');
