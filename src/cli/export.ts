import { join } from 'node:path';
import type { ExportFile, ExportFormat } from '../core/export/index';
import { EXPORT_FORMAT_IDS, exportDesign, getEmptyExportReason, isExportFormat } from '../core/export/index';
import { detectFormat } from '../core/format/read';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';
import { getNamedViewDesign } from '../core/views/view';
import { lintDesign } from '../core/rules/engine';

const USAGE = `usage: signalbox export FILE --to ${EXPORT_FORMAT_IDS.join('|')} [--out PATH] [--view NAME]`;

/** Formats that give one file per service or flow: --out names a folder. */
const FOLDER_FORMATS = new Set<ExportFormat>(['openapi', 'sequence', 'proto', 'schemas', 'code']);

/**
 * Several files on standard output: OpenAPI as one multi-document YAML stream, diagrams one after
 * another, other files each under a `==> name <==` header line (as `head` prints several files).
 */
function joinForStdout(format: ExportFormat, files: ExportFile[]): string {
  if (format === 'openapi') return files.map((file) => file.text).join('---\n');
  if (format === 'sequence') return files.map((file) => `%% ${file.fileName}\n${file.text}`).join('\n');
  return files.map((file) => `==> ${file.fileName} <==\n${file.text}`).join('\n');
}

/** `signalbox export FILE --to FORMAT [--out PATH]` (spec/cli.md). Exit 0 on success, 2 on bad input or output. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals, error } = parseFlags(args, { values: ['to', 'out', 'view'] });
  if (error) {
    io.stderr(`signalbox export: ${error}\n${USAGE}\n`);
    return 2;
  }
  const to = flags.to;
  if (typeof to !== 'string') {
    io.stderr(`signalbox export: missing --to\n${USAGE}\n`);
    return 2;
  }
  if (!isExportFormat(to)) {
    io.stderr(`signalbox export: unknown format "${to}" for --to; expected one of ${EXPORT_FORMAT_IDS.join(', ')}\n`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr(`signalbox export: expected one FILE, got ${positionals.length}\n${USAGE}\n`);
    return 2;
  }
  const file = positionals[0];
  const loaded = await loadDesign(file, io);
  if (!loaded) return 2;

  // Keep the file's comments and key order when it was YAML to begin with.
  // (Only `--to yaml` writes the file back: asking for `doc` builds the yaml Document, slow on a big file.)
  const previous =
    to === 'yaml' && detectFormat(loaded.text, file === '-' ? undefined : file) === 'yaml' && loaded.doc
      ? { text: loaded.text, doc: loaded.doc }
      : undefined;
  let design = loaded.design;
  if (typeof flags.view === 'string') {
    // A named view is a picture of part of the design: only the diagram exports draw one.
    if (to !== 'mermaid') {
      io.stderr(`signalbox export: --view works with --to mermaid (a diagram of the view), not --to ${to}\n`);
      return 2;
    }
    const viewed = getNamedViewDesign(design, flags.view, lintDesign(design));
    if (!viewed.ok) {
      io.stderr(`signalbox export: ${viewed.error}\n`);
      return 2;
    }
    design = viewed.design;
  }
  const files = exportDesign(design, to, { previous: design === loaded.design ? previous : undefined });
  const out = typeof flags.out === 'string' ? flags.out : undefined;

  // Nothing to export is an answer, not an error: a CI job exporting every design keeps going.
  if (files.length === 0) {
    io.stderr(`signalbox export: ${getEmptyExportReason(to)}; nothing to write\n`);
    return 0;
  }
  if (out === undefined) {
    io.stdout(FOLDER_FORMATS.has(to) ? joinForStdout(to, files) : files[0]!.text);
    return 0;
  }
  try {
    if (FOLDER_FORMATS.has(to)) {
      for (const exported of files) await io.writeText(join(out, exported.fileName), exported.text);
      io.stderr(`signalbox export: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${out}\n`);
    } else await io.writeText(out, files[0]!.text);
  } catch (cause) {
    io.stderr(`signalbox export: cannot write ${out}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 2;
  }
  return 0;
}
