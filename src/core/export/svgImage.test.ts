// @vitest-environment jsdom
// jsdom's DOMParser parses image/svg+xml with a strict XML parser (saxes).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDesign } from '../format/read';
import { TEMPLATES } from '../templates';
import type { Design } from '../model/types';
import { getLinkId } from '../model/ids';
import { lintDesign } from '../rules/engine';
import { NOT_XML, escapeXml, writeSvgImage } from './svgImage';

/** Parsed by a strict XML parser (jsdom's, saxes): a malformed file yields a <parsererror>. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not XML: ${error.textContent}`);
  return doc;
}

function template(id: string): Design {
  return readDesign(TEMPLATES.find((t) => t.id === id)!.yaml).design!;
}

function withName(design: Design, name: string): Design {
  const [id, node] = Object.entries(design.nodes)[0]!;
  return { ...design, nodes: { ...design.nodes, [id]: { ...node, name } } };
}

describe('writeSvgImage', () => {
  for (const t of TEMPLATES) {
    it(`${t.id}: real SVG elements, every card and link, well under 300 KB`, () => {
      const design = template(t.id);
      const { svg, width, height } = writeSvgImage(design);
      const doc = parseSvg(svg);
      const root = doc.documentElement;
      expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(root.localName).toBe('svg');
      expect(root.getAttribute('width')).toBe(String(width));
      expect(height).toBeGreaterThan(64);
      expect(doc.getElementsByTagName('foreignObject')).toHaveLength(0);
      expect(svg).not.toMatch(/xhtml|<div|<span/);
      const nodes = [...doc.querySelectorAll('g.node')];
      expect(nodes).toHaveLength(Object.keys(design.nodes).length);
      expect(doc.querySelectorAll('g.links > path')).toHaveLength(design.links.length);
      expect(doc.querySelectorAll('g.link-label')).toHaveLength(design.links.length);
      // Each card shows its name (cut with … when long).
      const names = nodes.map((g) => g.querySelector('text')!.textContent);
      for (const node of Object.values(design.nodes))
        expect(names.some((name) => node.name.startsWith(name!.replace(/…$/, '')))).toBe(true);
      const bytes = new TextEncoder().encode(svg).length;
      console.log(`${t.id}: ${(bytes / 1024).toFixed(1)} KB, ${width} x ${height}`);
      expect(bytes).toBeLessThan(300 * 1024);
    });
  }

  it("draws each kind in the canvas's shape: a database is a cylinder, a broker a pill, an external API dashed", () => {
    const kinds = ['service', 'gateway', 'broker', 'database', 'client', 'external'] as const;
    const design: Design = {
      signalbox: 1,
      name: 'Kinds',
      nodes: Object.fromEntries(kinds.map((kind, i) => [kind, { kind, name: kind, at: [i * 240, 0] as [number, number] }])),
      links: [],
    } as Design;
    const doc = parseSvg(writeSvgImage(design).svg);
    const shapeOf = (kind: string) => doc.querySelector(`g.node--${kind} .shape`)!;
    for (const kind of kinds) expect(shapeOf(kind).getAttribute('class')).toBe(`shape shape--${kind}`);
    // The database: a path with elliptical arcs top and bottom, not a box.
    const db = shapeOf('database');
    expect(db.localName).toBe('path');
    expect(db.getAttribute('d')!.match(/A/g)).toHaveLength(2);
    // The broker: a pill (corner radius half its height); the service a card with rounded corners.
    expect(shapeOf('broker').getAttribute('rx')).toBe('32');
    expect(shapeOf('service').localName).toBe('rect');
    expect(shapeOf('service').getAttribute('rx')).toBe('12');
    expect(shapeOf('external').getAttribute('stroke-dasharray')).toBe('6 4');
    expect(shapeOf('service').getAttribute('stroke-dasharray')).toBeNull();
    expect(shapeOf('client').getAttribute('rx')).toBe('4');
  });

  it('escapes hostile names: a <script> name is text, quotes and & survive', () => {
    const hostile = `<script>alert("x")</script>`;
    const design = withName(template('food-delivery'), hostile);
    const quoted = withName(template('ecommerce'), `Tom's "A" & B`);
    for (const [d, name] of [
      [design, hostile],
      [quoted, `Tom's "A" & B`],
    ] as const) {
      const { svg } = writeSvgImage(d);
      const doc = parseSvg(svg);
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      const texts = [...doc.querySelectorAll('g.node title, g.node text')].map((e) => e.textContent);
      expect(texts).toContain(name);
    }
  });

  it('any name parses and reads back as itself, less what XML cannot carry (property)', () => {
    // One card: the property is about text, and a parse of a whole template per run is slow.
    const full = template('ecommerce');
    const [firstId, firstNode] = Object.entries(full.nodes)[0]!;
    const base: Design = { ...full, nodes: { [firstId]: firstNode }, links: [] };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        const { svg } = writeSvgImage({ ...withName(base, name), name });
        const doc = parseSvg(svg);
        const clean = name.replace(NOT_XML, '');
        expect(doc.querySelector('svg > title')!.textContent).toBe(clean.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 50 },
    );
  });

  it('draws finding badges with their colours, and none when badges are hidden', () => {
    const design = template('food-delivery');
    const findings = lintDesign(design);
    const nodes: Record<string, 'error' | 'warning' | 'info'> = {};
    const links: Record<string, 'error' | 'warning' | 'info'> = {};
    for (const f of findings) {
      for (const id of f.nodes) nodes[id] ??= f.severity;
      for (const id of f.links) links[id] ??= f.severity;
    }
    expect(Object.keys(links).length).toBeGreaterThan(0);
    const shown = parseSvg(writeSvgImage(design, { badges: { nodes, links } }).svg);
    const linkBadges = shown.querySelectorAll('g.link-label g.badge');
    expect(linkBadges.length).toBe(design.links.filter((l) => links[getLinkId(l)]).length);
    for (const b of linkBadges) expect(b.querySelector('circle')!.getAttribute('fill')).toMatch(/^#(dc2626|f59e0b|0284c7)$/);
    const hidden = parseSvg(writeSvgImage(design, { badges: null }).svg);
    expect(hidden.querySelectorAll('g.badge')).toHaveLength(0);
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
