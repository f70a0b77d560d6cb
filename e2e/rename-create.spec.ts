import { expect, test } from '@playwright/test';
import { EditingPage } from './fixtures/editingPage';

const SHOTS = '/tmp/shots-i10b';

test('double-click renames a node in place; the generated id follows the name; Escape cancels; one undo', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.addFromPalette('service');
  await expect(app.card('Service 2')).toContainText('Service 2');
  await app.connect('Service', 'Service 2');
  await expect(app.link('Service', 'Service 2', 'REST')).toContainText('REST');

  const input = await app.startRename('Service 2');
  await expect(input).toBeFocused();
  await page.keyboard.type('Payment');
  await page.screenshot({ path: `${SHOTS}/rename-in-place-1440.png` });
  await page.keyboard.press('Enter');
  await expect(app.card('Payment')).toContainText('Payment');
  await expect(app.card('Service 2')).toHaveCount(0);
  // The link follows the card: named by the new name, and the id follows the name (see the inspector).
  await expect(app.link('Service', 'Payment', 'REST')).toBeVisible();
  await app.card('Payment').click();
  await expect(app.inspector.getByRole('textbox', { name: 'Id' })).toHaveValue('payment');

  // Escape leaves the name as it was.
  await app.startRename('Payment');
  await page.keyboard.type('Nope');
  await page.keyboard.press('Escape');
  await expect(app.card('Payment')).toContainText('Payment');
  await expect(app.card('Payment').getByRole('textbox')).toHaveCount(0);

  // An empty name is refused where it was typed; the design keeps the old one.
  await app.startRename('Payment');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.card('Payment')).toContainText('Payment');

  // The first service takes the same name: the id is the next free one.
  const first = (await app.card('Service').boundingBox())!;
  await app.startRename('Service');
  await page.keyboard.type('Payment');
  await page.keyboard.press('Enter');
  await expect(app.card('Payment')).toHaveCount(2);
  await expect(app.link('Payment', 'Payment', 'REST')).toBeVisible();
  await page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
  await expect(app.inspector.getByRole('textbox', { name: 'Id' })).toHaveValue('payment-2');

  // Each rename is one undo step.
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await expect(app.card('Service')).toContainText('Service');
  await expect(app.link('Service', 'Payment', 'REST')).toBeVisible();
  await app.press('ControlOrMeta+z');
  await expect(app.card('Service 2')).toContainText('Service 2');
});

test('double-click a link label edits it in place: protocol and version, or a channel', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.addFromPalette('broker');
  await app.addFromPalette('service');
  await app.connect('Service', 'Service 2');
  await app.connect('Service', 'Message broker');

  await app.doubleClickLinkLabel('Service', 'Service 2', 'REST');
  const call = page.getByRole('textbox', { name: 'Link label: protocol and version' });
  await expect(call).toBeFocused();
  await page.keyboard.type('Carrier pigeon');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('start with a protocol');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('gRPC v2');
  await page.keyboard.press('Enter');
  await expect(app.link('Service', 'Service 2', 'gRPC v2')).toBeVisible();
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC v2');

  await app.doubleClickLinkLabel('Service', 'Message broker', 'service.events');
  await expect(page.getByRole('textbox', { name: 'Link label: channel' })).toBeFocused();
  await page.keyboard.type('orders.placed');
  await page.keyboard.press('Enter');
  await expect(app.linkLabelOf('Service', 'Message broker')).toHaveText('orders.placed');
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await expect(app.linkLabelOf('Service', 'Message broker')).toHaveText('service.events');
});

test('a connection dropped on empty canvas offers the kinds; one pick makes node and link, one undo removes both', async ({
  page,
}) => {
  const app = new EditingPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.waitForStillView(app.card('Service'));
  await app.connectToEmpty('Service', 260, 40);
  const menu = app.connectMenu();
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Service' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/connect-drop-menu-1440.png` });
  // Escape: nothing is created.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(app.cards()).toHaveCount(1);

  await app.connectToEmpty('Service', 260, 40);
  await page.keyboard.press('ArrowDown'); // Gateway
  await page.keyboard.press('ArrowDown'); // Broker
  await page.keyboard.press('ArrowDown'); // Database
  await page.keyboard.press('Enter');
  await expect(app.card('Database')).toBeVisible();
  await expect(app.linkLabelOf('Service', 'Database')).toHaveText('SQL');
  // The new node's name is open for typing.
  await expect(app.card('Database').getByRole('textbox', { name: 'Name of Database' })).toBeFocused();
  await page.keyboard.type('Orders DB');
  await page.keyboard.press('Enter');
  await expect(app.card('Orders DB')).toContainText('Orders DB');
  await expect(app.linkLabelOf('Service', 'Orders DB')).toHaveText('SQL');

  // The card does not sit on the service it came from.
  const a = (await app.card('Service').boundingBox())!;
  const b = (await app.card('Orders DB').boundingBox())!;
  expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);

  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z'); // the rename
  await app.press('ControlOrMeta+z'); // node and link together
  await expect(app.cards()).toHaveCount(1);
  await expect(app.link('Service', 'Database')).toHaveCount(0);
});

test('click-added nodes never land on one another; handles are at least 12 px and show on hover', async ({ page }) => {
  const app = new EditingPage(page);
  await app.openBlank();
  for (let i = 0; i < 5; i++) await app.addFromPalette('service');
  await expect(app.cards()).toHaveCount(5);
  const boxes = await Promise.all(
    ['Service', 'Service 2', 'Service 3', 'Service 4', 'Service 5'].map((name) => app.card(name).boundingBox()),
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
  const handle = app.handle('Service', 'from');
  await expect(handle).toHaveCSS('opacity', '0');
  await app.card('Service').hover();
  await expect(handle).toHaveCSS('opacity', '1');
  const size = (await handle.boundingBox())!;
  // On screen at the fitted zoom, not only in CSS pixels of the card.
  expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(12);
});
