import { expect, test } from '@playwright/test';
import { EditingPage } from './fixtures/editingPage';

const SHOTS = '/tmp/shots-i10b';

test('double-click renames a node in place; the generated id follows the name; Escape cancels; one undo', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.addFromPalette('service');
  await expect(app.node('service-2')).toContainText('Service 2');
  await app.connect('service', 'service-2');
  await expect(app.edgeLabel('service->service-2')).toHaveText('REST');

  const input = await app.startRename('service-2');
  await expect(input).toBeFocused();
  await page.keyboard.type('Payment');
  await page.screenshot({ path: `${SHOTS}/rename-in-place-1440.png` });
  await page.keyboard.press('Enter');
  await expect(app.node('payment')).toContainText('Payment');
  await expect(app.node('service-2')).toHaveCount(0);
  // The link follows: its id is made from the new node id.
  await expect(app.edgeLabel('service->payment')).toHaveText('REST');

  // Escape leaves the name as it was.
  await app.startRename('payment');
  await page.keyboard.type('Nope');
  await page.keyboard.press('Escape');
  await expect(app.node('payment')).toContainText('Payment');
  await expect(app.node('payment').getByRole('textbox')).toHaveCount(0);

  // An empty name is refused where it was typed; the design keeps the old one.
  await app.startRename('payment');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.node('payment')).toContainText('Payment');

  // The first service takes the same name: the id is the next free one.
  await app.startRename('service');
  await page.keyboard.type('Payment');
  await page.keyboard.press('Enter');
  await expect(app.node('payment-2')).toContainText('Payment');
  await expect(app.edgeLabel('payment-2->payment')).toBeVisible();

  // Each rename is one undo step.
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await expect(app.node('service')).toContainText('Service');
  await expect(app.edgeLabel('service->payment')).toBeVisible();
  await app.press('ControlOrMeta+z');
  await expect(app.node('service-2')).toContainText('Service 2');
});

test('double-click a link label edits it in place: protocol and version, or a channel', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.addFromPalette('broker');
  await app.addFromPalette('service');
  await app.connect('service', 'service-2');
  await app.connect('service', 'message-broker');

  await app.edgeLabel('service->service-2').dblclick();
  const call = page.getByRole('textbox', { name: 'Link label: protocol and version' });
  await expect(call).toBeFocused();
  await page.keyboard.type('Carrier pigeon');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('start with a protocol');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('gRPC v2');
  await page.keyboard.press('Enter');
  await expect(app.edgeLabel('service->service-2')).toHaveText('gRPC v2');

  await app.edgeLabel('service->message-broker:service.events').dblclick();
  await expect(page.getByRole('textbox', { name: 'Link label: channel' })).toBeFocused();
  await page.keyboard.type('orders.placed');
  await page.keyboard.press('Enter');
  await expect(app.edgeLabel('service->message-broker:orders.placed')).toHaveText('orders.placed');
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await expect(app.edgeLabel('service->message-broker:service.events')).toBeVisible();
});

test('a connection dropped on empty canvas offers the kinds; one pick makes node and link, one undo removes both', async ({
  page,
}) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.waitForStillView(app.node('service'));
  await app.connectToEmpty('service', 260, 40);
  const menu = app.connectMenu();
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Service' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/connect-drop-menu-1440.png` });
  // Escape: nothing is created.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(app.nodes()).toHaveCount(1);

  await app.connectToEmpty('service', 260, 40);
  await page.keyboard.press('ArrowDown'); // Gateway
  await page.keyboard.press('ArrowDown'); // Broker
  await page.keyboard.press('ArrowDown'); // Database
  await page.keyboard.press('Enter');
  await expect(app.node('database')).toBeVisible();
  await expect(app.edgeLabel('service->database')).toHaveText('SQL');
  // The new node's name is open for typing.
  await page.keyboard.type('Orders DB');
  await page.keyboard.press('Enter');
  await expect(app.node('orders-db')).toContainText('Orders DB');
  await expect(app.edgeLabel('service->orders-db')).toHaveText('SQL');

  // The card does not sit on the service it came from.
  const a = (await app.node('service').boundingBox())!;
  const b = (await app.node('orders-db').boundingBox())!;
  expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);

  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z'); // the rename
  await app.press('ControlOrMeta+z'); // node and link together
  await expect(app.nodes()).toHaveCount(1);
  await expect(app.edgeLabel('service->database')).toHaveCount(0);
});

test('click-added nodes never land on one another; handles are at least 12 px and show on hover', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  for (let i = 0; i < 5; i++) await app.addFromPalette('service');
  await expect(app.nodes()).toHaveCount(5);
  const boxes = await Promise.all(
    ['service', 'service-2', 'service-3', 'service-4', 'service-5'].map((id) => app.node(id).boundingBox()),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!;
      const q = boxes[j]!;
      const apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
      expect(apart, `service ${i + 1} and ${j + 1} overlap`).toBe(true);
    }
  }
  await app.clickEmptyCanvas();
  const handle = page.getByTestId('handle-out-service');
  await expect(handle).toHaveCSS('opacity', '0');
  await app.node('service').hover();
  await expect(handle).toHaveCSS('opacity', '1');
  const size = (await handle.boundingBox())!;
  // On screen at the fitted zoom, not only in CSS pixels of the card.
  expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(12);
});
