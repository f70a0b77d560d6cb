import { expect, test } from '@playwright/test';
import { generateLargeDesign, generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * Opening a large design (issue 16): only the cards on screen are drawn at first (culling), and
 * the fit button still fits all of it, cards never on screen included.
 */
test('a large design opens with only the cards on screen drawn, and Fit view shows every card', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  const options = { services: 300 };
  const total = Object.keys(generateLargeDesign(options).nodes).length;
  expect(total).toBeGreaterThan(400);
  await app.openFile('large.signalbox.yaml', generateLargeDesignYaml(options));
  await expect(page.getByText('Opened large.signalbox.yaml')).toBeVisible();
  await expect(app.nodes().first()).toBeVisible();
  // The first view is at a readable zoom: a part of the design, not every card in the page.
  expect(await app.nodes().count()).toBeLessThan(total / 2);

  await page.getByRole('button', { name: /fit view/i }).click();
  // Fitted, every card is on screen, so every card is drawn.
  await expect(app.nodes()).toHaveCount(total);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const boxes = await app.nodes().evaluateAll((cards) =>
    cards.map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.x).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    expect(b.y).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
});
