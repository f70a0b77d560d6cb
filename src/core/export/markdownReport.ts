import type { Design, Finding, Link } from '../model/types';
import { SEVERITY_RANK } from '../model/types';
import { mermaidFlowchart } from './mermaidFlowchart';
import { mermaidSequences } from './mermaidSequence';

/** What one node's failure does to the rest (computed by src/core/simulate, passed in here). */
export interface BlastRadiusEntry {
  node: string;
  name: string;
  failed: number;
  degraded: number;
  lagging: number;
}

export interface MarkdownReportInput {
  /** From the rules engine; the report does not judge the design itself. */
  findings: Finding[];
  blastRadius?: BlastRadiusEntry[];
}

/** Inline text: HTML and Markdown punctuation escaped, so a name shows as typed (never as a tag or a link). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}

/** A table cell: escaped text; an empty cell shows a dash so columns stay readable. */
function cell(value: string | number | boolean | undefined): string {
  if (value === undefined || value === '') return '–';
  return escapeMarkdown(String(value));
}

function table(header: string[], rows: (string | number | boolean | undefined)[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function describeRetry(link: Link): string | undefined {
  if (!link.retry) return undefined;
  const { max, backoff, jitter, baseMs } = link.retry;
  return [`${max}×`, backoff, baseMs === undefined ? undefined : `base ${baseMs} ms`, jitter ? 'jitter' : undefined]
    .filter(Boolean)
    .join(', ');
}

function describeBreaker(link: Link): string | undefined {
  if (!link.breaker) return undefined;
  const { failureRatePct, openMs, fallback } = link.breaker;
  const parts = [
    failureRatePct === undefined ? undefined : `${failureRatePct}% failures`,
    openMs === undefined ? undefined : `open ${openMs} ms`,
    fallback ? `fallback: ${fallback}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'yes';
}

function nameOf(design: Design, id: string): string {
  return design.nodes[id]?.name ?? id;
}

function fence(text: string): string {
  return `\`\`\`mermaid\n${text.trimEnd()}\n\`\`\``;
}

/** Channels: who publishes, who consumes, what, and how it is delivered. */
function channelRows(design: Design): string[][] {
  const channels = new Map<
    string,
    { producers: Set<string>; consumers: Set<string>; messages: Set<string>; delivery: Set<string>; dlq: Set<string> }
  >();
  for (const link of design.links) {
    if (link.kind !== 'async') continue;
    const name = link.channel ?? `${link.from} → ${link.to}`;
    const entry = channels.get(name) ?? {
      producers: new Set(),
      consumers: new Set(),
      messages: new Set(),
      delivery: new Set(),
      dlq: new Set(),
    };
    channels.set(name, entry);
    const fromBroker = design.nodes[link.from]?.kind === 'broker';
    const toBroker = design.nodes[link.to]?.kind === 'broker';
    if (!fromBroker) entry.producers.add(nameOf(design, link.from));
    if (!toBroker) entry.consumers.add(nameOf(design, link.to));
    if (link.message?.name)
      entry.messages.add(`${link.message.name}${link.message.version === undefined ? '' : ` v${String(link.message.version)}`}`);
    if (link.delivery) entry.delivery.add(link.delivery);
    if (link.dlq) entry.dlq.add(link.dlq);
  }
  const list = (values: Set<string>) => [...values].join(', ');
  return [...channels].map(([name, entry]) => [
    name,
    list(entry.producers),
    list(entry.consumers),
    list(entry.messages),
    list(entry.delivery),
    list(entry.dlq),
  ]);
}

/** A design report ready to paste into docs: diagram, findings, contracts, flows, blast radius. */
export function markdownReport(design: Design, input: MarkdownReportInput): string {
  const sections: string[] = [`# ${escapeMarkdown(design.name)}`];
  if (design.description) sections.push(escapeMarkdown(design.description));
  sections.push(`## Architecture\n\n${fence(mermaidFlowchart(design))}`);

  const findings = [...input.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const counts = (['error', 'warning', 'info'] as const).map((severity) => {
    const count = findings.filter((f) => f.severity === severity).length;
    return `${count} ${severity}${count === 1 || severity === 'info' ? '' : 's'}`;
  });
  sections.push(
    findings.length === 0
      ? '## Findings\n\nNo findings.'
      : `## Findings\n\n${counts.join(', ')}\n\n${table(
          ['Severity', 'Rule', 'Message', 'Fix'],
          findings.map((f) => [f.severity, f.rule, f.message, f.fix]),
        )}`,
  );

  const syncLinks = design.links.filter((link) => link.kind === 'sync');
  const contracts = ['## Contracts', '### Synchronous calls'];
  contracts.push(
    syncLinks.length === 0
      ? 'None.'
      : table(
          ['From', 'To', 'Protocol', 'Version', 'Timeout', 'Retry', 'Breaker', 'Bulkhead'],
          syncLinks.map((link) => [
            nameOf(design, link.from),
            nameOf(design, link.to),
            link.protocol,
            link.version === undefined ? undefined : String(link.version),
            link.timeoutMs === undefined ? undefined : `${link.timeoutMs} ms`,
            describeRetry(link),
            describeBreaker(link),
            link.bulkhead ? `${link.bulkhead.maxConcurrent} concurrent` : undefined,
          ]),
        ),
  );
  const channels = channelRows(design);
  contracts.push(
    '### Channels',
    channels.length === 0 ? 'None.' : table(['Channel', 'Producers', 'Consumers', 'Message', 'Delivery', 'DLQ'], channels),
  );
  sections.push(contracts.join('\n\n'));

  const sequences = mermaidSequences(design);
  if (sequences.length > 0) {
    sections.push(
      ['## Sequence diagrams', ...sequences.map((s) => `### ${escapeMarkdown(s.name)}\n\n${fence(s.text)}`)].join('\n\n'),
    );
  }

  if (input.blastRadius) {
    const rows = [...input.blastRadius].sort((a, b) => b.failed + b.degraded + b.lagging - (a.failed + a.degraded + a.lagging));
    sections.push(
      rows.length === 0
        ? '## Blast radius\n\nNo node was simulated.'
        : `## Blast radius\n\nWhat each node's outage takes down with it.\n\n${table(
            ['Node down', 'Failed', 'Degraded', 'Lagging'],
            rows.map((row) => [row.name, row.failed, row.degraded, row.lagging]),
          )}`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}
