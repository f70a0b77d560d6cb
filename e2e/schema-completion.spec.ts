import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

/**
 * Issue 17: schema/signalbox.schema.json in a real YAML language server. The page
 * (e2e/schema-editor/) is Monaco with monaco-yaml, which runs yaml-language-server in a worker and
 * knows only the JSON Schema; it is built and served here, never shipped with the app. Typing a
 * node offers the schema's kinds, and a bad value gets the language server's message.
 */

const config = fileURLToPath(new URL('./schema-editor/vite.config.ts', import.meta.url));
let server: PreviewServer;

test.beforeAll(async () => {
  // Monaco and the language server are a few megabytes to bundle: slow on a loaded machine.
  test.setTimeout(240_000);
  await build({ configFile: config });
  server = await preview({ configFile: config, preview: { host: '127.0.0.1', port: 0 } });
});

test.afterAll(async () => {
  await server?.close();
});

test.setTimeout(120_000);

// This journey has failed now and then in CI on its first try (60 s without the language server's
// kinds, then passing on retry), never here: what the page and its workers said goes with a
// failure, for the next look.
let pageLog: string[] = [];
test.beforeEach(({ page }) => {
  pageLog = [];
  page.on('console', (message) => pageLog.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => pageLog.push(`page error: ${error.message}`));
  page.on('worker', (worker) => {
    pageLog.push(`worker started: ${worker.url()}`);
    worker.on('close', () => pageLog.push(`worker closed: ${worker.url()}`));
  });
});
test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  // Written beside the test's other output (test-results/), which CI keeps for a failed run.
  writeFileSync(testInfo.outputPath('page-log.txt'), pageLog.join('\n') || '(nothing)');
  await page.screenshot({ path: testInfo.outputPath('failure.png') });
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`the JSON Schema completes node kinds and flags a bad value (${viewport.width}x${viewport.height})`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setViewportSize(viewport);
    await page.goto(server.resolvedUrls!.local[0]!);

    // A new node under the gateway's line.
    await page.getByText('API Gateway').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('orders:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kind: ');

    // The language server offers the schema's enum, with the schema's description beside it. A
    // space opens the list once the server is up; before that (a cold worker on a loaded machine)
    // the list holds no kinds, only the words of the text or "No suggestions", and a person closes
    // it and asks again with Ctrl+Space, as in VS Code.
    const suggest = page.getByRole('listbox');
    const client = suggest.getByRole('option', { name: /^client\b/ });
    await expect(async () => {
      if (!(await client.isVisible())) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
      }
      await expect(client).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    for (const kind of ['client', 'gateway', 'service', 'broker', 'database', 'external'])
      await expect(suggest.getByRole('option', { name: new RegExp(`^${kind}\\b`) })).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath(`schema-completion-${viewport.width}x${viewport.height}.png`) });
    await page.keyboard.type('ser');
    await expect(suggest.getByRole('option', { name: /^service\b/ })).toBeVisible();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'design.signalbox.yaml' });
    await expect(page.getByText('kind: service', { exact: true })).toBeVisible();

    // A bad value: the schema says replicas is an integer, and the server says so on the line.
    await page.keyboard.press('Enter');
    await page.keyboard.type('name: Orders');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('replicas: two');
    await page.keyboard.press('Escape');
    await expect(editor).toBeFocused();
    // The server validates after typing stops; a hover shown before that keeps its content, so
    // move away and back, as a person does once the squiggle appears.
    const hover = page.getByRole('tooltip');
    await expect(async () => {
      await page.mouse.move(0, 0);
      await page.getByText('two', { exact: true }).hover();
      await expect(hover).toContainText('Incorrect type. Expected "integer".', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath(`schema-validation-${viewport.width}x${viewport.height}.png`) });

    // The fix clears it, and hovering the key shows the schema's own words for it.
    await page.keyboard.press('End');
    for (let i = 0; i < 'two'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    await page.getByText('replicas', { exact: true }).hover();
    await expect(hover).toContainText('How many instances run', { timeout: 30_000 });
    await expect(hover).not.toContainText('Incorrect type');

    // Everything the page used came from its own origin: monaco-yaml is bundled, no CDN.
    const origin = new URL(server.resolvedUrls!.local[0]!).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
}
