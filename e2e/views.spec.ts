import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './fixtures/appPage';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'View' });
const nodeNamed = (page: Page, name: string) => page.locator('.react-flow__node').filter({ hasText: name });

test('collapse the design into groups, expand one in place, and go back to services', async ({ page }) => {
  const app = new AppPage(page);
  await app.openFresh();
  await expect(nodeNamed(page, 'Payment').first()).toBeVisible();

  await toolbar(page).getByRole('radio', { name: 'Groups' }).click();
  await expect(toolbar(page).getByRole('radio', { name: 'Groups' })).toHaveAttribute('aria-checked', 'true');
  // Each group is one card: the services inside are no longer drawn.
  await expect(page.getByRole('button', { name: 'Expand payments' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Expand ordering' })).toBeVisible();
  await expect(nodeNamed(page, 'Payments DB')).toHaveCount(0);
  await expect(toolbar(page).getByRole('status')).toContainText('collapsed');
  // Links between groups are folded into one edge that says how many it stands for.
  await expect(page.locator('.sb-rollup-label').first()).toBeVisible();

  await page.getByRole('button', { name: 'Expand payments' }).click();
  await expect(nodeNamed(page, 'Payments DB')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Expand ordering' })).toBeVisible();

  await toolbar(page).getByRole('radio', { name: 'Services' }).click();
  await expect(page.getByRole('button', { name: /^Expand / })).toHaveCount(0);
  await expect(nodeNamed(page, 'Orders DB')).toHaveCount(1);
});

test('focus on a node, widen the focus, and leave it', async ({ page }) => {
  const app = new AppPage(page);
  await app.openFresh();
  const total = await page.locator('.react-flow__node').count();
  await nodeNamed(page, 'Payments DB').click();
  await toolbar(page).getByRole('button', { name: 'Focus' }).click();
  // One hop from the payments database: Payment only.
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(toolbar(page).getByRole('status')).toHaveText(`2 of ${total} nodes`);
  await toolbar(page).getByRole('button', { name: 'More hops' }).click();
  await expect(toolbar(page)).toContainText('2 hops');
  const two = await page.locator('.react-flow__node').count();
  expect(two).toBeGreaterThan(2);
  await toolbar(page).getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(total);
  await expect(toolbar(page).getByRole('button', { name: 'Show all' })).toHaveCount(0);
});

test('search with Ctrl+K and with /, and frame the hit', async ({ page }) => {
  const app = new AppPage(page);
  await app.openFresh();
  await page.locator('.react-flow__pane').click();
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

  await page.locator('.react-flow__pane').click();
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
  const app = new AppPage(page);
  await app.openFresh();
  await toolbar(page).getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('dialog', { name: 'Filter' }).getByRole('checkbox', { name: 'payments' }).check();
  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByRole('button', { name: 'Filter (1)' })).toBeVisible();
  const shown = await page.locator('.react-flow__node').count();

  await toolbar(page).getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('Payments team');
  await page.keyboard.press('Enter');
  await expect(toolbar(page).getByRole('status')).toContainText('Payments team');

  // The view is in the design: one undo step removes it, redo brings it back.
  await page.locator('.react-flow__pane').click();
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
  await expect(viewer.locator('.react-flow__node')).toHaveCount(shown);
  // A view link edits nothing: no way to save or delete views there.
  await viewer.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: 'Views (1)' }).click();
  await expect(viewer.getByRole('menuitem', { name: 'Save current view…' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete view Payments team' })).toHaveCount(0);
});
