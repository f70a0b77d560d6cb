import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures';
import { generateLargeDesignYaml } from '../fixtures/generate';
import { readDesign } from '../format/read';
import { writeDesignYaml } from '../format/write';
import type { Design } from '../model/types';
import { TEMPLATES } from '../templates';
import { createPathLocator } from '../format/locatePath';
import { scanElementLines } from './scanLines';

const EXAMPLE = readFileSync(join(__dirname, '..', 'format', 'fixtures', 'format-example.signalbox.yaml'), 'utf8');

/** The scan's lines against the Document's (the core's locatePath), for every node and link. */
function expectSameLines(text: string): void {
  const design = readDesign(text).design!;
  const scanned = scanElementLines(text, design);
  expect(scanned).toBeDefined();
  const locate = createPathLocator(text);
  for (const id of Object.keys(design.nodes)) expect([id, scanned!.node(id)]).toEqual([id, locate(['nodes', id])?.line]);
  design.links.forEach((_, i) => expect([i, scanned!.link(i)]).toEqual([i, locate(['links', i])?.line]));
}

describe('scanElementLines', () => {
  it.each([
    ['the format.md example', EXAMPLE] as const,
    ...TEMPLATES.map((t) => [`template ${t.id}`, t.yaml] as const),
    ...FIXTURES.map((f) => [`fixture ${f.id}`, f.yaml] as const),
    ['a generated 100-service design', generateLargeDesignYaml({ services: 100 })] as const,
  ])('finds the lines the yaml Document finds in %s', (_, text) => expectSameLines(text));

  it('finds quoted ids, links at column 0 and CRLF line ends', () => {
    const text =
      "signalbox: 1\r\nname: X\r\nnodes:\r\n  \"my node\": { kind: service, name: A }\r\n  'it''s':\r\n    kind: service\r\n    name: B\r\nlinks:\r\n- from: my node\r\n  to: \"it's\"\r\n  kind: sync\r\n";
    const scanned = scanElementLines(text, readDesign(text).design!)!;
    expect([scanned.node('my node'), scanned.node("it's"), scanned.link(0)]).toEqual([4, 5, 9]);
  });

  it.each([
    ['flow-style nodes', 'signalbox: 1\nname: X\nnodes: { a: { kind: service, name: A } }\nlinks: []\n'],
    ['JSON', '{"signalbox": 1, "name": "X", "nodes": {"a": {"kind": "service", "name": "A"}}, "links": []}'],
    ['an explicit document start', '---\nsignalbox: 1\nname: X\nnodes:\n  a: { kind: service, name: A }\n'],
  ])('gives up on %s, so the caller asks the Document', (_, text) => {
    expect(scanElementLines(text, readDesign(text, text.startsWith('{') ? 'x.json' : undefined).design!)).toBeUndefined();
  });

  it('gives up when what it finds is not the design (a hand-made design for another text)', () => {
    const design = readDesign(EXAMPLE).design!;
    expect(scanElementLines(EXAMPLE, { ...design, links: design.links.slice(1) } as Design)).toBeUndefined();
    expect(scanElementLines(EXAMPLE, { ...design, nodes: { ...design.nodes, extra: design.nodes.web! } })).toBeUndefined();
  });

  it('agrees with the Document on any names, notes and comments the writer puts out (property)', () => {
    const base = readDesign(EXAMPLE).design!;
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), (id, notes) => {
        const nodeId = id.trim() === '' || id === '__proto__' ? 'x' : id;
        const design: Design = {
          ...base,
          nodes: { ...base.nodes, [nodeId]: { kind: 'service', name: 'N', notes } },
          links: [...base.links, { from: nodeId, to: 'order', kind: 'sync' }],
        };
        const text = writeDesignYaml(design);
        const read = readDesign(text).design;
        if (!read) return; // an id the format refuses
        const scanned = scanElementLines(text, read);
        if (scanned === undefined) return; // gave up: the Document answers instead
        const locate = createPathLocator(text);
        for (const nid of Object.keys(read.nodes)) expect(scanned.node(nid)).toBe(locate(['nodes', nid])?.line);
        read.links.forEach((_, i) => expect(scanned.link(i)).toBe(locate(['links', i])?.line));
      }),
      { numRuns: 300 },
    );
  });
});
