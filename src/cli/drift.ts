import { driftDesign, type DriftItem } from '../core/import/drift';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';
import { readImportInputs, runImport } from './import';

const USAGE =
  'usage: signalbox drift DESIGN FILE... [--format text|json] [--from compose|kubernetes|asyncapi|openapi] [--service ID]';

const TITLES: Record<DriftItem['change'], string> = {
  'only-in-design': 'In the design, not in the files',
  'only-in-files': 'In the files, not in the design',
  differs: 'Different',
};

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(args, { values: ['format', 'from', 'service'] });
  if (parsed.error) {
    io.stderr(`signalbox drift: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { flags, positionals } = parsed;
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`signalbox drift: --format must be text or json\n${USAGE}\n`);
    return 2;
  }
  const [designPath, ...paths] = positionals;
  if (!designPath || paths.length === 0) {
    io.stderr(`signalbox drift: needs a DESIGN and at least one FILE\n${USAGE}\n`);
    return 2;
  }
  const loaded = await loadDesign(designPath, io);
  if (!loaded) return 2;
  const files = await readImportInputs(paths, io, 'drift');
  if (!files) return 2;
  const result = runImport(files, flags, io, 'drift');
  if (!result || !result.ok) return 2;
  const items = driftDesign(loaded.design, result.design);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ design: loaded.design.name, files: paths, drift: items, summary: { differences: items.length } }, null, 2)}\n`,
    );
  } else if (items.length === 0) {
    io.stdout(`${loaded.design.name}: the design agrees with ${paths.join(', ')}\n`);
  } else {
    const lines = [`${loaded.design.name}: ${items.length} difference${items.length === 1 ? '' : 's'} with ${paths.join(', ')}`];
    for (const change of ['only-in-files', 'only-in-design', 'differs'] as const) {
      const group = items.filter((i) => i.change === change);
      if (group.length === 0) continue;
      lines.push('', TITLES[change]);
      for (const item of group) lines.push(`  ${item.message}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return items.length > 0 ? 1 : 0;
}
