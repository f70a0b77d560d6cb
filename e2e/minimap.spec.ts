import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { gridYaml } from './fixtures/gridDesign';
import { screenshotPath } from './fixtures/screenshots';

// A large design (441 cards, past the 400 where the canvas culls) keeps its minimap: one canvas
// picture of every card. A press on it moves the view there; a drag along it pans.

async function frame(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(text);
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText(text);
  await page.keyboard.press('Enter');
}

test('the minimap of a large design moves the view where it is pressed and dragged', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.openFile('grid.signalbox.yaml', gridYaml());
  await expect(app.designName()).toHaveValue('Grid of 441');
  await frame(page, 'Centre');
  await expect(app.card('Centre')).toBeVisible();
  await expect(app.card('S 0 10')).toHaveCount(0);

  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  const box = (await minimap.boundingBox())!;
  // The grid is wider than the minimap's shape: it spans the whole width, its middle row
  // at the minimap's middle. A press near the left edge shows the first column.
  await page.mouse.click(box.x + 9, box.y + box.height / 2);
  await expect(app.card('S 0 10')).toBeVisible();
  await expect(app.card('Centre')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('minimap-large-1440x900.png') });

  // Dragged to the right edge, the view follows to the last column.
  await page.mouse.move(box.x + 9, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(box.x + 9 + (step * (box.width - 18)) / 8, box.y + box.height / 2);
  await page.mouse.up();
  await expect(app.card('S 20 10')).toBeVisible();
  await expect(app.card('S 0 10')).toHaveCount(0);

  // The press moved the view, not the design: nothing to undo.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // A small window keeps its canvas for the design, as with a small design's minimap.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(minimap).toBeHidden();
  await page.screenshot({ path: screenshotPath('minimap-large-1024x700.png') });
});
