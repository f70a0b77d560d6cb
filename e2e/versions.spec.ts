import { expect, test } from '@playwright/test';
import { VersionsPage } from './fixtures/versionsPage';

/**
 * Save a version, edit, compare (highlights on the canvas, the list of changes, the findings
 * delta), restore, undo. Everything is found by what a person sees: names on the cards, the
 * added / changed / removed chips, link labels, the panel's regions and buttons.
 */
test('save a version, edit, compare, restore as one undo step', async ({ page }) => {
  const app = new VersionsPage(page);
  await app.openFresh();
  await expect(app.card('Twilio (SMS & push)')).toBeVisible();

  await app.saveVersion('Before review');

  // Four edits: a new service named Fraud check, more replicas on Order, Twilio removed (with its link), a breaker.
  await app.addFromPalette('service');
  await app.setField('Name', 'Fraud check');
  await expect(app.card('Fraud check')).toBeVisible();
  await app.card('Order').click();
  await app.setField('Replicas', '5');
  await app.card('Twilio (SMS & push)').click();
  await page.keyboard.press('Delete');
  await expect(app.card('Twilio (SMS & push)')).toHaveCount(0);
  // And a link's breaker opens for 20 s instead of 30.
  await app.clickLinkLabel('API Gateway', 'Order', 'REST v1');
  await app.setField('Breaker open (ms)', '20000');

  await app.compareWith('Before review');
  // On the canvas: the new card is added, Order changed, Twilio drawn again, ghosted, as removed.
  await expect(app.diffChip('Fraud check')).toHaveText('added');
  await expect(app.diffChip('Order')).toHaveText('changed');
  await expect(app.diffChip('Twilio (SMS & push)')).toHaveText('removed');
  await expect(app.canvasArea.getByRole('group', { name: 'Twilio (SMS & push) (removed)' })).toBeVisible();
  await expect(app.diffChip('Payment')).toHaveCount(0);
  // What changed is framed clear of the panel: the ghosted Twilio is not hidden under it.
  const panel = (await app.compare.boundingBox())!;
  const leftOfPanel = (name: string) => async () => {
    const box = await app.card(name).boundingBox();
    return box !== null && box.x >= 0 && box.x + box.width <= panel.x;
  };
  await expect.poll(leftOfPanel('Twilio (SMS & push)')).toBe(true);
  await expect.poll(leftOfPanel('Fraud check')).toBe(true);
  // The removed call to Twilio is drawn too, with its label.
  const ghostLink = app.canvasArea.getByRole('img', { name: 'Notification to Twilio (SMS & push): REST (removed)' });
  await expect(ghostLink.getByText('REST', { exact: true })).toBeVisible();
  // The changed link says so in its name, not only in its amber colour.
  await expect(app.canvasArea.getByRole('group', { name: 'API Gateway to Order: REST v1 (changed)' })).toBeVisible();
  await expect(app.canvasArea.getByRole('group', { name: 'API Gateway to Menu: REST v1', exact: true })).toBeVisible();

  // The list: what changed, in the design's words; the summary counts it.
  const changes = app.compare.getByRole('region', { name: 'Changes' });
  await expect(changes.getByText(/^node order: replicas 3\s→\s5$/)).toBeVisible();
  await expect(changes.getByText(/^node fraud-check \(Fraud check\) added/)).toBeVisible();
  await expect(changes.getByText(/^node twilio \(Twilio \(SMS & push\)\) removed/)).toBeVisible();
  await expect(changes.getByText('link notification->twilio removed')).toBeVisible();
  await expect(changes.getByText(/^link gateway->order: breaker\.openMs 30000\s→\s20000$/)).toBeVisible();
  await expect(changes.getByRole('listitem')).toHaveCount(6);
  await expect(app.compare.getByRole('status')).toHaveText('6 changes, 0 breaking · findings +0 −1');
  // Twilio had no breaker on the call to it: removing it resolves that finding.
  await expect(app.compare.getByRole('region', { name: 'Findings resolved' })).toContainText('missing-circuit-breaker');
  // A removed node's change frames its ghost.
  await app.clickEmptyCorner();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await changes.getByRole('button', { name: /^node twilio/ }).click();
  await expect.poll(leftOfPanel('Twilio (SMS & push)')).toBe(true);

  // Escape closes the Versions popup over the panel, and only the popup.
  await app.openVersions();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Versions' })).toBeHidden();
  await expect(app.compare).toBeVisible();

  // Edits while comparing are followed: Order back to 3 replicas drops that change. Its change
  // in the list frames it beside the panel first.
  await changes.getByRole('button', { name: /^node order: replicas/ }).click();
  await expect.poll(leftOfPanel('Order')).toBe(true);
  await app.card('Order').click();
  await app.setField('Replicas', '3');
  await expect(changes.getByText(/^node order: replicas/)).toHaveCount(0);
  await expect(app.diffChip('Order')).toHaveCount(0);
  await expect(app.compare.getByRole('status')).toHaveText('5 changes, 0 breaking · findings +0 −1');

  await app.compare.getByRole('button', { name: 'Restore this version' }).click();
  await expect(app.compare).toBeHidden();
  await expect(app.card('Twilio (SMS & push)')).toBeVisible();
  await expect(app.diffChip('Twilio (SMS & push)')).toHaveCount(0);
  await expect(app.card('Fraud check')).toHaveCount(0);

  // One undo step puts back what was there before the restore.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(app.card('Fraud check')).toBeVisible();
  await expect(app.card('Twilio (SMS & push)')).toHaveCount(0);
});

test('a version is kept when a file is opened, and a breaking change shows first', async ({ page }) => {
  const app = new VersionsPage(page);
  await app.openFresh();
  await app.openFile(
    'shop.signalbox.yaml',
    `signalbox: 1
name: Shop
nodes:
  order: { kind: service, name: Order, at: [0, 0] }
  payment: { kind: service, name: "<script>alert(1)</script>", at: [600, 0] }
  bus: { kind: broker, name: Kafka, at: [300, 0] }
links:
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: payment, kind: async, channel: order.created, idempotent: true, dlq: order.created.dlq }
`,
  );
  await expect(app.designName()).toHaveValue('Shop');
  const popup = await app.openVersions();
  await expect(popup.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByText('Opened from a file: shop.signalbox.yaml')).toBeVisible();
  await expect(popup.getByText(/· kept on open$/)).toBeVisible();
  await page.keyboard.press('Escape');

  // Payment stops consuming: order.created is left with a producer and no consumer.
  await app.clickLinkLabel('Kafka', '<script>alert(1)</script>', 'order.created');
  await page.keyboard.press('Delete');
  await app.compareWith('Opened from a file: shop.signalbox.yaml');
  const items = app.compare.getByRole('region', { name: 'Changes' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Breaking');
  await expect(items.first()).toContainText('loses its last consumer while order still publishes to it');
  await expect(app.compare.getByRole('status')).toContainText('1 change, 1 breaking');
  // The hostile name is text on the canvas, never markup.
  await expect(app.card('<script>alert(1)</script>')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.compare).toBeHidden();
});
