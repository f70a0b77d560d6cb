import process from 'node:process';
import { readDesign, formatIssue } from '../core/format/read';
import { designToYaml, writeDesignJson, writeDesignYaml } from '../core/format/write';
import { formatImportError, formatInference, importFiles } from '../core/import/importFiles';
import { mergeInto } from '../core/import/merge';
import type { ImportFile, ImportResult, ImportSource } from '../core/import/types';
import { IMPORT_SOURCES } from '../core/import/types';
import type { CliIo } from './io';
import { parseFlags } from './io';

const USAGE =
  'usage: signalbox import FILE... [--from compose|kubernetes|asyncapi|openapi] [--format yaml|json] [--into DESIGN] [--service ID] [--name NAME]';

/** Read every FILE; an unreadable one is reported and the command exits 2. */
export async function readImportInputs(paths: readonly string[], io: CliIo, command: string): Promise<ImportFile[] | undefined> {
  const files: ImportFile[] = [];
  for (const path of paths) {
    try {
      files.push({ name: path === '-' ? '<stdin>' : path, text: await io.readText(path) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      io.stderr(
        `signalbox ${command}: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error)}\n`,
      );
      return undefined;
    }
  }
  return files;
}

export function runImport(
  files: ImportFile[],
  flags: Record<string, string | true>,
  io: CliIo,
  command: string,
): ImportResult | undefined {
  const from = flags.from;
  if (from !== undefined && !IMPORT_SOURCES.includes(from as ImportSource)) {
    io.stderr(`signalbox ${command}: --from must be one of ${IMPORT_SOURCES.join(', ')}\n`);
    return undefined;
  }
  const result = importFiles(files, {
    env: process.env,
    ...(typeof from === 'string' ? { from: from as ImportSource } : {}),
    ...(typeof flags.service === 'string' ? { service: flags.service } : {}),
    ...(typeof flags.name === 'string' ? { name: flags.name } : {}),
  });
  if (!result.ok) {
    for (const e of result.errors) io.stderr(`${formatImportError(e)}\n`);
    return undefined;
  }
  return result;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(args, { values: ['from', 'format', 'into', 'service', 'name'] });
  if (parsed.error) {
    io.stderr(`signalbox import: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { flags, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`signalbox import: missing FILE\n${USAGE}\n`);
    return 2;
  }
  const format = flags.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    io.stderr(`signalbox import: --format must be yaml or json\n${USAGE}\n`);
    return 2;
  }
  const files = await readImportInputs(positionals, io, 'import');
  if (!files) return 2;
  const result = runImport(files, flags, io, 'import');
  if (!result || !result.ok) return 2;
  for (const inference of result.inferences) io.stderr(`${formatInference(inference)}\n`);
  if (typeof flags.into !== 'string') {
    io.stdout(format === 'json' ? writeDesignJson(result.design) : designToYaml(result.design));
    return 0;
  }
  let text: string;
  try {
    text = await io.readText(flags.into);
  } catch {
    io.stderr(`signalbox import: cannot read ${flags.into}: no such file\n`);
    return 2;
  }
  const read = readDesign(text, flags.into);
  for (const issue of read.issues) io.stderr(`${formatIssue(issue, flags.into)}\n`);
  if (!read.design) return 2;
  const merged = mergeInto(read.design, result.design);
  io.stderr(
    `signalbox import: into ${flags.into}: ${merged.addedNodes.length} nodes, ${merged.addedLinks.length} links and ${merged.addedKeys.length} keys added\n`,
  );
  // Written over the file's own text: its comments, order and positions stay as they were.
  io.stdout(
    format === 'json'
      ? writeDesignJson(merged.design)
      : writeDesignYaml(merged.design, read.doc ? { text, doc: read.doc } : undefined),
  );
  return 0;
}
