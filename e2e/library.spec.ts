import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { SharePage } from './fixtures/sharePage';

/** The design library: many designs in this browser, none ever lost (duplicate, rename, switch, delete, undo). */

test('list, duplicate, rename, switch, delete and undo', async ({ page }) => {
  const app = new SharePage(page);
  await app.openFresh();

  let list = await app.openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const original = app.libraryItem(list, 'Food delivery platform');
  await expect(original).toHaveAttribute('aria-current', 'true');
  await expect(original).toContainText(/edited (just now|\d+ seconds? ago)/);

  await list.getByRole('button', { name: 'Duplicate Food delivery platform' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const copy = app.libraryItem(list, 'Food delivery platform (copy)');
  await expect(copy).toBeVisible();
  await expect(copy).not.toHaveAttribute('aria-current', 'true');

  await list.getByRole('button', { name: 'Rename Food delivery platform (copy)' }).click();
  const rename = list.getByRole('textbox', { name: 'New name' });
  await expect(rename).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Review copy');
  await page.keyboard.press('Enter');
  await expect(app.libraryItem(list, 'Review copy')).toBeVisible();
  // Renaming another design leaves the open one open.
  await expect(app.designName()).toHaveValue('Food delivery platform');

  // Switch, edit, and switch back at once: the edit is saved before the other design opens.
  await app
    .libraryItem(list, 'Review copy')
    .getByRole('button', { name: /^Review copy/ })
    .click();
  await expect(app.designName()).toHaveValue('Review copy');
  const nodes = new CanvasPage(page).cards();
  const nodeCount = await nodes.count();
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(nodes).toHaveCount(nodeCount + 1);
  list = await app.openLibrary();
  await app
    .libraryItem(list, 'Food delivery platform')
    .getByRole('button', { name: /^Food delivery platform/ })
    .click();
  await expect(app.designName()).toHaveValue('Food delivery platform');
  await expect(nodes).toHaveCount(nodeCount);
  list = await app.openLibrary();
  await app
    .libraryItem(list, 'Review copy')
    .getByRole('button', { name: /^Review copy/ })
    .click();
  await expect(nodes).toHaveCount(nodeCount + 1);

  // Delete the open design: the other one opens; Undo brings it back.
  list = await app.openLibrary();
  await list.getByRole('button', { name: 'Delete Review copy' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(app.designName()).toHaveValue('Food delivery platform');
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Review copy”' });
  await expect(toast).toContainText('Deleted “Review copy”');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toBeHidden();
  await expect(app.designName()).toHaveValue('Review copy');
  await expect(nodes).toHaveCount(nodeCount + 1);

  // Everything survives a reload.
  await page.reload();
  await expect(app.designName()).toHaveValue('Review copy');
  list = await app.openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(app.libraryItem(list, 'Review copy')).toHaveAttribute('aria-current', 'true');

  // New design: a third entry, the others stay.
  await page.getByRole('dialog', { name: 'Designs' }).getByRole('button', { name: 'New design' }).click();
  await expect(app.designName()).toHaveValue('Untitled design');
  list = await app.openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(3);
});
