import { expect, test, type Locator, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * The what-if journey on the food delivery template (the first-visit design): take Payment down
 * from the panel and Kafka by clicking its node, read how the entry points degrade and why, pick a
 * blast radius row, leave, and find the design exactly as it was. Node ids and names come from
 * src/core/templates/foodDelivery.ts; the canvas shows a node's state as a word on its card,
 * found by its name as a person (and a screen reader) finds it.
 */

const STATE_WORD = /^(down|failed|degraded|lagging|ok)$/i;

/** A card on the canvas, by its name. */
const card = (page: Page, name: string) => new CanvasPage(page).card(name);
const kafkaNode = (page: Page) => card(page, 'Kafka');

async function openTemplate(page: Page) {
  await page.goto('/');
  await expect(card(page, 'Payment')).toBeVisible();
}

/** An item of a what-if list (entry points, affected nodes), by the node name it shows. */
const itemNamed = (page: Page, list: Locator, name: string) =>
  list.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });

test('take services down, see how the system degrades, leave with the design unchanged', async ({ page }) => {
  await openTemplate(page);
  const nodeCount = await new CanvasPage(page).cards().count();
  const undo = page.getByRole('button', { name: /^undo/i });
  const undoWasEnabled = await undo.isEnabled();

  await page.getByRole('tab', { name: 'What if' }).click();
  const panel = page.getByRole('tabpanel', { name: 'What if' });
  // Blast radius is there before the mode starts: the gateway fails all four entry points.
  const blast = panel.getByRole('table', { name: 'Blast radius' });
  await expect(blast.getByRole('row').nth(1)).toContainText('API Gateway');
  await expect(
    blast.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'API Gateway', exact: true }) }),
  ).toContainText('4 failed');

  await panel.getByRole('button', { name: 'Start what-if' }).click();
  await expect(panel.getByRole('list', { name: 'Legend' })).toContainText('Degraded');

  // Payment down from the list: Order falls back, so every entry point is degraded, and says why.
  await panel.getByRole('searchbox').click();
  await page.keyboard.type('pay');
  await panel.getByRole('checkbox', { name: 'Payment', exact: true }).check();
  await panel.getByRole('searchbox').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  const customer = itemNamed(page, panel.getByRole('list', { name: 'Entry points' }), 'Customer app');
  await expect(customer).toContainText('Degraded');
  await expect(customer).toContainText('Customer app -> API Gateway -> Order is degraded');
  await expect(customer).toContainText('Order -> Payment falls back');
  await expect(customer).toContainText('Worst-case latency');
  const affected = panel.getByRole('list', { name: 'Affected nodes' });
  await expect(itemNamed(page, affected, 'Order')).toContainText('Degraded');
  await expect(card(page, 'Payment')).toContainText('down');
  await expect(card(page, 'Order')).toContainText('degraded');
  await expect(card(page, 'User')).toContainText('ok');

  // Kafka down by clicking its node: consumers lag, the list follows the canvas.
  await kafkaNode(page).click();
  await expect(panel.getByRole('checkbox', { name: 'Kafka', exact: true })).toBeChecked();
  await expect(panel.getByRole('status')).toHaveText('Down: Payment, Kafka');
  await expect(card(page, 'Kafka')).toContainText('down');
  await expect(card(page, 'Notification')).toContainText('lagging');
  await expect(itemNamed(page, affected, 'Notification')).toContainText('Kafka is down: Notification receives');

  await page.screenshot({ path: test.info().outputPath('whatif-food-delivery.png') });
  await blast.screenshot({ path: test.info().outputPath('whatif-blast-radius.png') });

  // A second click brings Kafka back.
  await kafkaNode(page).click();
  await expect(panel.getByRole('checkbox', { name: 'Kafka', exact: true })).not.toBeChecked();
  await expect(card(page, 'Notification')).toContainText('ok');

  // A blast radius row opens that scenario on its own.
  await blast.getByRole('button', { name: 'API Gateway' }).click();
  await expect(panel.getByRole('status')).toHaveText('Down: API Gateway');
  await expect(customer).toContainText('Failed');
  await expect(card(page, 'Payment')).toContainText('ok');

  await panel.getByRole('button', { name: 'Reset' }).click();
  await expect(panel.getByRole('status')).toHaveText('Nothing is down yet.');
  await expect(customer).toContainText('OK');

  await panel.getByRole('checkbox', { name: 'Orders DB', exact: true }).check();
  await expect(card(page, 'Order')).toContainText('failed');

  // Leaving restores the plain view; it was a view, so there is nothing to undo.
  await panel.getByRole('button', { name: 'Leave what-if' }).click();
  await expect(panel.getByRole('button', { name: 'Start what-if' })).toBeVisible();
  await expect(new CanvasPage(page).canvas.getByText(STATE_WORD)).toHaveCount(0);
  await expect(new CanvasPage(page).cards()).toHaveCount(nodeCount);
  if (undoWasEnabled) await expect(undo).toBeEnabled();
  else await expect(undo).toBeDisabled();

  // Outside what-if a click on a node selects it again, and takes nothing down.
  await kafkaNode(page).click();
  await expect(card(page, 'Kafka')).not.toContainText('down');
});
