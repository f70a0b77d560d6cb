import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'View' });
const canvasOf = (page: Page) => page.getByRole('application', { name: 'Design canvas' });
/** A card by its name, as a screen reader finds it. */
const nodeNamed = (page: Page, name: string) => canvasOf(page).getByRole('group', { name, exact: true });
/** Every node's card drawn (none of these views collapses a group). */
const drawnCards = (page: Page) => new CanvasPage(page).cards();

test('collapse the design into groups, expand one in place, and go back to services', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await expect(nodeNamed(page, 'Payment')).toBeVisible();

  await toolbar(page).getByRole('radio', { name: 'Groups' }).click();
  await expect(toolbar(page).getByRole('radio', { name: 'Groups' })).toHaveAttribute('aria-checked', 'true');
  // Each group is one card, named as it reads: the services inside are no longer drawn.
  await expect(app.canvas.getByRole('group', { name: 'Group payments', exact: true })).toContainText('payments');
  await expect(app.canvas.getByRole('group', { name: 'Group payments', exact: true })).toContainText(/Group · \d+ nodes/);
  await expect(page.getByRole('button', { name: 'Expand payments' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Expand ordering' })).toBeVisible();
  await expect(nodeNamed(page, 'Payments DB')).toHaveCount(0);
  await expect(toolbar(page).getByRole('status')).toContainText('collapsed');
  // Links between groups are folded into one edge that says how many it stands for.
  const folded = app.canvas.getByRole('group', { name: /^Group ordering to Group payments: \d+ calls?/ });
  await expect(folded).toHaveCount(1);
  await expect(folded.getByText(/^\d+ calls?( · \d+ messages?)?$/)).toBeVisible();

  await page.getByRole('button', { name: 'Expand payments' }).click();
  await expect(nodeNamed(page, 'Payments DB')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Expand ordering' })).toBeVisible();

  await toolbar(page).getByRole('radio', { name: 'Services' }).click();
  await expect(page.getByRole('button', { name: /^Expand / })).toHaveCount(0);
  await expect(nodeNamed(page, 'Orders DB')).toHaveCount(1);
});

test('focus on a node, widen the focus, and leave it', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  const total = await drawnCards(page).count();
  await nodeNamed(page, 'Payments DB').click();
  await toolbar(page).getByRole('button', { name: 'Focus' }).click();
  // One hop from the payments database: Payment only.
  await expect(drawnCards(page)).toHaveCount(2);
  await expect(toolbar(page).getByRole('status')).toHaveText(`2 of ${total} nodes`);
  await toolbar(page).getByRole('button', { name: 'More hops' }).click();
  await expect(toolbar(page)).toContainText('2 hops');
  const two = await drawnCards(page).count();
  expect(two).toBeGreaterThan(2);
  await toolbar(page).getByRole('button', { name: 'Show all' }).click();
  await expect(drawnCards(page)).toHaveCount(total);
  await expect(toolbar(page).getByRole('button', { name: 'Show all' })).toHaveCount(0);
});

test('search with Ctrl+K and with /, and frame the hit', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.clickEmptyCanvas();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search nodes, links, channels and findings' });
  await expect(search).toBeFocused();
  await page.keyboard.type('payments db');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Payments DB');
  await page.keyboard.press('Enter');
  await expect(search).toHaveCount(0);
  // The hit is selected (the inspector shows it) and framed on screen.
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Payments DB');
  await expect(nodeNamed(page, 'Payments DB')).toBeInViewport();

  await app.clickEmptyCanvas();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('delivery.status');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('delivery.status');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(search).toHaveCount(0);

  await page.keyboard.press('/');
  await page.keyboard.type('no such thing');
  await expect(page.getByText('Nothing matches “no such thing”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
});

test('save a view in the design and open it from a view link', async ({ page, context }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await toolbar(page).getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('dialog', { name: 'Filter' }).getByRole('checkbox', { name: 'payments' }).check();
  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByRole('button', { name: 'Filter (1)' })).toBeVisible();
  const shown = await drawnCards(page).count();

  await toolbar(page).getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('Payments team');
  await page.keyboard.press('Enter');
  await expect(toolbar(page).getByRole('status')).toContainText('Payments team');

  // The view is in the design: one undo step removes it, redo brings it back.
  await app.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await toolbar(page).getByRole('button', { name: 'Views' }).click();
  await expect(page.getByText('No saved views yet.', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+z');
  await expect(toolbar(page).getByRole('button', { name: 'Views (1)' })).toBeVisible();

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await expect(dialog.getByRole('combobox', { name: 'Opens on' })).toHaveValue('Payments team');
  const viewLink = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  expect(viewLink).toContain('&view=Payments%20team');

  const viewer = await context.newPage();
  await viewer.goto(viewLink);
  await expect(viewer.getByRole('toolbar', { name: 'View' }).getByRole('status')).toContainText('Payments team');
  await expect(drawnCards(viewer)).toHaveCount(shown);
  // A view link edits nothing: no way to save or delete views there.
  await viewer.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: 'Views (1)' }).click();
  await expect(viewer.getByRole('menuitem', { name: 'Save current view…' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete view Payments team' })).toHaveCount(0);
});
