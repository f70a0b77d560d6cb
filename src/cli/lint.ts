import type { Document } from 'yaml';
import type { Design, Finding, Issue, PathSegment, Severity } from '../core/model/types';
import { SEVERITIES } from '../core/model/types';
import { getLinkIndex } from '../core/model/ids';
import { formatIssue } from '../core/format/read';
import { createPathLocator } from '../core/format/locatePath';
import { scanElementLines, type ElementLines } from '../core/yamlmap/scanLines';
import type { SubsetLines } from '../core/format/yamlSubset';
import { checkRuleSettings, lintDesign, summarizeFindings, type FindingSummary } from '../core/rules/engine';
import { RULES } from '../core/rules/catalog';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';
import { Utf8Text, type ByteSink } from './utf8Text';

const FORMATS = ['text', 'json', 'sarif'] as const;
type OutputFormat = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const USAGE = 'usage: signalbox lint FILE [--format text|json|sarif] [--fail-on error|warning|never]';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Finds the 1-based line of a path (`['nodes', 'order']`, `['links', 3]`) in the YAML source. */
interface SourceLines {
  lineOf: (path: readonly PathSegment[]) => number | undefined;
  /** lineOf(['nodes', id]) and lineOf(['links', index]), for the finding lines. */
  nodeLine: (id: string) => number | undefined;
  linkLine: (index: number) => number | undefined;
}

function createSourceLines(
  text: string,
  design: Design,
  getDoc: () => Document | undefined,
  entryLines: SubsetLines | undefined,
): SourceLines {
  // Nodes and links where the subset reader found them, or by a line scan when the file has the
  // usual block shape; the yaml Document (slow to build on a big file) only for anything else,
  // through the core's one locatePath. A link whose dash stands alone on its line is where the
  // scan and the locator disagree (the dash, the item below it): the reader's lines step aside.
  const scanned = (entryLines && readerLines(entryLines)) ?? scanElementLines(text, design);
  const locate = createPathLocator(text, getDoc);
  const lineOf = (path: readonly PathSegment[]) => {
    if (scanned && path.length === 2 && path[0] === 'nodes' && typeof path[1] === 'string') return scanned.node(path[1]);
    if (scanned && path.length === 2 && path[0] === 'links' && typeof path[1] === 'number') return scanned.link(path[1]);
    const where = locate(path);
    return where?.exact ? where.line : undefined;
  };
  return {
    lineOf,
    nodeLine: scanned ? scanned.node : (id) => lineOf(['nodes', id]),
    linkLine: scanned ? scanned.link : (index) => lineOf(['links', index]),
  };
}

function readerLines(lines: SubsetLines): ElementLines | undefined {
  if (lines.detached.has('links')) return undefined;
  const nodes = lines.keys.get('nodes') ?? new Map<string, number>();
  const links = lines.items.get('links') ?? [];
  return { node: (id) => nodes.get(id), link: (index) => links[index] };
}

interface Located {
  finding: Finding;
  /** Line of the finding's first link, else its first node, when the source shows it. */
  line?: number;
}

function locateFindings(findings: Finding[], linkIndex: ReadonlyMap<string, number>, lines: SourceLines): Located[] {
  return findings.map((finding) => {
    let link: number | undefined;
    for (let i = 0; i < finding.links.length && link === undefined; i++) link = linkIndex.get(finding.links[i]!);
    const line = link !== undefined ? lines.linkLine(link) : finding.nodes[0] ? lines.nodeLine(finding.nodes[0]) : undefined;
    return line === undefined ? { finding } : { finding, line };
  });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
}

function formatSummary(summary: FindingSummary): string {
  return `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${plural(summary.info, 'info')}`;
}

/**
 * The text report, written straight into UTF-8 a finding at a time, and out through one 64 kB
 * buffer (Utf8Text: 20,000 findings are 6 MB of it).
 */
function writeText(design: Design, located: Located[], fileName: string, summary: FindingSummary, sink: ByteSink): void {
  const out = new Utf8Text(sink);
  out.add(located.length === 0 ? `${design.name}: no findings\n` : `${design.name}: ${plural(located.length, 'finding')}\n`);
  const groups = new Map<Severity, Located[]>(SEVERITIES.map((severity) => [severity, []]));
  for (let i = 0; i < located.length; i++) groups.get(located[i]!.finding.severity)!.push(located[i]!);
  for (const severity of SEVERITIES) {
    const group = groups.get(severity)!;
    if (group.length === 0) continue;
    out.add(`\n${severity.toUpperCase()} (${group.length})\n`);
    for (let i = 0; i < group.length; i++) {
      const { finding, line } = group[i]!;
      const nodes = finding.nodes.length > 0 ? `nodes: ${finding.nodes.join(', ')}` : '';
      const links = finding.links.length > 0 ? `links: ${finding.links.join(', ')}` : '';
      const where = nodes || links ? `    ${nodes && links ? `${nodes}; ${links}` : nodes || links}\n` : '';
      out.add(
        `  ${finding.rule}${line !== undefined ? ` (${fileName}:${line})` : ''}\n    ${finding.message}\n${where}    fix: ${finding.fix}\n`,
      );
    }
  }
  out.add(`\nsummary: ${formatSummary(summary)}\n`).end();
}

/** SARIF 2.1.0: one run, the catalog as the driver's rules, one result per finding. */
function toSarif(located: Located[], linkIndex: ReadonlyMap<string, number>, uri: string): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'signalbox',
            informationUri: 'https://github.com/signalbox/signalbox',
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.fix },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        artifacts: [{ location: { uri } }],
        results: located.map(({ finding, line }) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIndex.get(finding.rule) ?? -1,
          level: SARIF_LEVEL[finding.severity],
          message: { text: `${finding.message}. Fix: ${finding.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri, index: 0 },
                ...(line !== undefined ? { region: { startLine: line } } : {}),
              },
              logicalLocations: [
                ...finding.nodes.map((id) => ({ name: id, fullyQualifiedName: `nodes.${id}`, kind: 'object' })),
                ...finding.links.map((id) => ({
                  name: id,
                  fullyQualifiedName: linkIndex.has(id) ? `links[${linkIndex.get(id)!}]` : id,
                  kind: 'element',
                })),
              ],
            },
          ],
        })),
      },
    ],
  };
}

function exitCode(summary: FindingSummary, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const count = failOn === 'error' ? summary.error : summary.error + summary.warning;
  return count > 0 ? 1 : 0;
}

/** `signalbox lint FILE [--format text|json|sarif] [--fail-on error|warning|never]` (spec/cli.md). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(args, { values: ['format', 'fail-on'] });
  if (parsed.error) {
    io.stderr(`signalbox lint: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const format = (parsed.flags.format ?? 'text') as OutputFormat;
  const failOn = (parsed.flags['fail-on'] ?? 'error') as FailOn;
  if (!FORMATS.includes(format)) {
    io.stderr(`signalbox lint: --format must be text, json or sarif (got "${String(format)}")\n${USAGE}\n`);
    return 2;
  }
  if (!FAIL_ON.includes(failOn)) {
    io.stderr(`signalbox lint: --fail-on must be error, warning or never (got "${String(failOn)}")\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`signalbox lint: one FILE at a time (got ${parsed.positionals.length})\n${USAGE}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  // Lint looks keys up, never lists them: the design may keep the file's key order (no copy).
  const loaded = await loadDesign(file, io, { keyOrder: 'as-read' });
  if (!loaded) return 2;
  const fileName = file === '-' ? '<stdin>' : file!;
  const lines = createSourceLines(loaded.text, loaded.design, () => loaded.doc, loaded.entryLines);

  for (const issue of checkRuleSettings(loaded.design)) {
    const line = issue.segments ? lines.lineOf(issue.segments) : undefined;
    const located: Issue = line !== undefined ? { ...issue, line, column: 1 } : issue;
    io.stderr(`${formatIssue(located, fileName)}\n`);
  }

  const findings = lintDesign(loaded.design);
  const summary = summarizeFindings(findings);
  // Link id -> its index in `links:`, for the finding lines and the SARIF locations.
  const linkIndex = getLinkIndex(loaded.design.links);
  const located = locateFindings(findings, linkIndex, lines);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ design: loaded.design.name, findings, summary }, null, 2)}\n`);
  } else if (format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(located, linkIndex, file === '-' ? 'stdin' : file!), null, 2)}\n`);
  } else {
    writeText(loaded.design, located, fileName, summary, io.stdout);
  }
  return exitCode(summary, failOn);
}
