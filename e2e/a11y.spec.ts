import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { CodeView } from './fixtures/codeView';

/**
 * axe-core on the main screens, reached as a person reaches them (clicks on roles and names,
 * key presses). Serious and critical violations fail the test; the rest are printed.
 */

// axe walks the whole DOM once per screen; with Monaco and a Mermaid drawing that is slow here.
test.setTimeout(420_000);

const found: string[] = [];

/** Every screen is checked and listed before the test fails, so one run shows all there is. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // Monaco's own editor DOM (thousands of spans, its own a11y model) is left to Monaco; its
  // textbox and everything around it are checked.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('.monaco-editor .view-lines')
    .exclude('.monaco-editor .margin')
    .analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious)
    found.push(
      `${screen}: ${v.id} (${v.impact}): ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join(' | ')}`,
    );
}

test('the main screens have no serious accessibility violations', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.waitForStillView(app.card('Payment'));
  await expectNoSeriousViolations(page, 'first visit');

  await app.card('Payment').click();
  await expect(app.inspector.getByLabel('Name')).toHaveValue('Payment');
  await expectNoSeriousViolations(page, 'inspector with a node selected');

  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.getByRole('group', { name: 'Filter by severity' })).toBeVisible();
  await expectNoSeriousViolations(page, 'findings');

  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('region', { name: 'Preview of food-delivery-platform.mmd' }).locator('svg').first()).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSeriousViolations(page, 'export');

  const code = new CodeView(page);
  await code.open();
  await expectNoSeriousViolations(page, 'code view');
  await page.getByRole('button', { name: 'Close code view' }).click();

  await app.clickEmptyCanvas();
  await app.press('w');
  await expect(page.getByRole('button', { name: 'Leave what-if' })).toBeVisible();
  await expectNoSeriousViolations(page, 'what-if');
  await app.press('Escape');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /^Share/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'share dialog');
  expect(found, 'serious or critical axe violations').toEqual([]);
});
