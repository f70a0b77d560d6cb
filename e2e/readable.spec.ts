import { expect, test, type Locator } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { CodeView } from './fixtures/codeView';

/**
 * Issue 10's readability journeys, as a person checks them by eye: on the food delivery template
 * at 1440x900 no link is drawn through another card and no two labels cover each other; in the
 * code view a line longer than the editor is wide stays reachable without the editor growing
 * past its pane. Geometry is read from the cards and links a person sees, found by their names.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Points along a link's drawn line, on the screen (every 4 px of its length). */
async function pointsAlong(link: Locator): Promise<{ x: number; y: number }[]> {
  // The link's first <path> is its drawn line (the next one is the wider invisible hit area).
  return link
    .locator('path')
    .first()
    .evaluate((path: SVGPathElement) => {
      const matrix = path.getScreenCTM();
      if (!matrix) return [];
      const length = path.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let at = 0; at <= length; at += 4) {
        const p = path.getPointAtLength(at).matrixTransform(matrix);
        points.push({ x: p.x, y: p.y });
      }
      return points;
    });
}

const inside = (p: { x: number; y: number }, b: Box, margin: number) =>
  p.x > b.x + margin && p.x < b.x + b.width - margin && p.y > b.y + margin && p.y < b.y + b.height - margin;

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('food delivery at 1440x900: no link crosses another card, no two link labels overlap', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.waitForStillView(app.card('Payment'));

  const cards = app.cards();
  const cardCount = await cards.count();
  expect(cardCount).toBeGreaterThanOrEqual(15);
  const boxes = new Map<string, Box>();
  for (let i = 0; i < cardCount; i++) {
    const card = cards.nth(i);
    const name = (await card.getAttribute('aria-label')) ?? '';
    const box = await card.boundingBox();
    expect(box, `the card ${name} is drawn`).not.toBeNull();
    boxes.set(name, box!);
  }

  // Every link, by its name `<from> to <to>: <label>`; its own two cards are where it may touch.
  const links = app.canvas.getByRole('group', { name: / to .*: / });
  const linkCount = await links.count();
  expect(linkCount).toBeGreaterThanOrEqual(20);
  const crossings: string[] = [];
  const labels: { name: string; box: Box }[] = [];
  for (let i = 0; i < linkCount; i++) {
    const link = links.nth(i);
    const name = (await link.getAttribute('aria-label')) ?? '';
    const ends = [...boxes.keys()].filter((card) => name.startsWith(`${card} to `) || name.includes(` to ${card}: `));
    expect(ends.length, `both ends of ${name} are cards on the canvas`).toBeGreaterThanOrEqual(2);
    const points = await pointsAlong(link);
    expect(points.length, `${name} is drawn`).toBeGreaterThan(2);
    for (const [card, box] of boxes) {
      if (ends.includes(card)) continue;
      // 2 px in from the card's edge: a line running along a border does not cross it.
      if (points.some((p) => inside(p, box, 2))) crossings.push(`${name} crosses ${card}`);
    }
    // The label's pill (its first <rect>): what a person reads, and what must not hide another.
    const pill = await link.locator('rect').first().boundingBox();
    expect(pill, `${name} has a label`).not.toBeNull();
    labels.push({ name, box: pill! });
  }
  expect(crossings).toEqual([]);

  const overlaps: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (overlap(labels[i]!.box, labels[j]!.box)) overlaps.push(`${labels[i]!.name} / ${labels[j]!.name}`);
  expect(overlaps).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('food-delivery-1440.png') });
});

test.describe('a long line in the code view', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('does not widen the editor past its pane, and scrolls sideways to its end and back', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    const code = new CodeView(page);
    await code.open();
    const panelBefore = (await code.panel.boundingBox())!;

    // The description line, made far longer than the editor is wide, typed as a person types.
    await code.goToLineWith('description:');
    const tail = ' then the courier brings it across town while the app shows every step on a map, minute by minute,';
    await page.keyboard.type(`${tail}${tail} until the door END-OF-LONG-LINE`);
    await expect(code.status).toHaveText(/^valid/);
    // The whole line reached the design: the inspector's Description ends with it.
    await expect(page.getByRole('tabpanel').getByRole('textbox', { name: 'Description' })).toHaveValue(
      /minute by minute, until the door END-OF-LONG-LINE$/,
    );

    // The pane keeps its size and stays on the screen; the editor does not grow past it.
    const panelAfter = (await code.panel.boundingBox())!;
    expect(panelAfter.width).toBe(panelBefore.width);
    expect(panelAfter.x + panelAfter.width).toBeLessThanOrEqual(1440);
    const end = code.panel.getByText('END-OF-LONG-LINE');
    // At the line's end (where typing left the cursor) the end is in view, inside the pane.
    await expect(end).toBeInViewport();
    // (Monaco draws the description's text as one piece: its right edge is where the line ends.)
    const endBox = (await end.boundingBox())!;
    const lineEnd = endBox.x + endBox.width;
    expect(lineEnd).toBeLessThanOrEqual(panelAfter.x + panelAfter.width);
    expect(lineEnd).toBeGreaterThan(panelAfter.x);
    // It was scrolled to: the line's start is off to the left.
    expect(endBox.x).toBeLessThan(panelAfter.x);

    // Home: the line's start is back in view and its end is off to the right (it scrolls, not wraps).
    await page.keyboard.press('Home');
    await expect(code.panel.getByText('description:', { exact: false }).first()).toBeInViewport();
    await expect
      .poll(async () => {
        const box = await end.boundingBox();
        return box ? box.x + box.width > panelAfter.x + panelAfter.width : false;
      })
      .toBe(true);
    await page.screenshot({ path: test.info().outputPath('code-long-line-1440.png') });
  });
});
