import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { gridYaml } from './fixtures/gridDesign';

async function canvasMiddle(
  page: Page,
): Promise<{ x: number; y: number; box: { x: number; y: number; width: number; height: number } }> {
  const box = (await page.getByRole('application', { name: 'Design canvas' }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

async function frame(page: Page, text: string, option: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(text);
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText(option);
  await page.keyboard.press('Enter');
}

test('far out in a large design the blocks are the design: click, drag, undo, box select, what-if, rename', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.openFile('grid.signalbox.yaml', gridYaml());
  await expect(app.designName()).toHaveValue('Grid of 441');
  await page.getByRole('button', { name: 'Fit view' }).click();
  // What a person sees: the design as blocks, one picture, no card element each.
  await expect(page.getByRole('img', { name: /zoomed far out, every node a block/ })).toBeVisible();
  await expect(app.cards()).toHaveCount(0);

  // A click on the middle block selects it.
  const middle = await canvasMiddle(page);
  await page.mouse.click(middle.x, middle.y);
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Centre');

  // Drag it right by about a column and a half (at ~0.15 a column is ~39 px on screen).
  await page.mouse.move(middle.x, middle.y);
  await page.mouse.down();
  for (let step = 1; step <= 6; step++) await page.mouse.move(middle.x + step * 10, middle.y);
  await page.mouse.up();

  // Zoomed in on it, the cards are elements again: Centre now stands right of its old neighbour.
  await frame(page, 'Centre', 'Centre');
  const rightOf = async () => {
    const centre = await app.card('Centre').boundingBox();
    const neighbour = await app.card('S 11 10').boundingBox();
    return centre && neighbour ? centre.x - neighbour.x : Number.NaN;
  };
  await expect.poll(rightOf).toBeGreaterThan(0);

  // One undo step puts it back, left of its neighbour.
  await page.keyboard.press('Control+z');
  await expect.poll(rightOf).toBeLessThan(0);

  // Far out again, a drag on empty canvas (above the grid) box-selects the blocks it covers.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(app.cards()).toHaveCount(0);
  const { box } = await canvasMiddle(page);
  await page.mouse.move(box.x + 20, middle.y - 260);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(box.x + 20 + step * 25, middle.y - 260 + step * 20);
  await page.mouse.up();
  await expect(page.getByText(/^\d+ nodes, 0 links selected$/)).toBeVisible();

  // A click on empty canvas clears the selection, as it does zoomed in.
  await page.mouse.click(box.x + 20, middle.y - 260);
  await expect(page.getByText('Select a node or a link to edit it')).toBeVisible();

  // What-if: a click on a block takes the node down, as a click on its card does.
  await page.getByRole('tab', { name: 'What if' }).click();
  const panel = page.getByRole('tabpanel', { name: 'What if' });
  await panel.getByRole('button', { name: 'Start what-if' }).click();
  await page.mouse.click(middle.x, middle.y);
  await panel.getByRole('searchbox').click();
  await page.keyboard.type('Centre');
  await expect(panel.getByRole('checkbox', { name: 'Centre', exact: true })).toBeChecked();
  await panel.getByRole('button', { name: 'Leave what-if' }).click();

  // A double-click on a block zooms to it and opens its name, too small to type into out there.
  await page.mouse.dblclick(middle.x, middle.y);
  const name = page.getByRole('textbox', { name: 'Name of Centre' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Hub');
  await page.keyboard.press('Enter');
  await expect(app.card('Hub')).toBeVisible();
});
