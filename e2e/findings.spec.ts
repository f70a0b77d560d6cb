import { expect, test, type Locator, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * The findings journey on the food delivery template (the first-visit design): the list and
 * its counts, a click that selects and frames the elements, and the list following an edit.
 * Locators: roles and accessible names (a finding is a button named `rule: message`, a severity
 * chip a toggle named `3 warnings`, a card its name).
 */

async function openFindings(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: /findings/i }).click();
  const panel = page.getByRole('tabpanel');
  // The first lint runs in a worker: wait for the list, not a fixed delay.
  await expect(panel.getByRole('button', { name: /^[a-z]+(-[a-z]+)*: / }).first()).toBeVisible();
  return panel;
}

const CHIP_NAME = { error: /^\d+ errors?$/, warning: /^\d+ warnings?$/, info: /^\d+ info$/ } as const;

/** A severity chip of the filter, by its accessible name (`3 warnings`). */
function chip(panel: Locator, severity: 'error' | 'warning' | 'info'): Locator {
  return panel.getByRole('group', { name: 'Filter by severity' }).getByRole('button', { name: CHIP_NAME[severity] });
}

/** The number a severity chip shows, read from its accessible name (`3 warnings`). */
async function chipCount(panel: Locator, severity: 'error' | 'warning' | 'info'): Promise<number> {
  const label = (await chip(panel, severity).getAttribute('aria-label')) ?? '';
  return Number(label.split(' ')[0]);
}

test('lists the template findings with counts that match the list', async ({ page }) => {
  const panel = await openFindings(page);

  // The template documents what it breaks (src/core/templates/foodDelivery.ts).
  const budget = panel.getByRole('button', { name: /^timeout-budget:/ });
  await expect(budget).toBeVisible();
  await expect(budget).toContainText('How to fix');
  await expect(budget).toContainText('API Gateway');
  await expect(panel.getByRole('button', { name: /^single-point-of-failure:/ })).toBeVisible();

  for (const severity of ['error', 'warning', 'info'] as const) {
    const count = await chipCount(panel, severity);
    const heading = { error: 'Errors', warning: 'Warnings', info: 'Info' }[severity];
    const group = panel.getByRole('list', { name: new RegExp(`^${heading}`) });
    if (count === 0) await expect(group).toHaveCount(0);
    else await expect(group.getByRole('listitem')).toHaveCount(count);
  }
  expect(await chipCount(panel, 'error')).toBeGreaterThanOrEqual(1);

  // A chip filters: errors only, then everything again.
  const errors = chip(panel, 'error');
  await errors.click();
  await expect(errors).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('list', { name: /^Warnings/ })).toHaveCount(0);
  await expect(budget).toBeVisible();
  await errors.click();
  await expect(panel.getByRole('list', { name: /^Warnings/ })).toHaveCount(1);
});

test('clicking a finding selects and frames its node; the keyboard does the same', async ({ page }) => {
  const panel = await openFindings(page);
  const spof = panel.getByRole('button', { name: /^single-point-of-failure:.*User/ });
  await spof.click();
  const canvas = new CanvasPage(page);
  const user = canvas.card('User');
  await expect(user).toBeInViewport();

  // The click opened User in the inspector (finding to fix); "All findings" leads back.
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('User');
  await expect(page.getByRole('textbox', { name: 'Replicas' })).toHaveValue('1');
  await panel.getByRole('button', { name: 'All findings' }).click();

  // Keyboard: focus another finding and press Enter.
  const budget = panel.getByRole('button', { name: /^timeout-budget:/ });
  await budget.focus();
  await page.keyboard.press('Enter');
  // The inspector names what is selected: what the finding names (its two nodes and the link
  // between them), User no longer.
  const selected = page.getByRole('tabpanel').getByRole('list', { name: 'Selected' });
  await expect(selected.getByRole('listitem')).toHaveText(['API Gateway', 'Order', 'API Gateway to Order']);
  await expect(page.getByRole('tabpanel')).toContainText('2 nodes, 1 link selected');
});

test('the list follows edits: a new gateway without auth is flagged, undo clears it', async ({ page }) => {
  const panel = await openFindings(page);
  const unprotected = panel.getByRole('button', { name: /^gateway-unprotected:/ });
  await expect(unprotected).toHaveCount(0);
  const warningsBefore = await chipCount(panel, 'warning');

  // A bare gateway states neither auth nor a rate limit (rules.md: gateway-unprotected).
  await page.getByRole('button', { name: 'Add gateway' }).click();
  await expect(unprotected).toHaveCount(1);
  await expect(unprotected).toContainText('Gateway');
  await expect.poll(() => chipCount(panel, 'warning')).toBe(warningsBefore + 1);

  // The canvas badges the new node even though the Findings tab, not the canvas, is in focus.
  await expect(page.getByRole('img', { name: 'warning finding' }).first()).toBeVisible();

  await page.getByRole('button', { name: /^undo/i }).click();
  await expect(unprotected).toHaveCount(0);
  await expect.poll(() => chipCount(panel, 'warning')).toBe(warningsBefore);
});
