import type { Design } from '../core/model/types';
import { blastRadius, blastRadiusMarkdown } from '../core/simulate/blastRadius';
import { getEntryPoints, simulate } from '../core/simulate/simulate';
import type { BlastRadiusRow, SimulationResult } from '../core/simulate/types';
import { SIMULATION_STATES, UnknownNodeError } from '../core/simulate/types';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';

const USAGE = `usage:
  signalbox simulate FILE --down NODE[,NODE...] [--format text|json]
  signalbox simulate FILE --each [--format text|json|markdown]`;

function usageError(io: CliIo, message: string): number {
  io.stderr(`signalbox simulate: ${message}\n${USAGE}\n`);
  return 2;
}

function label(design: Design, id: string): string {
  return `${design.nodes[id]?.name ?? id} (${id})`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text}  ` : text.padEnd(width + 2);
}

function scenarioText(design: Design, result: SimulationResult): string {
  const lines = [`${design.name}: ${result.down.map((id) => label(design, id)).join(', ') || 'nothing'} down`, ''];
  const entryIds = Object.keys(result.entries);
  if (entryIds.length > 0) {
    lines.push('Entry points');
    const width = Math.max(...entryIds.map((id) => label(design, id).length));
    for (const id of entryIds) {
      const figures = [
        result.availability[id] !== undefined ? `expected availability ${result.availability[id]}%` : '',
        result.latencyMs[id] !== undefined ? `worst-case latency ${result.latencyMs[id]} ms` : '',
      ].filter(Boolean);
      lines.push(`  ${pad(label(design, id), width)}${pad(result.entries[id]!, 8)}${figures.join(', ')}`.trimEnd());
    }
    lines.push('');
  }
  // Worst first, then design order: the reader starts with what broke.
  const affected = SIMULATION_STATES.filter((s) => s !== 'ok').flatMap((state) =>
    Object.keys(result.states).filter((id) => result.states[id] === state),
  );
  if (affected.length > 0) {
    lines.push('Affected nodes');
    for (const id of affected)
      lines.push(`  ${pad(result.states[id]!, 8)}${label(design, id)}: ${result.explanations[id] ?? ''}`);
    lines.push('');
  }
  const ok = Object.values(result.states).filter((s) => s === 'ok').length;
  lines.push(`${ok} of ${Object.keys(result.states).length} nodes unaffected.`);
  return `${lines.join('\n')}\n`;
}

function blastRadiusText(design: Design, rows: BlastRadiusRow[]): string {
  const header = ['Node down', 'Entries failed', 'degraded', 'lagging', 'Nodes failed', 'degraded', 'lagging'];
  const table = rows.map((r) => [
    label(design, r.node),
    String(r.failed),
    String(r.degraded),
    String(r.lagging),
    String(r.affected.failed),
    String(r.affected.degraded),
    String(r.affected.lagging),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const entries = getEntryPoints(design).length;
  return `Blast radius of ${design.name}: each node down in turn, ${entries} entry point${entries === 1 ? '' : 's'}\n\n${[header, ...table].map(format).join('\n')}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals, error } = parseFlags(args, { values: ['down', 'format'], booleans: ['each'] });
  if (error) return usageError(io, error);
  if (positionals.length > 1) return usageError(io, `expected one FILE, got ${positionals.join(' ')}`);
  const each = flags.each === true;
  const downFlag = flags.down;
  if (each && downFlag !== undefined) return usageError(io, 'give either --down or --each, not both');
  if (!each && downFlag === undefined) return usageError(io, 'missing --down NODE[,NODE...] or --each');
  const format = typeof flags.format === 'string' ? flags.format : 'text';
  const formats = each ? ['text', 'json', 'markdown'] : ['text', 'json'];
  if (!formats.includes(format))
    return usageError(io, `--format must be ${formats.join(', ')} with ${each ? '--each' : '--down'}`);
  const down =
    typeof downFlag === 'string'
      ? downFlag
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
  if (!each && down.length === 0) return usageError(io, '--down needs at least one node id');

  const loaded = await loadDesign(positionals[0], io);
  if (!loaded) return 2;
  const { design } = loaded;

  if (each) {
    const rows = blastRadius(design);
    if (format === 'json')
      io.stdout(`${JSON.stringify({ design: design.name, entryPoints: getEntryPoints(design), blastRadius: rows }, null, 2)}\n`);
    else if (format === 'markdown') io.stdout(blastRadiusMarkdown(design, rows));
    else io.stdout(blastRadiusText(design, rows));
    return 0;
  }

  let result: SimulationResult;
  try {
    result = simulate(design, down);
  } catch (e) {
    if (e instanceof UnknownNodeError) {
      io.stderr(`signalbox simulate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : scenarioText(design, result));
  return 0;
}
