import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

// Order calls its database without a timeout: the one error on that link is missing-timeout.
const DESIGN = `signalbox: 1
name: Defaults
nodes:
  order: { kind: service, name: Order, replicas: 2, at: [0, 0] }
  db: { kind: database, name: Orders DB, replicas: 2, at: [320, 0] }
links:
  - { from: order, to: db, kind: sync, protocol: sql }
`;

test('a design-level default timeout quiets missing-timeout; a badge says what it means; badges can be hidden', async ({
  page,
}) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.openFile('defaults.signalbox.yaml', DESIGN);
  await app.waitForStillView(app.card('Orders DB'));
  const badge = app.link('Order', 'Orders DB').getByRole('img', { name: /finding/ });
  await expect(badge).toBeVisible();
  await badge.hover();
  await expect(badge.locator('title')).toContainText('timeout');

  // Hide, show: the toggle is in the zoom controls.
  const toggle = page.getByRole('button', { name: 'Hide finding badges' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(badge).toBeHidden();
  await toggle.click();
  await expect(badge).toBeVisible();

  // Nothing selected: the design's settings, with its link defaults.
  await app.clickEmptyCanvas();
  const timeout = app.inspector.getByLabel('Default timeout (ms)');
  await timeout.click();
  await page.keyboard.type('15x');
  await expect(app.inspector.getByRole('alert')).toHaveText('expected a positive integer');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: '/tmp/shots-i10b/link-defaults-1440.png' });
  await expect(badge).toHaveCount(0);

  // One undo step brings the default, and the finding, back.
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await expect(badge).toBeVisible();
  await expect(app.inspector.getByLabel('Default timeout (ms)')).toHaveValue('');
});
