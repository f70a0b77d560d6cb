import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDesign } from '../format/read';
import { TEMPLATES } from '../templates';
import type { Design } from '../model/types';
import { getLabelWidth, getLinkLabel, getShortLabel } from '../model/linkLabel';
import { generateLargeDesign } from '../fixtures/generate';
import { placeUnplacedNodes } from './layout';
import { moveNodes } from '../model/edit';
import {
  AVOID_CARDS_UP_TO,
  BoxGrid,
  countBoxesCrossed,
  getCardBox,
  getCardLinkEnds,
  getOrthogonalRoute,
  measureRoutes,
  routeLinks,
  segmentCrossesBox,
  type Box,
} from './linkRoutes';

function cardsOf(design: Design): Map<string, Box> {
  const cards = new Map<string, Box>();
  for (const [id, node] of Object.entries(design.nodes)) if (node.at) cards.set(id, getCardBox(node.at));
  return cards;
}

function figures(design: Design, options: Parameters<typeof routeLinks>[2]) {
  const cards = cardsOf(design);
  const widths = design.links.map((l) => getLabelWidth(getShortLabel(getLinkLabel(l))));
  const routes = routeLinks(cards, design.links, { ...options, labelWidths: widths });
  return measureRoutes(cards, design.links, routes, widths);
}

describe('link routes on the templates', () => {
  for (const template of TEMPLATES) {
    it(`${template.id}: no link crosses a card and no labels overlap`, () => {
      const design = readDesign(template.yaml).design!;
      const before = figures(design, { avoidCards: false, placeLabels: false });
      const after = figures(design, {});
      console.log(`${template.id}: before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
      expect(after.cardCrossings).toBe(0);
      expect(after.labelOverlaps).toBe(0);
      expect(after.cardCrossings).toBeLessThanOrEqual(before.cardCrossings);
    });
  }
});

describe('segmentCrossesBox', () => {
  const box = { x: 0, y: 0, width: 100, height: 50 };
  it('sees a segment through the box and not one beside it', () => {
    expect(segmentCrossesBox([-10, 25], [110, 25], box)).toBe(true);
    expect(segmentCrossesBox([-10, 60], [110, 60], box)).toBe(false);
    // Along the border is not through the card.
    expect(segmentCrossesBox([0, -10], [0, 60], box)).toBe(false);
  });
});

describe('orthogonal routes', () => {
  it('go around a card between the two ends', () => {
    const source = getCardBox([0, 0]);
    const wall = getCardBox([300, 0]);
    const target = getCardBox([600, 0]);
    const route = getOrthogonalRoute(getCardLinkEnds(source, target), 0, [wall], [source, target]);
    expect(countBoxesCrossed(route.points, [wall])).toBe(0);
    expect(route.path.startsWith('M184,32')).toBe(true);
  });

  it('never cross a card when a free way exists (property)', () => {
    // Cards on a grid with gaps: a channel between rows or columns is always free.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 3,
          maxLength: 14,
          selector: ([c, r]) => `${c},${r}`,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }),
        (cells, pairs) => {
          const cards = new Map(cells.map(([c, r], i) => [`n${i}`, getCardBox([c * 300, r * 160])]));
          const ids = [...cards.keys()];
          const links = pairs
            .map(([a, b]) => ({ from: ids[a % ids.length]!, to: ids[b % ids.length]! }))
            .filter((l) => l.from !== l.to);
          const routes = routeLinks(cards, links);
          const figure = measureRoutes(cards, links, routes, []);
          expect(figure.cardCrossings).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the card grid and the routing limit', () => {
  const box = fc.record({
    x: fc.integer({ min: -1500, max: 1500 }),
    y: fc.integer({ min: -1500, max: 1500 }),
    width: fc.integer({ min: 1, max: 400 }),
    height: fc.integer({ min: 1, max: 200 }),
  });
  const point = fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }));

  it('finds exactly the boxes a full scan finds a line crossing, in the order they were added (property)', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 60 }), fc.array(point, { minLength: 2, maxLength: 8 }), (boxes, line) => {
        const grid = new BoxGrid(128);
        for (const b of boxes) grid.add(b);
        const crossed = grid.crossedBy(line);
        expect(crossed).toEqual(boxes.filter((b) => countBoxesCrossed(line, [b]) > 0));
        expect(crossed.length).toBe(countBoxesCrossed(line, boxes));
      }),
      { numRuns: 300 },
    );
  });

  it('answers at once for a card a quadrillion pixels away (the format allows it; walking the cells between hung the tab)', () => {
    const cards = new Map([
      ['near', { x: 0, y: 0, width: 200, height: 80 }],
      ['far', { x: 1e15, y: -1e15, width: 200, height: 80 }],
      ['mid', { x: 400, y: -200, width: 200, height: 80 }],
    ]);
    const started = Date.now();
    const routes = routeLinks(cards, [{ from: 'near', to: 'far' }]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(routes).toHaveLength(1);
    const grid = new BoxGrid(256);
    for (const b of cards.values()) grid.add(b);
    // The same answer as a full scan, over the whole span.
    expect(grid.query(-10, -2e15, 2e15, 100)).toEqual([...cards.values()]);
    expect(grid.query(-10, -300, 700, 100)).toEqual([cards.get('near'), cards.get('mid')]);
  });

  it('routes the 199-card generated design: no link crosses a card (it was left to curves above 80 cards)', () => {
    let design = generateLargeDesign({ services: 100 });
    if (Object.values(design.nodes).some((n) => !n.at)) design = moveNodes(design, placeUnplacedNodes(design));
    const cards = cardsOf(design);
    expect(cards.size).toBeGreaterThan(80);
    expect(cards.size).toBeLessThanOrEqual(AVOID_CARDS_UP_TO);
    const curves = measureRoutes(cards, design.links, routeLinks(cards, design.links, { avoidCards: false }), []);
    const routed = measureRoutes(cards, design.links, routeLinks(cards, design.links), []);
    expect(curves.cardCrossings).toBeGreaterThan(0);
    expect(routed.cardCrossings).toBe(0);
    // Past the limit, links stay curves.
    const capped = measureRoutes(cards, design.links, routeLinks(cards, design.links, { maxCards: 80 }), []);
    expect(capped.cardCrossings).toBe(curves.cardCrossings);
  });
});
