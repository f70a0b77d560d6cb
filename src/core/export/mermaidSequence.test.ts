// @vitest-environment jsdom
// mermaid.parse needs a DOM (DOMPurify): RECIPES.md.
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- tests check our output with the official parser
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { mermaidSequences } from './mermaidSequence';
import { expectedMermaidText, getTestDesigns, nastyDesign, shownMermaidText } from './testDesigns';

interface SequenceDb {
  getActors(): Map<string, { description: string }>;
  getMessages(): { from?: string; to?: string; message: string; type: number }[];
}

async function parseSequence(text: string): Promise<SequenceDb> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as SequenceDb;
}

const DESIGN: Design = {
  signalbox: 1,
  name: 'Orders',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    gw: { kind: 'gateway', name: 'Gateway' },
    order: { kind: 'service', name: 'Order' },
    db: { kind: 'database', name: 'Orders DB' },
    bus: { kind: 'broker', name: 'Kafka' },
    pay: { kind: 'service', name: 'Payment' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
    { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest', operations: ['POST /orders'] },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created', message: { name: 'OrderCreated', version: 1 } },
    { from: 'bus', to: 'pay', kind: 'async', channel: 'order.created' },
    // A cycle: the walk from the client must stop.
    { from: 'order', to: 'gw', kind: 'sync', protocol: 'rest' },
  ],
  flows: [
    {
      name: 'Place order',
      saga: 'choreography',
      steps: [
        { link: 'gw->order', compensation: 'cancel order' },
        { link: 'order->db', readOnly: true },
        { link: 'order->bus:order.created' },
        { link: 'bus->pay:order.created' },
      ],
    },
    { name: 'Place order', steps: [{ link: 'web->gw' }] },
  ],
};

describe('mermaidSequences', () => {
  it('writes a flow in step order: nested calls reply inside out, async messages do not wait, the last saga step is the pivot, read-only steps say so', async () => {
    const [first, second] = mermaidSequences(DESIGN);
    expect(first!.text).toMatchInlineSnapshot(`
      "sequenceDiagram
        title Place order (choreography saga)
        participant p0 as Gateway
        participant p1 as Order
        participant p2 as Orders DB
        participant p3 as Kafka
        participant p4 as Payment
        p0->>p1: POST /orders
        Note over p0,p1: compensation: cancel order
        p1->>p2: sql
        Note over p1,p2: read-only
        p2-->>p1: rows
        p1-)p3: order.created (OrderCreated v1)
        p1-->>p0: response
        p3-)p4: order.created
        Note over p3,p4: pivot (go/no-go)
      "
    `);
    expect([first!.fileName, second!.fileName]).toEqual(['place-order.mmd', 'place-order-2.mmd']);
    await parseSequence(first!.text);
  });

  it('with no flows, walks sync calls from each client, once per node, through cycles', async () => {
    const diagrams = mermaidSequences({ ...DESIGN, flows: [] });
    expect(diagrams.map((d) => d.name)).toEqual(['Web']);
    const db = await parseSequence(diagrams[0]!.text);
    const messages = db.getMessages().map((m) => m.message);
    expect(messages).toEqual(['rest', 'POST /orders', 'sql', 'rows', 'rest', 'response', 'response', 'response']);
  });

  it.each(getTestDesigns())('$id: every diagram parses with mermaid', async ({ design }) => {
    const diagrams = mermaidSequences(design);
    expect(diagrams.length).toBeGreaterThan(0);
    expect(new Set(diagrams.map((d) => d.fileName)).size).toBe(diagrams.length);
    for (const diagram of diagrams) await parseSequence(diagram.text);
  });

  it('renders any participant name, channel, operation and flow name as text', async () => {
    await fc.assert(
      fc.asyncProperty(nastyDesign, async (design) => {
        const [diagram, ...rest] = mermaidSequences(design);
        expect(rest).toHaveLength(0);
        const db = await parseSequence(diagram!.text);
        const actors = [...db.getActors().values()].map((actor) => shownMermaidText(actor.description));
        const expected = ['edge gw', 'end', 'bus', '../x', 'ext'].map((id) => expectedMermaidText(design.nodes[id]!.name));
        expect(actors).toEqual(expected);
        const messages = db.getMessages().map((m) => shownMermaidText(m.message));
        const [, call, , publish] = design.links;
        expect(messages).toContain(expectedMermaidText(call!.operations!.join(', ')));
        expect(messages).toContain(expectedMermaidText(`${publish!.channel!} (${publish!.message!.name!} v1)`));
        expect(messages).toContain(expectedMermaidText(`compensation: ${design.flows![0]!.steps[0]!.compensation!}`));
        expect(diagram!.fileName).toMatch(/^[a-z0-9-]+\.mmd$/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('sequence export stays near-linear (issue 11, item 6)', () => {
  it('10,000 clients with one name: unique file names, quickly', () => {
    const nodes: Design['nodes'] = { api: { kind: 'service', name: 'API' } };
    const links: Design['links'] = [];
    for (let i = 0; i < 10_000; i++) {
      nodes[`c${i}`] = { kind: 'client', name: 'Web' };
      links.push({ from: `c${i}`, to: 'api', kind: 'sync' });
    }
    const start = performance.now();
    const diagrams = mermaidSequences({ signalbox: 1, name: 'Many', nodes, links });
    expect(performance.now() - start).toBeLessThan(5000);
    expect(new Set(diagrams.map((d) => d.fileName)).size).toBe(10_000);
    expect(diagrams[1]!.fileName).toBe('web-2.mmd');
    expect(diagrams[9999]!.fileName).toBe('web-10000.mmd');
  });
});
