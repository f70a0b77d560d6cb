import { expect, test, type Page } from '@playwright/test';

/**
 * The what-if journey on the food delivery template (the first-visit design): take Payment down
 * from the panel and Kafka by clicking its node, read how the entry points degrade and why, pick a
 * blast radius row, leave, and find the design exactly as it was. Node ids and names come from
 * src/core/templates/foodDelivery.ts; the canvas shows a node's state as a word on its card.
 */

const STATE_WORD = /^(down|failed|degraded|lagging|ok)$/i;

/** Kafka's card as a person finds it on the canvas: by its name. */
function kafkaNode(page: Page) {
  return page
    .getByTestId('canvas')
    .getByRole('group')
    .filter({ has: page.getByText('Kafka', { exact: true }) })
    .last();
}

async function openTemplate(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-payment')).toBeVisible();
}

test('take services down, see how the system degrades, leave with the design unchanged', async ({ page }) => {
  await openTemplate(page);
  const nodeCount = await page.locator('[data-testid^="rf__node-"]').count();
  const undo = page.getByRole('button', { name: /^undo/i });
  const undoWasEnabled = await undo.isEnabled();

  await page.getByRole('tab', { name: 'What if' }).click();
  const panel = page.getByTestId('whatif-panel');
  // Blast radius is there before the mode starts: the gateway fails all four entry points.
  const blast = panel.getByRole('table', { name: 'Blast radius' });
  await expect(blast.getByRole('row').nth(1)).toContainText('API Gateway');
  await expect(blast.getByTestId('blast-row-gateway')).toContainText('4 failed');

  await panel.getByRole('button', { name: 'Start what-if' }).click();
  await expect(panel.getByRole('list', { name: 'Legend' })).toContainText('Degraded');

  // Payment down from the list: Order falls back, so every entry point is degraded, and says why.
  await panel.getByRole('searchbox').click();
  await page.keyboard.type('pay');
  await panel.getByRole('checkbox', { name: 'Payment', exact: true }).check();
  await panel.getByRole('searchbox').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  const customer = panel.getByTestId('whatif-entry-customer');
  await expect(customer).toContainText('Degraded');
  await expect(customer).toContainText('Customer app -> API Gateway -> Order is degraded');
  await expect(customer).toContainText('Order -> Payment falls back');
  await expect(customer).toContainText('Worst-case latency');
  await expect(panel.getByTestId('whatif-node-order')).toContainText('Degraded');
  await expect(page.getByTestId('node-payment')).toContainText('down');
  await expect(page.getByTestId('node-order')).toContainText('degraded');
  await expect(page.getByTestId('node-user')).toContainText('ok');

  // Kafka down by clicking its node: consumers lag, the list follows the canvas.
  await kafkaNode(page).click();
  await expect(panel.getByRole('checkbox', { name: 'Kafka', exact: true })).toBeChecked();
  await expect(panel.getByRole('status')).toHaveText('Down: Payment, Kafka');
  await expect(page.getByTestId('node-kafka')).toContainText('down');
  await expect(page.getByTestId('node-notification')).toContainText('lagging');
  await expect(panel.getByTestId('whatif-node-notification')).toContainText('Kafka is down: Notification receives');

  await page.screenshot({ path: test.info().outputPath('whatif-food-delivery.png') });
  await blast.screenshot({ path: test.info().outputPath('whatif-blast-radius.png') });

  // A second click brings Kafka back.
  await kafkaNode(page).click();
  await expect(panel.getByRole('checkbox', { name: 'Kafka', exact: true })).not.toBeChecked();
  await expect(page.getByTestId('node-notification')).toContainText('ok');

  // A blast radius row opens that scenario on its own.
  await blast.getByRole('button', { name: 'API Gateway' }).click();
  await expect(panel.getByRole('status')).toHaveText('Down: API Gateway');
  await expect(customer).toContainText('Failed');
  await expect(page.getByTestId('node-payment')).toContainText('ok');

  await panel.getByRole('button', { name: 'Reset' }).click();
  await expect(panel.getByRole('status')).toHaveText('Nothing is down yet.');
  await expect(customer).toContainText('OK');

  await panel.getByRole('checkbox', { name: 'Orders DB', exact: true }).check();
  await expect(page.getByTestId('node-order')).toContainText('failed');

  // Leaving restores the plain view; it was a view, so there is nothing to undo.
  await panel.getByRole('button', { name: 'Leave what-if' }).click();
  await expect(panel.getByRole('button', { name: 'Start what-if' })).toBeVisible();
  await expect(page.getByTestId('canvas').getByText(STATE_WORD)).toHaveCount(0);
  await expect(page.locator('[data-testid^="rf__node-"]')).toHaveCount(nodeCount);
  if (undoWasEnabled) await expect(undo).toBeEnabled();
  else await expect(undo).toBeDisabled();

  // Outside what-if a click on a node selects it again, and takes nothing down.
  await kafkaNode(page).click();
  await expect(page.getByTestId('node-kafka')).not.toContainText('down');
});
