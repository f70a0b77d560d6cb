import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

const NO_POSITIONS = `signalbox: 1
name: Imported without positions
nodes:
  web: { kind: client, name: Web }
  gateway: { kind: gateway, name: Gateway }
  order: { kind: service, name: Order }
  payment: { kind: service, name: Payment }
  bus: { kind: broker, name: Kafka }
  orderdb: { kind: database, name: Orders DB }
  stripe: { kind: external, name: Stripe }
links:
  - { from: web, to: gateway, kind: sync, protocol: rest }
  - { from: gateway, to: order, kind: sync, protocol: rest }
  - { from: gateway, to: payment, kind: sync, protocol: grpc }
  - { from: order, to: orderdb, kind: sync, protocol: sql }
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: payment, kind: async, channel: order.created }
  - { from: payment, to: stripe, kind: sync, protocol: rest }
`;

const BAD_FILE = `signalbox: 1
name: Broken
nodes:
  a: { kind: service, name: A }
links:
  - { from: a, to: ghost, kind: sync, timeoutMs: -5 }
`;

test('place, connect, edit, undo, redo and reload', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();

  await app.addFromPalette('service');
  await expect(app.card('Service')).toBeVisible();
  const box = (await app.canvas.boundingBox())!;
  await app.dropFromPalette('service', box.width / 2 + 320, box.height / 2 - 120);
  await app.dropFromPalette('broker', box.width / 2 + 320, box.height / 2 + 160);
  await expect(app.card('Service 2')).toBeVisible();
  await expect(app.card('Message broker')).toBeVisible();

  await app.connect('Service', 'Service 2');
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('REST');
  await app.connect('Service', 'Message broker');
  await expect(app.linkLabelOf('Service', 'Message broker')).toHaveText('service.events');

  await app.clickLinkLabel('Service', 'Service 2');
  await expect(app.inspector.getByText('service->service-2', { exact: true })).toBeVisible();
  await app.inspector.getByLabel('Protocol').selectOption('grpc');
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC');
  await app.typeIn(app.inspector.getByLabel('Version', { exact: true }), 'v2');
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC v2');
  const timeout = app.inspector.getByLabel('Timeout (ms)');
  await app.typeIn(timeout, '1500');
  // A bad value is refused with a message; the design keeps 1500.
  await app.typeIn(timeout, '15x');
  await expect(app.inspector.getByRole('alert')).toHaveText('expected a positive integer');
  await app.typeIn(timeout, '1500');
  await expect(app.inspector.getByRole('alert')).toHaveCount(0);

  // Undo: version, then protocol; redo both. Shortcuts act on the canvas, not inside fields.
  await app.clickEmptyCanvas();
  await app.press('Control+z'); // timeout
  await app.press('Control+z'); // version
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC');
  await app.press('Control+z'); // protocol
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('REST');
  await app.press('Control+Shift+z');
  await app.press('Control+y');
  await app.press('Control+Shift+z');
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC v2');

  // Typing in a field owns Ctrl+Z: the design is not undone.
  await app.clickLinkLabel('Service', 'Service 2');
  await app.inspector.getByLabel('Timeout (ms)').press('Control+z');
  await expect(app.linkLabelOf('Service', 'Service 2')).toHaveText('gRPC v2');

  // Nothing is lost on reload: autosave flushes when the page is hidden, no need to wait it out.
  await page.reload();
  await expect(app.card('Service')).toBeVisible();
  await expect(app.card('Service 2')).toBeVisible();
  await expect(app.card('Message broker')).toBeVisible();
  await expect(app.link('Service', 'Message broker', 'service.events')).toBeVisible();
  await app.clickLinkLabel('Service', 'Service 2');
  await expect(app.inspector.getByLabel('Timeout (ms)')).toHaveValue('1500');
  await expect(app.inspector.getByLabel('Protocol')).toHaveValue('grpc');
});

test('keyboard: select all, delete, undo, duplicate', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.addFromPalette('service');
  await app.addFromPalette('database');
  await expect(app.cards()).toHaveCount(2);
  await app.clickEmptyCanvas();
  await app.press('Control+a');
  await app.press('Delete');
  await expect(app.cards()).toHaveCount(0);
  await app.press('Control+z');
  await expect(app.cards()).toHaveCount(2);
  await app.card('Service').click();
  await app.press('Control+d');
  await expect(app.cards()).toHaveCount(3);
  await app.press('Control+c');
  await app.press('Control+v');
  await expect(app.cards()).toHaveCount(4);
});

test('inspector edits a node: rename id, kind-specific keys, empty removes', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.addFromPalette('gateway');
  await app.card('API Gateway').click();
  await expect(app.inspector.getByLabel('Rate limit (rps)')).toBeVisible();
  await expect(app.inspector.getByLabel('Discovery')).toHaveCount(0);
  // A generated id follows the name; an id typed by hand is kept.
  await app.typeIn(app.inspector.getByLabel('Name', { exact: true }), 'Edge');
  await expect(app.card('Edge')).toContainText('Edge');
  await expect(app.inspector.getByLabel('Id', { exact: true })).toHaveValue('edge');
  await app.typeIn(app.inspector.getByLabel('Id', { exact: true }), 'front-door');
  await expect(app.inspector.getByLabel('Id', { exact: true })).toHaveValue('front-door');
  await expect(app.card('Edge')).toBeVisible();
  await app.typeIn(app.inspector.getByLabel('Replicas'), '0', false);
  await expect(app.inspector.getByRole('alert')).toHaveText('expected a positive integer');
  await app.typeIn(app.inspector.getByLabel('Replicas'), '3');
  await expect(app.card('Edge')).toContainText('×3');
  await app.typeIn(app.inspector.getByLabel('Replicas'), '');
  await expect(app.card('Edge')).not.toContainText('×3');
});

test('a file without positions is laid out; a bad file is refused and keeps the design', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.addFromPalette('service');

  await app.openFile('bad.signalbox.yaml', BAD_FILE);
  const dialog = page.getByRole('dialog', { name: 'Could not open bad.signalbox.yaml' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('links[0].timeoutMs · line 6');
  await expect(dialog).toContainText('expected a positive integer');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.card('Service')).toBeVisible();
  await expect(app.designName()).toHaveValue('Untitled design');

  await app.openFile('shop.signalbox.yaml', NO_POSITIONS);
  await expect(app.designName()).toHaveValue('Imported without positions');
  await expect(app.cards()).toHaveCount(7);
  await expect(page.getByRole('status').filter({ hasText: /^Laying out/ })).toHaveCount(0);
  // Laid out left to right: the client first, Stripe after Payment; nothing overlaps.
  await expect
    .poll(async () => {
      const web = await app.card('Web').boundingBox();
      const order = await app.card('Order').boundingBox();
      return web && order ? order.x - web.x : 0;
    })
    .toBeGreaterThan(100);
  await app.waitForStillView(app.card('Stripe'));
  const boxes = await Promise.all(
    ['Web', 'Gateway', 'Order', 'Payment', 'Kafka', 'Orders DB', 'Stripe'].map((name) => app.card(name).boundingBox()),
  );
  for (const b of boxes) expect(b).not.toBeNull();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  }
  await page.screenshot({ path: 'bench/out/opened-without-positions.png' });
  // The layout is one undo step.
  await app.clickEmptyCanvas();
  await app.press('Control+z');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

const COMMENTED = `# Checkout, as the payments team drew it.
signalbox: 1
name: Checkout   # shown in the title bar
nodes:
  # the one service customers talk to
  order: { kind: service, name: Order, at: [0, 0] }
  payment: { kind: service, name: Payment, at: [320, 0] }
links:
  - { from: order, to: payment, kind: sync, protocol: grpc, timeoutMs: 800 }  # p99 is 350 ms
`;

test('a YAML file keeps its comments through canvas edits and Save file', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openBlank();
  await app.openFile('checkout.signalbox.yaml', COMMENTED);
  await expect(app.card('Payment')).toBeVisible();

  const box = (await app.card('Payment').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 120, { steps: 8 });
  await page.mouse.up();

  const { text: saved } = await app.downloadText(page.getByRole('button', { name: 'Save file' }));
  expect(saved).toContain('# Checkout, as the payments team drew it.\n');
  expect(saved).toContain('name: Checkout   # shown in the title bar\n');
  expect(saved).toContain('  # the one service customers talk to\n  order: { kind: service, name: Order, at: [0, 0] }\n');
  expect(saved).toContain('timeoutMs: 800 }  # p99 is 350 ms');
  // Only the dragged node's position changed.
  expect(saved).not.toContain('at: [320, 0]');
  expect(saved).toMatch(/payment: \{ kind: service, name: Payment, at: \[\d+, \d+\] \}/);
});

for (const [name, file] of [
  [/Food delivery/, 'template-food-delivery.png'],
  [/E-commerce/, 'template-ecommerce.png'],
] as const) {
  test(`template ${file} renders readable`, async ({ page }) => {
    const app = new CanvasPage(page);
    await app.openBlank();
    await app.openTemplate(name);
    await expect(app.cards().first()).toBeVisible();
    expect(await app.cards().count()).toBeGreaterThan(5);
    await app.waitForStillView(app.cards().first());
    await page.screenshot({ path: `bench/out/${file}` });
  });
}
