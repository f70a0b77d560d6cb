// @vitest-environment jsdom
// mermaid.parse needs a DOM (DOMPurify) for flowcharts: RECIPES.md.
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- tests check our output with the official parser
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { mermaidFlowchart } from './mermaidFlowchart';
import { shownMermaidText, expectedMermaidText, getTestDesigns, nastyDesign } from './testDesigns';

interface FlowchartDb {
  getVertices(): Map<string, { id: string; text?: string }>;
  getEdges(): { start: string; end: string; text: string; stroke: string }[];
  getSubGraphs(): { title: string; nodes: string[] }[];
}

/** Parse as Mermaid does before rendering, and return what it understood. */
async function parseFlowchart(text: string): Promise<FlowchartDb> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as FlowchartDb;
}

const SMALL: Design = {
  signalbox: 1,
  name: 'Small',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    gw: { kind: 'gateway', name: 'Gateway' },
    order: { kind: 'service', name: 'Order', group: 'ordering' },
    db: { kind: 'database', name: 'Orders DB', group: 'ordering' },
    bus: { kind: 'broker', name: 'Kafka' },
    psp: { kind: 'external', name: 'Stripe' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
    { from: 'gw', to: 'order', kind: 'sync', protocol: 'grpc', version: 'v2' },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
    { from: 'order', to: 'psp', kind: 'sync' },
  ],
};

describe('mermaidFlowchart', () => {
  it('draws shapes by kind, solid sync and dotted async links, groups as subgraphs', () => {
    expect(mermaidFlowchart(SMALL)).toMatchInlineSnapshot(`
      "---
      config:
        layout: dagre
      ---
      flowchart LR
        n0(["Web"])
        n1{{"Gateway"}}
        n4@{ shape: h-cyl, label: "Kafka" }
        n5[/"Stripe"/]
        subgraph g0["ordering"]
          n2["Order"]
          n3[("Orders DB")]
        end
        n0 -->|"rest"| n1
        n1 -->|"grpc v2"| n2
        n2 -->|"sql"| n3
        n2 -.->|"order.created"| n4
        n2 -->|"sync"| n5
        classDef client fill:#eef2ff,stroke:#6366f1,color:#1e1b4b
        classDef gateway fill:#fef3c7,stroke:#d97706,color:#451a03
        classDef service fill:#ecfdf5,stroke:#059669,color:#022c22
        classDef database fill:#eff6ff,stroke:#2563eb,color:#172554
        classDef broker fill:#fdf2f8,stroke:#db2777,color:#500724
        classDef external fill:#f5f5f5,stroke:#737373,color:#171717,stroke-dasharray:4 3
        class n0 client
        class n1 gateway
        class n2 service
        class n3 database
        class n4 broker
        class n5 external
      "
    `);
  });

  it('parses with mermaid and keeps every node, link and group', async () => {
    const db = await parseFlowchart(mermaidFlowchart(SMALL));
    expect([...db.getVertices().values()].map((v) => v.text).sort()).toEqual([
      'Gateway',
      'Kafka',
      'Order',
      'Orders DB',
      'Stripe',
      'Web',
    ]);
    expect(db.getEdges().map((e) => [e.start, e.end, e.text, e.stroke])).toEqual([
      ['n0', 'n1', 'rest', 'normal'],
      ['n1', 'n2', 'grpc v2', 'normal'],
      ['n2', 'n3', 'sql', 'normal'],
      ['n2', 'n4', 'order.created', 'dotted'],
      ['n2', 'n5', 'sync', 'normal'],
    ]);
    expect(db.getSubGraphs().map((s) => [s.title, [...s.nodes].sort()])).toEqual([['ordering', ['n2', 'n3']]]);
  });

  it.each(getTestDesigns())('$id: parses with mermaid, one vertex per node and one edge per link', async ({ design }) => {
    const db = await parseFlowchart(mermaidFlowchart(design));
    expect(db.getVertices().size).toBe(Object.keys(design.nodes).length);
    expect(db.getEdges()).toHaveLength(design.links.length);
  });

  it('cuts a very long or many-line name to a label a diagram can show, with an ellipsis', async () => {
    const long = `Long${'W'.repeat(4996)}`;
    const design: Design = {
      ...SMALL,
      nodes: { ...SMALL.nodes, order: { kind: 'service', name: long }, db: { kind: 'database', name: 'a\nb\nc\nd\ne\nf' } },
    };
    const text = mermaidFlowchart(design);
    expect(text).toContain(`n2["Long${'W'.repeat(55)}…"]`);
    expect(text).toContain('n3[("a<br>b<br>c<br>d…")]');
    const labels = [...(await parseFlowchart(text)).getVertices().values()].map((v) => shownMermaidText(v.text ?? ''));
    expect(labels).toContain(`Long${'W'.repeat(55)}…`);
    // The design itself is untouched: only the drawing is shortened.
    expect(design.nodes.order?.name).toBe(long);
  });

  it('shows names that look like entity codes as typed', async () => {
    const names = ['#0;', '#35;', 'a#59;b', 'ﬂ°°35¶ß'];
    const design: Design = {
      ...SMALL,
      nodes: Object.fromEntries(names.map((name, i) => [`n${i}`, { kind: 'service', name }])),
      links: [],
    };
    const db = await parseFlowchart(mermaidFlowchart(design));
    expect([...db.getVertices().values()].map((v) => shownMermaidText(v.text ?? ''))).toEqual(names);
  });

  it('renders any name, channel and group as text', async () => {
    await fc.assert(
      fc.asyncProperty(nastyDesign, async (design) => {
        const text = mermaidFlowchart(design);
        const db = await parseFlowchart(text);
        const labels = [...db.getVertices().values()].map((v) => shownMermaidText(v.text ?? ''));
        expect(labels.sort()).toEqual(
          Object.values(design.nodes)
            .map((node) => expectedMermaidText(node.name))
            .sort(),
        );
        const channel = design.links.find((link) => link.channel)!.channel!;
        expect(db.getEdges().map((e) => shownMermaidText(e.text))).toContain(expectedMermaidText(channel));
        expect(db.getSubGraphs().map((s) => shownMermaidText(s.title))).toEqual([expectedMermaidText(design.description!)]);
        // No user text reaches the output as markup.
        expect(text).not.toMatch(/<script|<img/i);
      }),
      { numRuns: 100 },
    );
  });
});
