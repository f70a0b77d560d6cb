import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { screenshotPath } from './fixtures/screenshots';
import { previewDrawing } from './fixtures/appPage';

/**
 * Flows as a person makes one (issue 10): the Flows tab, New flow, a name typed, links clicked
 * on the canvas in order, a step moved and removed with keys, steps marked, undo, and the flow
 * read back in the Sequence export (its real consumer: Mermaid draws it) and after a reload.
 */
test('a flow is built by clicking links on the canvas, edited by keys, and exported as a sequence diagram', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await page.getByRole('tab', { name: 'Flows', exact: true }).click();
  const panel = app.inspector;
  // The template's own flow is there to read.
  await expect(panel.getByRole('textbox', { name: 'Flow name' })).toHaveValue('Place order');
  await expect(panel.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(11);

  await panel.getByRole('button', { name: 'New flow' }).click();
  const name = panel.getByRole('textbox', { name: 'Flow name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Flow 3');
  await page.keyboard.type('Pay for an order');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('combobox', { name: 'Flow' })).toHaveValue('2');
  // Picking is a toggle a person sees switched on: one name, pressed.
  const pick = panel.getByRole('button', { name: 'Pick links on the canvas' });
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  await expect(pick).toContainText('On');
  await page.screenshot({ path: screenshotPath('flows-pick-on-1440x900.png') });

  // Click the links in order, as drawn on the canvas.
  for (const [from, to] of [
    ['API Gateway', 'Order'],
    ['Order', 'Payment'],
    ['Payment', 'Stripe'],
    ['Order', 'Menu'],
  ] as const) {
    await app.clickLinkLabel(from, to);
  }
  const steps = panel.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAccessibleName('Step 1: API Gateway → Order (rest)');
  await expect(steps.nth(3)).toHaveAccessibleName('Step 4: Order → Menu (grpc)');

  // Alt+↑ twice moves step 4 to second place; focus follows it; Delete removes it.
  await panel.getByRole('button', { name: 'Move step 4 up' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(steps.nth(1)).toHaveAccessibleName('Step 2: Order → Menu (grpc)');
  await expect(steps.nth(1).getByRole('button', { name: 'Move step 2 up' })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(1)).toHaveAccessibleName('Step 2: Order → Payment (grpc)');

  // Marks: a compensation typed, a pivot, a read-only step; one pivot per flow.
  await panel.getByRole('textbox', { name: 'Compensation for step 1' }).click();
  await page.keyboard.type('reject the order');
  await page.keyboard.press('Enter');
  await panel.getByRole('combobox', { name: 'Saga' }).selectOption({ label: 'Orchestration saga' });
  await steps.nth(2).getByRole('checkbox', { name: 'Pivot' }).check();
  await steps.nth(1).getByRole('checkbox', { name: 'Pivot' }).check();
  await expect(steps.nth(2).getByRole('checkbox', { name: 'Pivot' })).not.toBeChecked();
  await steps.nth(0).getByRole('checkbox', { name: 'Read-only' }).check();

  // Each change is one undo step: undo takes back the read-only mark only, redo puts it back.
  await pick.click();
  await expect(pick).toHaveAttribute('aria-pressed', 'false');
  await expect(pick).toContainText('Off');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: screenshotPath('flows-pick-off-1024x700.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: /^undo/i }).click();
  await expect(steps.nth(0).getByRole('checkbox', { name: 'Read-only' })).not.toBeChecked();
  await expect(steps.nth(1).getByRole('checkbox', { name: 'Pivot' })).toBeChecked();
  await page.getByRole('button', { name: /^redo/i }).click();
  await expect(steps.nth(0).getByRole('checkbox', { name: 'Read-only' })).toBeChecked();

  // A bad name is refused with a short message, and the flow keeps its name.
  await app.typeIn(name, ' ');
  await expect(panel.getByRole('alert')).toHaveText('a flow needs a name');
  await page.keyboard.press('Escape');
  await expect(name).toHaveValue('Pay for an order');

  // The Sequence export draws it.
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await page.getByRole('tablist', { name: 'Export format' }).getByRole('tab', { name: 'Sequence', exact: true }).click();
  const sequence = page.getByRole('region', { name: 'Sequence', exact: true });
  await sequence.getByRole('combobox', { name: 'File' }).selectOption('pay-for-an-order.mmd');
  const file = await app.downloadText(sequence.getByRole('button', { name: 'Download', exact: true }));
  expect(file.text).toContain('title Pay for an order (orchestration saga)');
  expect(file.text).toMatch(/Note over p0,p1: read-only\n {2}Note over p0,p1: compensation: reject the order\n/);
  expect(file.text).toMatch(/p1->>p2: .*\n {2}Note over p1,p2: pivot \(go\/no-go\)\n/);
  expect(file.text.match(/pivot/g)).toHaveLength(1);
  await expect(previewDrawing(sequence)).toBeVisible({ timeout: 30_000 });

  // Autosaved: the flow is there after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Flows', exact: true }).click();
  await panel.getByRole('combobox', { name: 'Flow' }).selectOption({ label: 'Pay for an order' });
  await expect(steps).toHaveCount(3);
});
