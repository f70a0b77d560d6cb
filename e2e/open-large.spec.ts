import { expect, test } from '@playwright/test';
import { generateLargeDesign, generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * Opening a large design (issue 16): only the cards on screen are drawn at first (culling), and
 * the fit button still fits all of it, cards never on screen included: far out the design is
 * drawn as blocks, and a box over the whole canvas selects every node.
 */
test('a large design opens with only the cards on screen drawn, and Fit view shows every card', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  const options = { services: 300 };
  const total = Object.keys(generateLargeDesign(options).nodes).length;
  expect(total).toBeGreaterThan(400);
  await app.openFile('large.signalbox.yaml', generateLargeDesignYaml(options));
  await expect(page.getByText('Opened large.signalbox.yaml')).toBeVisible();
  await expect(app.cards().first()).toBeVisible();
  // The first view is at a readable zoom: a part of the design, not every card in the page.
  expect(await app.cards().count()).toBeLessThan(total / 2);

  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByRole('img', { name: /zoomed far out, every node a block/ })).toBeVisible();
  await expect(app.cards()).toHaveCount(0);
  // Everything is in view: a box from one corner of the canvas to the other takes every node.
  const box = (await app.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++)
    await page.mouse.move(
      box.x + box.width - 4 - (step * (box.width - 8)) / 10,
      box.y + box.height - 4 - (step * (box.height - 8)) / 10,
    );
  await page.mouse.up();
  await expect(page.getByText(new RegExp(`^${total} nodes, \\d+ links? selected$`))).toBeVisible();
});
