import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './fixtures/appPage';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * Issue 10's picture leftovers, as a person meets them: the SVG from the Export tab is real SVG
 * (shapes and text, no HTML inside), PNG and SVG leave the badges out when the canvas hides them,
 * a view link can open without badges, and a link's finding badge is drawn in its colour.
 */

async function parseInBrowser(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      root: doc.documentElement.namespaceURI,
      foreignObjects: doc.getElementsByTagName('foreignObject').length,
      html: doc.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', '*').length,
      cards: doc.querySelectorAll('g.node').length,
      links: doc.querySelectorAll('g.links > path[marker-end]').length,
      badges: doc.querySelectorAll('g.badge').length,
      names: [...doc.querySelectorAll('g.node > text:first-of-type')].map((t) => t.textContent),
    };
  }, text);
}

test('the SVG download is real SVG, and PNG and SVG leave out the badges the canvas hides', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.openFresh();
  const cardsOnCanvas = await new CanvasPage(page).cards().count();
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  const formats = page.getByRole('tablist', { name: 'Export format' });
  await formats.getByRole('tab', { name: 'SVG', exact: true }).click();
  const svgRegion = page.getByRole('region', { name: 'SVG', exact: true });
  await expect(svgRegion.getByRole('img', { name: 'The canvas as SVG' })).toBeVisible({ timeout: 30_000 });
  const svg = await app.downloadText(svgRegion.getByRole('button', { name: 'Download SVG' }));
  expect(svg.name).toBe('food-delivery-platform.svg');
  const drawn = await parseInBrowser(page, svg.text);
  expect(drawn).toMatchObject({ error: false, root: 'http://www.w3.org/2000/svg', foreignObjects: 0, html: 0 });
  expect(drawn.cards).toBe(cardsOnCanvas);
  expect(drawn.links).toBeGreaterThan(10);
  expect(drawn.names).toContain('Order');
  expect(drawn.badges).toBeGreaterThan(0);
  expect(svg.text.length).toBeLessThan(300 * 1024);
  await writeFile(test.info().outputPath('food-delivery.svg'), svg.text);

  // Hide the badges with the canvas's button: the picture follows.
  await page.getByRole('button', { name: 'Hide finding badges' }).click();
  await expect(svgRegion.getByText('Finding badges are hidden')).toBeVisible();
  const clean = await app.downloadText(svgRegion.getByRole('button', { name: 'Download SVG' }));
  expect((await parseInBrowser(page, clean.text)).badges).toBe(0);

  await formats.getByRole('tab', { name: 'PNG', exact: true }).click();
  const pngRegion = page.getByRole('region', { name: 'PNG', exact: true });
  await expect(pngRegion.getByRole('img', { name: 'The canvas as PNG' })).toBeVisible({ timeout: 30_000 });
  const png = await app.download(pngRegion.getByRole('button', { name: 'Download PNG' }));
  expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // Twice the SVG's size: the PNG is that drawing rasterised.
  const width = png.data.readUInt32BE(16);
  expect(width).toBeGreaterThan(1000);
  await writeFile(test.info().outputPath('food-delivery.png'), png.data);

  // What the downloaded SVG looks like, at the two screen sizes we check.
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    const viewer = await page.context().newPage();
    await viewer.setViewportSize({ width: w, height: h });
    await viewer.setContent(`<body style="margin:0">${svg.text}</body>`);
    await viewer.screenshot({ path: test.info().outputPath(`svg-export-${w}.png`) });
    await viewer.close();
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('export-png-tab-1024.png') });
});

test('a view link can open without finding badges', async ({ page, browser }) => {
  const app = new AppPage(page);
  await app.openFresh();
  await page.getByRole('button', { name: 'Hide finding badges' }).click();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const option = dialog.getByRole('checkbox', { name: 'Open without finding badges' });
  // The canvas's choice is the default; the sender can change it.
  await expect(option).toBeChecked();
  const link = await dialog.getByRole('textbox', { name: 'View link', exact: true }).inputValue();
  expect(link).toMatch(/&badges=off$/);
  await option.uncheck();
  await expect(dialog.getByRole('textbox', { name: 'View link', exact: true })).not.toHaveValue(/badges=off/);

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole('region', { name: 'View only' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Hide finding badges' })).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.getByRole('img', { name: /finding/ })).toHaveCount(0);
  await context.close();
});

const DESIGN = `signalbox: 1
name: Badge colour
nodes:
  order: { kind: service, name: Order, replicas: 2, at: [0, 0] }
  db: { kind: database, name: Orders DB, replicas: 2, at: [320, 0] }
links:
  - { from: order, to: db, kind: sync, protocol: sql }
`;

test("a link's finding badge is drawn in its severity's colour, not black", async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.openFile('badge.signalbox.yaml', DESIGN);
  await app.waitForStillView(app.card('Orders DB'));
  const badge = app.link('Order', 'Orders DB').getByRole('img', { name: 'error finding' });
  await expect(badge).toBeVisible();
  // The dot a person sees: its painted fill is the error red (#dc2626), not the SVG default black.
  const fill = await badge
    .locator('circle')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  expect(fill).toBe('rgb(220, 38, 38)');
  await app.linkLabelOf('Order', 'Orders DB').screenshot({ path: test.info().outputPath('edge-badge.png') });
  await page.screenshot({ path: test.info().outputPath('edge-badge-canvas-1440.png') });
});
