// @vitest-environment jsdom
// The report embeds Mermaid diagrams; mermaid.parse needs a DOM (RECIPES.md).
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- tests check our output with the official parser
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { Design, Finding } from '../model/types';
import { escapeMarkdown, markdownReport } from './markdownReport';
import { nastyDesign } from './testDesigns';

const DESIGN: Design = {
  signalbox: 1,
  name: 'Shop | <b>v2</b>',
  description: 'Orders and stock',
  nodes: {
    order: { kind: 'service', name: 'Order' },
    stock: { kind: 'service', name: 'Stock' },
    bus: { kind: 'broker', name: 'Kafka' },
  },
  links: [
    {
      from: 'order',
      to: 'stock',
      kind: 'sync',
      protocol: 'rest',
      version: 'v1',
      timeoutMs: 500,
      retry: { max: 2, backoff: 'fixed' },
      bulkhead: { maxConcurrent: 10 },
    },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.placed', message: { name: 'OrderPlaced', version: 1 } },
    { from: 'bus', to: 'stock', kind: 'async', channel: 'order.placed', delivery: 'at-least-once', dlq: 'order.placed.dlq' },
  ],
};

const FINDINGS: Finding[] = [
  {
    rule: 'missing-breaker',
    severity: 'warning',
    message: 'Order calls Stock | no breaker',
    nodes: ['order'],
    links: ['order->stock'],
    fix: 'Add one\nwith a fallback',
  },
  { rule: 'missing-dlq', severity: 'error', message: 'x <script>alert(1)</script>', nodes: [], links: [], fix: 'Add a DLQ' },
];

/** The mermaid fences of a Markdown text. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
}

/** Table rows of the section under a heading, as cells: separators are ` | `, escaped pipes are `\|`. */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(`${heading}\n\n`)[1]!.split('\n\n#')[0]!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('|---'))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('markdownReport', () => {
  it('lists findings worst first with every cell escaped', () => {
    const report = markdownReport(DESIGN, { findings: FINDINGS });
    expect(report.split('\n')[0]).toBe('# Shop \\| &lt;b&gt;v2&lt;/b&gt;');
    expect(tableRows(report, '## Findings')).toEqual([
      ['error', 'missing-dlq', 'x &lt;script&gt;alert\\(1\\)&lt;/script&gt;', 'Add a DLQ'],
      ['warning', 'missing-breaker', 'Order calls Stock \\| no breaker', 'Add one<br>with a fallback'],
    ]);
    expect(report).toContain('1 error, 1 warning, 0 info');
    expect(report).not.toContain('<script');
  });

  it('tables the sync calls with their policies, channels with producers and consumers', () => {
    const report = markdownReport(DESIGN, { findings: [] });
    expect(tableRows(report, '## 7. Reliability')).toEqual([['Order', 'Stock', '500 ms', '2×, fixed', '–', '10 concurrent']]);
    // What travels on the channel, then (after the second header row) each consumer's guarantees.
    expect(tableRows(report, '## 3. Asynchronous messaging')).toEqual([
      ['order.placed', 'OrderPlaced v1', '–', 'Kafka', 'Order'],
      ['Channel', 'Consumer', 'Group', 'Delivery', 'Idempotent', 'DLQ', 'DLQ replay'],
      ['order.placed', 'Stock', '–', 'at-least-once', '–', 'order.placed.dlq', '–'],
    ]);
    expect(report).toContain('## Findings\n\nNo findings.');
    expect(report).toContain('## 10. Failure scenarios\n\nLeft out of this export');
  });

  it('holds the twelve sections in the order of the brief, each once, then the findings', () => {
    const report = markdownReport(DESIGN, { findings: [] });
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 1. Service interactions',
      '## 2. Synchronous contracts',
      '## 3. Asynchronous messaging',
      '## 4. Sagas and data consistency',
      '## 5. Schema evolution',
      '## 6. Service discovery, load balancing and health checks',
      '## 7. Reliability',
      '## 8. Distributed tracing',
      '## 9. API gateway',
      '## 10. Failure scenarios',
      '## 11. Monitoring and alerting',
      '## 12. Sequence diagrams of the critical flows',
      '## Findings',
    ]);
    // Nothing repeated: no line of prose (tables and fences aside) appears twice.
    const prose = report
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('|') && !line.startsWith('```') && line !== '<!-- -->');
    expect(prose.length).toBe(new Set(prose).size);
  });

  it('adds the blast radius, worst first, when given', () => {
    const report = markdownReport(DESIGN, {
      findings: [],
      blastRadius: [
        { node: 'stock', name: 'Stock', failed: 0, degraded: 1, lagging: 0 },
        { node: 'order', name: 'Order', failed: 2, degraded: 0, lagging: 1 },
      ],
    });
    expect(tableRows(report, '## 10. Failure scenarios').map((row) => row[0])).toEqual(['Order', 'Stock']);
  });

  it('embeds a flowchart and sequence diagrams that parse with mermaid', async () => {
    const blocks = mermaidBlocks(markdownReport(DESIGN, { findings: FINDINGS }));
    expect(blocks.length).toBe(1); // no clients, no gateways, no flows: the flowchart only
    for (const block of blocks) await mermaid.parse(block);
  });

  it('keeps any name inside its cell and every diagram parseable', async () => {
    await fc.assert(
      fc.asyncProperty(nastyDesign, async (design) => {
        const report = markdownReport(design, { findings: [] });
        const rows = tableRows(report, '## 7. Reliability');
        expect(rows).toHaveLength(3);
        for (const row of rows) expect(row).toHaveLength(6);
        expect(rows[0]![0]).toBe(escapeMarkdown(design.nodes['edge gw']!.name));
        expect(report).not.toMatch(/<(?!br>)[a-z]/i);
        const blocks = mermaidBlocks(report);
        expect(blocks).toHaveLength(2);
        for (const block of blocks) await mermaid.parse(block);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
