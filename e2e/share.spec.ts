import { expect, test, type Browser } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { SharePage } from './fixtures/sharePage';

/**
 * Share by link: what one architect copies, another opens in a browser that has never seen it
 * (a fresh context: its own storage), and sees the same design. Protected and view links, and a
 * damaged link that opens nothing.
 */

async function openInFreshBrowser(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, app: new SharePage(page) };
}

test('a copied link opens the same design in another browser, as a new library entry', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const sender = new SharePage(page);
  await sender.openFresh();
  await sender.renameDesign('Checkout review');
  const nodes = await sender.canvasNodes();

  const dialog = await sender.openShareDialog();
  await expect(dialog.getByText(/^[\d,]+ characters/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(dialog.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await sender.linkFromDialog('Link'));
  // The app's own address (the configured base URL, whatever its port), then the versioned fragment.
  expect(link.slice(0, `${baseURL}#s1.`.length)).toBe(`${baseURL}#s1.`);
  await page.keyboard.press('Escape');
  await expect(sender.shareDialog()).toBeHidden();

  // The receiver already has work of their own: the link must not replace it.
  const receiverContext = await browser.newContext();
  const receiverPage = await receiverContext.newPage();
  const receiver = new SharePage(receiverPage);
  await receiver.openFresh();
  await receiver.renameDesign('My own work');
  await receiverPage.goto(link);
  await expect(receiver.designName()).toHaveValue('Checkout review');
  expect(await receiver.canvasNodes()).toEqual(nodes);
  // The fragment is gone, so a reload does not import it again.
  await expect(receiverPage).toHaveURL(baseURL!);

  const list = await receiver.openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(receiver.libraryItem(list, 'My own work')).toBeVisible();
  await expect(receiver.libraryItem(list, 'Checkout review')).toHaveAttribute('aria-current', 'true');

  await receiverPage.reload();
  await expect(receiver.designName()).toHaveValue('Checkout review');
  const again = await receiver.openLibrary();
  await expect(again.getByRole('listitem')).toHaveCount(2);
  await receiverContext.close();
  await context.close();
});

test('a protected link asks for the passphrase, refuses a wrong one, opens with the right one', async ({ page, browser }) => {
  const sender = new SharePage(page);
  await sender.openFresh();
  await sender.renameDesign('Payments (confidential)');
  const nodes = await sender.canvasNodes();
  await sender.openShareDialog();
  const link = await sender.createProtectedLink('correct horse battery');
  expect(link).toMatch(/#p1\./);
  await expect(sender.shareDialog().getByText(/Send the passphrase separately/)).toBeVisible();

  const { context, page: other, app } = await openInFreshBrowser(browser, link);
  const prompt = other.getByRole('dialog', { name: 'This link is protected' });
  await expect(prompt).toBeVisible();
  await expect(new CanvasPage(other).cards()).toHaveCount(0);
  await prompt.getByLabel('Passphrase').click();
  await other.keyboard.type('wrong horse');
  await prompt.getByRole('button', { name: 'Open design' }).click();
  await expect(prompt.getByRole('alert')).toContainText(/passphrase/i);
  await expect(prompt).toBeVisible();

  await prompt.getByLabel('Passphrase').click();
  await other.keyboard.press('ControlOrMeta+a');
  await other.keyboard.type('correct horse battery');
  await prompt.getByRole('button', { name: 'Open design' }).click();
  await expect(prompt).toBeHidden();
  await expect(app.designName()).toHaveValue('Payments (confidential)');
  expect(await app.canvasNodes()).toEqual(nodes);

  // Cancel opens nothing: the viewer's own design stays.
  const tab = await context.newPage();
  await tab.goto(link);
  const again = tab.getByRole('dialog', { name: 'This link is protected' });
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
  await expect(new SharePage(tab).designName()).toHaveValue('Payments (confidential)');
  const list = await new SharePage(tab).openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await context.close();
});

test('a view link shows the design without editing chrome, findings on demand, and can be copied for editing', async ({
  page,
  browser,
  baseURL,
}) => {
  const sender = new SharePage(page);
  await sender.openFresh();
  const nodes = await sender.canvasNodes();
  await sender.openShareDialog();
  const link = await sender.linkFromDialog('View link');
  const embed = await sender.shareDialog().getByRole('textbox', { name: 'Embed (iframe)' }).inputValue();
  expect(embed).toContain(`<iframe src="${link}"`);

  const { context, page: viewer, app } = await openInFreshBrowser(browser, link);
  const bar = viewer.getByRole('region', { name: 'View only' });
  await expect(bar).toBeVisible();
  await expect(bar.getByText('Food delivery platform', { exact: true })).toBeVisible();
  expect(await app.canvasNodes()).toEqual(nodes);
  // No editing chrome: no top bar, palette, side panel or inspector.
  await expect(viewer.getByRole('banner')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Add / })).toHaveCount(0);
  await expect(viewer.getByRole('tablist')).toHaveCount(0);
  await expect(viewer.getByRole('textbox', { name: 'Design name' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Snap to grid' })).toHaveCount(0);

  // Findings only when asked for; the template has some (see findings.spec.ts).
  await expect(viewer.getByRole('list', { name: 'Findings' })).toHaveCount(0);
  await bar.getByRole('button', { name: /^Findings/ }).click();
  await expect(viewer.getByRole('list', { name: 'Findings' }).getByRole('listitem').first()).toBeVisible();
  // The button reads `Findings 12`: the count is its accessible name's number.
  const findingsButton = bar.getByRole('button', { name: /^Findings \d+$/ });
  const count = Number(((await findingsButton.textContent()) ?? '').replace(/^Findings\s*/, ''));
  expect(count).toBeGreaterThan(0);
  await expect(viewer.getByRole('list', { name: 'Findings' }).getByRole('listitem')).toHaveCount(count);

  // Viewing wrote nothing to the viewer's library.
  expect(await viewer.evaluate(() => localStorage.getItem('signalbox:library'))).toBeNull();

  await bar.getByRole('button', { name: 'Open in Signalbox' }).click();
  await expect(app.designName()).toHaveValue('Food delivery platform');
  await expect(bar).toBeHidden();
  await expect(viewer).toHaveURL(baseURL!);
  const list = await app.openLibrary();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await context.close();
});

test('a damaged or cut-off link opens nothing, says why, and the current design stays', async ({ page, context }) => {
  const app = new SharePage(page);
  await app.openFresh();
  await app.openShareDialog();
  const link = await app.linkFromDialog('Link');
  await page.keyboard.press('Escape');
  await app.renameDesign('Work in progress');

  // One character changed in the middle: corrupt.
  const at = link.indexOf('#s1.') + 40;
  const swapped = link[at] === 'A' ? 'B' : 'A';
  const corrupt = link.slice(0, at) + swapped + link.slice(at + 1);
  const tab = await context.newPage();
  await tab.goto(corrupt);
  const error = tab.getByRole('alertdialog', { name: 'Could not open this link' });
  await expect(error).toBeVisible();
  await expect(error.getByText(/damaged/)).toBeVisible();
  await error.getByRole('button', { name: 'OK' }).click();
  await expect(error).toBeHidden();
  const tabApp = new SharePage(tab);
  await expect(tabApp.designName()).toHaveValue('Work in progress');
  await expect((await tabApp.openLibrary()).getByRole('listitem')).toHaveCount(1);

  // Cut off when pasted, in the tab already open (a hash change): truncated, with its own message.
  await page.goto(link.slice(0, link.length - 300));
  const cut = page.getByRole('alertdialog', { name: 'Could not open this link' });
  await expect(cut.getByText(/incomplete/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cut).toBeHidden();
  await expect(app.designName()).toHaveValue('Work in progress');

  // A link from a newer Signalbox.
  await page.goto(link.replace('#s1.', '#s9.'));
  await expect(page.getByRole('alertdialog', { name: 'Could not open this link' }).getByText(/newer Signalbox/)).toBeVisible();
});

test('a link longer than chat tools keep carries a warning', async ({ page }) => {
  const app = new SharePage(page);
  await app.openFresh();
  // Irregular names and positions: a regular grid of "Service 1..200" compresses too well.
  const nodes = Array.from({ length: 200 }, (_, i) => {
    const tag = ((i * 2654435761) % 2 ** 32).toString(36);
    return `  s${tag}: { kind: service, name: Service ${tag}, at: [${(i * 137) % 5000}, ${(i * 89) % 3000}] }`;
  });
  const yaml = `signalbox: 1\nname: Big estate\nnodes:\n${nodes.join('\n')}\nlinks: []\n`;
  await app.openFile('big.signalbox.yaml', yaml);
  await expect(app.designName()).toHaveValue('Big estate');
  const dialog = await app.openShareDialog();
  const link = await app.linkFromDialog('Link');
  expect(link.length).toBeGreaterThan(2000);
  const length = dialog.getByText(`${link.length.toLocaleString('en')} characters`).first();
  await expect(length).toBeVisible();
  await expect(length).toContainText('may cut it');
});
