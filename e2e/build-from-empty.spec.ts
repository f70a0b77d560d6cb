import { expect, test, type Page } from '@playwright/test';
import { EditingPage } from './fixtures/editingPage';
import { screenshotPath } from './fixtures/screenshots';

/** Counts what a person does: clicks (a double-click is two), drags, key presses. */
class Effort {
  clicks = 0;
  drags = 0;
  keys = 0;
  /** The same journey in the UI before issue 10, estimated step by step (see `created`). */
  before = { clicks: 0, drags: 0, keys: 0 };
  constructor(readonly page: Page) {}
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
    this.keys += times;
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.keys += text.length;
  }
}

test('build the food delivery system from empty, counting clicks and keys', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new EditingPage(page);
  const effort = new Effort(page);
  await app.openBlank();
  effort.clicks += 1; // New
  effort.before.clicks += 1;

  await app.addFromPalette('client');
  effort.clicks += 1;
  effort.before.clicks += 1;
  await expect(app.card('Web app')).toBeVisible();
  await app.waitForStillView(app.card('Web app'));
  // The first card is framed at the centre: zoom out three times and move the view so the system fits.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
  const canvas = (await app.canvas.boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 40);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(canvas.x + canvas.width * 0.2, canvas.y + 40, { steps: 10 });
  await page.mouse.up({ button: 'right' });
  effort.clicks += 3;
  effort.drags += 1;
  effort.before.clicks += 3;
  effort.before.drags += 1;
  await app.waitForStillView(app.card('Web app'));

  /**
   * A new node linked from `from`: now one drag to empty canvas, arrows to its kind, Enter, its
   * name, Enter. Before: a palette click, a drag to move it off the centre, a drag to link it,
   * and to name it a click on the card, a click in Name, Ctrl+A, the name, a click away (and the
   * id stayed `service-2`).
   */
  const created = async (from: string, dx: number, dy: number, arrows: number, name: string | null) => {
    await app.connectToEmpty(from, dx, dy);
    effort.drags += 1;
    await expect(app.connectMenu()).toBeVisible();
    await effort.press('ArrowDown', arrows);
    await effort.press('Enter');
    if (name) await effort.type(name);
    await effort.press('Enter');
    // A node left with its kind's name (the gateway) shows that name.
    await expect(app.card(name ?? 'API Gateway')).toBeVisible();
    effort.before.clicks += 1;
    effort.before.drags += 2;
    if (name) {
      effort.before.clicks += 3;
      effort.before.keys += 1 + name.length;
    }
  };
  /** A link between two nodes that exist: one drag, before and after. */
  const linked = async (from: string, to: string) => {
    await app.connect(from, to);
    effort.drags += 1;
    effort.before.drags += 1;
  };
  const SERVICE = 0;
  const GATEWAY = 1;
  const BROKER = 2;
  const DATABASE = 3;
  const EXTERNAL = 5;

  await created('Web app', 60, 0, GATEWAY, null);
  await created('API Gateway', 60, -130, SERVICE, 'Order');
  await created('API Gateway', 60, -65, SERVICE, 'User');
  await created('API Gateway', 60, 0, SERVICE, 'Restaurant');
  await created('API Gateway', 60, 65, SERVICE, 'Menu');
  await created('API Gateway', 60, 130, SERVICE, 'Pricing');
  await created('Order', 60, -60, SERVICE, 'Payment');
  await created('Order', 60, 10, BROKER, 'Kafka');
  await created('Order', 60, -130, DATABASE, 'Orders DB');
  await created('Restaurant', 60, 0, DATABASE, 'Restaurants DB');
  await created('User', 60, 30, DATABASE, 'Users DB');
  await created('Payment', 60, -40, EXTERNAL, 'Stripe');
  await created('Payment', 60, 30, DATABASE, 'Payments DB');
  await created('Kafka', 60, 0, SERVICE, 'Delivery');
  await created('Kafka', 60, 60, SERVICE, 'Notification');
  await linked('Menu', 'Pricing');
  await linked('Restaurant', 'Menu');
  await linked('Payment', 'Kafka');

  await expect(app.cards()).toHaveCount(16);
  await expect(app.link('Order', 'Kafka', 'order.events')).toBeVisible();
  await expect(app.linkLabelOf('Payment', 'Stripe')).toHaveText('REST');
  await expect(app.link('Kafka', 'Delivery', 'order.events')).toBeVisible();

  const after = effort.clicks + effort.drags + effort.keys;
  const b = effort.before;
  const before = b.clicks + b.drags + b.keys;
  console.log(
    `build-from-empty: after ${effort.clicks} clicks + ${effort.drags} drags + ${effort.keys} keys = ${after}; ` +
      `before (estimated) ${b.clicks} clicks + ${b.drags} drags + ${b.keys} keys = ${before}`,
  );
  expect(after).toBeLessThan(before);

  await page.getByRole('button', { name: 'Fit view' }).click();
  await app.waitForStillView(app.card('Order'));
  await page.screenshot({ path: screenshotPath('built-from-empty-1440x900.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Fit view' }).click();
  await app.waitForStillView(app.card('Order'));
  await page.screenshot({ path: screenshotPath('built-from-empty-1024x700.png') });
  // Rename in place and the connect menu at 1024x700 too.
  await app.startRename('Notification');
  await page.keyboard.type('Notifications');
  await page.screenshot({ path: screenshotPath('rename-in-place-1024x700.png') });
  await page.keyboard.press('Escape');
  await app.connectToEmpty('Pricing', 40, 60);
  await expect(app.connectMenu()).toBeVisible();
  await page.screenshot({ path: screenshotPath('connect-drop-menu-1024x700.png') });
  await page.keyboard.press('Escape');
});
