import { expect, test } from '@playwright/test';
import { VersionsPage } from './fixtures/versionsPage';

const SHOTS = '/tmp/shots-i15';

/** Save a version, edit, compare (highlights on the canvas, the list of changes, the findings delta), restore, undo. */
test('save a version, edit, compare, restore as one undo step', async ({ page }) => {
  const app = new VersionsPage(page);
  await app.openFresh();
  const before = await app.nodes().count();

  await app.saveVersion('Before review');

  // Three edits: a new service, more replicas on Order, Twilio removed (with its link).
  await app.addFromPalette('service');
  await expect(app.nodes()).toHaveCount(before + 1);
  await app.node('order').click();
  const replicas = app.inspector.getByRole('textbox', { name: 'Replicas' });
  await replicas.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await app.node('twilio').click();
  await page.keyboard.press('Delete');
  await expect(app.nodes()).toHaveCount(before);

  await app.compareWith('Before review');
  // On the canvas: the new node is added, Order changed, Twilio still drawn, ghosted, as removed.
  await expect(app.diffChip('service')).toHaveText('added');
  await expect(app.diffChip('order')).toHaveText('changed');
  await expect(app.diffChip('twilio')).toHaveText('removed');
  await expect(app.diffChip('payment')).toHaveCount(0);
  await expect(app.edgeLabel('notification->twilio')).toBeVisible();

  // The list: what changed, in the design's words; the summary counts it.
  const changes = app.compare.getByRole('region', { name: 'Changes' });
  await expect(changes.getByText(/^node order: replicas 3\s→\s5$/)).toBeVisible();
  await expect(changes.getByText(/^node service \(Service\) added/)).toBeVisible();
  await expect(changes.getByText(/^node twilio \(Twilio \(SMS & push\)\) removed/)).toBeVisible();
  await expect(changes.getByText('link notification->twilio removed')).toBeVisible();
  await expect(app.compare.getByRole('status')).toContainText(/5 changes, 0 breaking/);
  // Twilio had no breaker on the call to it: removing it resolves that finding.
  await expect(app.compare.getByRole('region', { name: 'Findings resolved' })).toContainText('missing-circuit-breaker');
  await expect(app.compare.getByRole('status')).toContainText('findings +0 −1');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/compare-1440.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SHOTS}/compare-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Edits while comparing are followed: Order back to 3 replicas drops that change.
  await app.node('order').click();
  await replicas.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await expect(changes.getByText(/^node order: replicas 3\s→\s5$/)).toHaveCount(0);
  await expect(app.diffChip('order')).toHaveCount(0);

  await app.compare.getByRole('button', { name: 'Restore this version' }).click();
  await expect(app.compare).toBeHidden();
  await expect(app.nodes()).toHaveCount(before);
  await expect(app.node('twilio')).toBeVisible();
  await expect(app.node('service')).toHaveCount(0);
  await expect(app.diffChip('twilio')).toHaveCount(0);

  // One undo step puts back what was there before the restore.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(app.node('service')).toBeVisible();
  await expect(app.node('twilio')).toHaveCount(0);
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
  await expect(popup.getByText('Opened from a file: shop.signalbox.yaml')).toBeVisible();
  await page.keyboard.press('Escape');

  // Payment stops consuming: order.created is left with a producer and no consumer.
  await page.getByTestId('edge-label-bus->payment:order.created').click();
  await page.keyboard.press('Delete');
  await app.compareWith('Opened from a file: shop.signalbox.yaml');
  const first = app.compare.getByRole('region', { name: 'Changes' }).getByRole('listitem').first();
  await expect(first).toContainText('Breaking');
  await expect(first).toContainText('loses its last consumer while order still publishes to it');
  await expect(app.compare.getByRole('status')).toContainText('1 change, 1 breaking');
  // The hostile name is text on the canvas, never markup.
  await expect(app.node('payment')).toContainText('<script>alert(1)</script>');
  await page.screenshot({ path: `${SHOTS}/compare-breaking-1440.png` });
  await page.keyboard.press('Escape');
  await expect(app.compare).toBeHidden();
});
