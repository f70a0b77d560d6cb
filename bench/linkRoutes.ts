/**
 * Link routing and the SVG picture, before (every link its curve) and after (curves that would
 * cross a card routed around it, labels placed): `npx tsx bench/linkRoutes.ts`.
 * Prints figures side by side; it is not a timed test (machines differ).
 */
import { performance } from 'node:perf_hooks';
import { readDesign } from '../src/core/format/read';
import { TEMPLATES } from '../src/core/templates/index';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import { placeUnplacedNodes } from '../src/core/layout/layout';
import { moveNodes } from '../src/core/model/edit';
import { AVOID_CARDS_UP_TO, getCardBox, measureRoutes, routeLinks, type Box } from '../src/core/layout/linkRoutes';
import { getLabelWidth, getLinkLabel, getShortLabel } from '../src/core/model/linkLabel';
import { writeSvgImage } from '../src/core/export/svgImage';
import type { Design } from '../src/core/model/types';

function time<T>(fn: () => T, runs = 5): [T, number] {
  fn();
  const start = performance.now();
  let out = fn();
  for (let i = 1; i < runs; i++) out = fn();
  return [out, (performance.now() - start) / runs];
}

const designs: [string, Design][] = TEMPLATES.map((t) => [t.id, readDesign(t.yaml).design!]);
for (const services of [50, 100, 200]) {
  let design = generateLargeDesign({ services });
  if (Object.values(design.nodes).some((n) => !n.at)) design = moveNodes(design, placeUnplacedNodes(design));
  designs.push([`generated ${services}`, design]);
}

console.log(
  `design              cards links | crossings before after | label overlaps before after | route ms before after | svg KB   (the app routes up to ${AVOID_CARDS_UP_TO} cards)`,
);
for (const [name, design] of designs) {
  const cards = new Map<string, Box>();
  for (const [id, node] of Object.entries(design.nodes)) if (node.at) cards.set(id, getCardBox(node.at));
  const widths = design.links.map((l) => getLabelWidth(getShortLabel(getLinkLabel(l))));
  const [before, beforeMs] = time(() => routeLinks(cards, design.links, { avoidCards: false, labelWidths: widths }));
  // Routed at every size here (the app routes up to AVOID_CARDS_UP_TO cards).
  const [after, afterMs] = time(() => routeLinks(cards, design.links, { labelWidths: widths, maxCards: Infinity }));
  const b = measureRoutes(cards, design.links, before, widths);
  const a = measureRoutes(cards, design.links, after, widths);
  const svg = writeSvgImage(design).svg;
  console.log(
    `${name.padEnd(19)} ${String(cards.size).padStart(5)} ${String(design.links.length).padStart(5)} | ` +
      `${String(b.cardCrossings).padStart(16)} ${String(a.cardCrossings).padStart(5)} | ` +
      `${String(b.labelOverlaps).padStart(21)} ${String(a.labelOverlaps).padStart(5)} | ` +
      `${beforeMs.toFixed(1).padStart(15)} ${afterMs.toFixed(1).padStart(5)} | ${(svg.length / 1024).toFixed(0).padStart(6)}`,
  );
}
