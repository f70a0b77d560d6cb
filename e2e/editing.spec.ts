import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

// Three nodes in a row: the link a->c would run straight through b's card (it is routed around it
// since issue 10) and passes b's handles.
const ROW = `signalbox: 1
name: Row
nodes:
  a: { kind: service, name: Alpha, at: [0, 0] }
  b: { kind: service, name: Bravo, at: [320, 0] }
  c: { kind: service, name: Charlie, at: [640, 0] }
  d: { kind: service, name: Delta, at: [320, 240] }
links:
  - { from: a, to: c, kind: sync, protocol: rest, timeoutMs: 800 }
  - { from: b, to: d, kind: sync, protocol: grpc }
  - { from: d, to: b, kind: async, channel: delta.done }
`;

test('a selected link stays under the nodes: the card under it takes the click and starts a connection', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.openFile('row.signalbox.yaml', ROW);
  await expect(app.card('Bravo')).toBeVisible();
  await app.waitForStillView(app.card('Bravo'));

  // Select a->c by clicking its label (its line goes around Bravo now).
  const b = (await app.card('Bravo').boundingBox())!;
  await app.clickLinkLabel('Alpha', 'Charlie');
  await expect(app.inspector.getByText('a->c', { exact: true })).toBeVisible();
  await expect(app.inspector.getByLabel('Timeout (ms)')).toHaveValue('800');

  // A click on Bravo's middle is a click on Bravo, with the link selected.
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  await expect(app.inspector.getByRole('textbox', { name: 'Id' })).toHaveValue('b');
  await expect(app.inspector.getByLabel('Name', { exact: true })).toHaveValue('Bravo');

  // Select the line again, then start a connection from Bravo's right handle, which it covers.
  await app.clickLinkLabel('Alpha', 'Charlie');
  await expect(app.inspector.getByText('a->c', { exact: true })).toBeVisible();
  await app.connect('Bravo', 'Charlie');
  await expect(app.linkLabelOf('Bravo', 'Charlie')).toHaveText('REST');
});

test('two links between the same nodes have their own labels, and each selects its own link', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.openFile('row.signalbox.yaml', ROW);
  await app.waitForStillView(app.card('Delta'));
  const call = (await app.linkLabelOf('Bravo', 'Delta').boundingBox())!;
  const event = (await app.linkLabelOf('Delta', 'Bravo').boundingBox())!;
  const overlap =
    call.x < event.x + event.width &&
    event.x < call.x + call.width &&
    call.y < event.y + event.height &&
    event.y < call.y + call.height;
  expect(overlap).toBe(false);

  await page.mouse.click(call.x + call.width / 2, call.y + call.height / 2);
  await expect(app.inspector.getByLabel('Protocol')).toHaveValue('grpc');
  await page.mouse.click(event.x + event.width / 2, event.y + event.height / 2);
  await expect(app.inspector.getByLabel('Channel', { exact: true })).toHaveValue('delta.done');
});

test('a half-typed bad value never reaches the design; a typed edit is one undo step', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.openFile('row.signalbox.yaml', ROW);
  await app.waitForStillView(app.card('Bravo'));
  await app.clickLinkLabel('Alpha', 'Charlie');

  const timeout = app.inspector.getByLabel('Timeout (ms)');
  await timeout.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('15x');
  await expect(app.inspector.getByRole('alert')).toHaveText('expected a positive integer');
  // Leaving the field keeps the message and commits nothing.
  await page.keyboard.press('Tab');
  await expect(app.inspector.getByRole('alert')).toHaveText('expected a positive integer');
  await app.clickEmptyCanvas();
  await app.clickLinkLabel('Alpha', 'Charlie');
  await expect(timeout).toHaveValue('800');

  // Escape gives the design's value back.
  await timeout.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('9y');
  await page.keyboard.press('Escape');
  await expect(timeout).toHaveValue('800');
  await expect(app.inspector.getByRole('alert')).toHaveCount(0);

  // A good value typed key by key is committed once, on Enter: one undo step back to 800.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+z');
  await app.clickLinkLabel('Alpha', 'Charlie');
  await expect(timeout).toHaveValue('800');
  await app.clickEmptyCanvas();
  await app.press('ControlOrMeta+Shift+z');
  await app.clickLinkLabel('Alpha', 'Charlie');
  await expect(timeout).toHaveValue('1500');
});
