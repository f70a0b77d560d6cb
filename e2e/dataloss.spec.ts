import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { CodeView } from './fixtures/codeView';
import { SharePage } from './fixtures/sharePage';

/** Issue 11: nothing typed, added or renamed is lost, whatever the timing, the tabs or the storage. */

/** Every node's card on the canvas, as a person counts them. */
const nodes = (page: Page) => new CanvasPage(page).cards();
const SHOTS = '/tmp/shots-i11';

test('typing in the code view survives a reload within the typing pause', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new SharePage(page);
  await app.openFresh();
  const code = new CodeView(page);
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  // Monaco is loaded on first open: on a busy machine that takes longer than the default wait.
  await expect(code.status).toHaveText('valid', { timeout: 45_000 });
  await code.goToLineWith('name: Food delivery platform');
  await page.keyboard.press('End');
  await page.keyboard.type('2');
  // At once, well inside the 300 ms the code view waits before it reads the text.
  await page.reload();
  await expect(app.designName()).toHaveValue('Food delivery platform2');
});

test('two tabs on one design: neither overwrites the other', async ({ context }) => {
  const a = await context.newPage();
  const appA = new SharePage(a);
  await appA.openFresh();
  const b = await context.newPage();
  const appB = new SharePage(b);
  await b.goto('/');
  await expect(appB.designName()).toHaveValue('Food delivery platform');
  const before = await nodes(b).count();

  // Tab A adds two services; tab B, open on the same design, follows.
  await a.getByRole('button', { name: 'Add service' }).click();
  await a.getByRole('button', { name: 'Add service' }).click();
  await expect(nodes(a)).toHaveCount(before + 2);
  await expect(nodes(b)).toHaveCount(before + 2);
  await expect(b.getByText('was changed in another tab; its latest version is open here now')).toBeVisible();

  // Tab B renames: on top of A's services, not over them.
  await appB.designName().click();
  await b.keyboard.press('ControlOrMeta+A');
  await b.keyboard.type('Renamed in B');
  await b.keyboard.press('Tab');
  await expect(appA.designName()).toHaveValue('Renamed in B');

  await a.reload();
  await b.reload();
  for (const [page, app] of [
    [a, appA],
    [b, appB],
  ] as const) {
    await expect(app.designName()).toHaveValue('Renamed in B');
    await expect(nodes(page)).toHaveCount(before + 2);
  }
});

test('storage full: the work stays, the warning stays, Save file keeps it, leaving asks first', async ({ page }) => {
  const app = new SharePage(page);
  await app.openFresh();
  const before = await nodes(page).count();
  // The browser's quota used up by something else on this origin (the condition, not the app's state).
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(nodes(page)).toHaveCount(before + 2);
  const warning = page.getByRole('alert').filter({ hasText: 'Not saved in this browser' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Use Save file to keep them');
  await expect(warning).not.toContainText('setItem');
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/storage-full-${width}x${height}.png` });
  }
  // Still there long after a toast would have gone.
  await page.waitForTimeout(4500);
  await expect(warning).toBeVisible();

  const saved = await app.downloadText(warning.getByRole('button', { name: 'Save file' }));
  expect(saved.name).toBe('food-delivery-platform.signalbox.yaml');
  // The two services added after storage filled up are in the file.
  expect(saved.text).toMatch(/name: Service\b/);
  expect(saved.text).toMatch(/name: Service 2\b/);

  // Closing the tab asks first.
  const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');
});

test('a design stored but missing from the design list is listed again', async ({ page }) => {
  const app = new SharePage(page);
  await app.openFresh();
  // The damage the audit found: a design under its key that the list does not name.
  await page.evaluate(() =>
    localStorage.setItem('signalbox:design:lost1', JSON.stringify({ signalbox: 1, name: 'Lost design', nodes: {}, links: [] })),
  );
  await page.reload();
  const list = await app.openLibrary();
  await expect(app.libraryItem(list, 'Lost design')).toBeVisible();
  await expect(app.libraryItem(list, 'Food delivery platform')).toBeVisible();
});
