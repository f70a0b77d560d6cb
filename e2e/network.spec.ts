import { expect, test } from '@playwright/test';
import { CodeView } from './fixtures/codeView';

/**
 * Nothing leaves the origin: no CDN for Monaco or Mermaid, no web fonts, no telemetry. Records
 * every request of a session that opens the app, the code view, the export and findings tabs.
 */
test('a session makes no request outside the app origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // Workers make their own requests; the page's `request` event does not see them all.
  page.on('worker', (worker) => requests.push(worker.url()));

  await page.goto('/');
  const code = new CodeView(page);
  await code.open();
  // Hover and suggest widgets load their codicon font: it must be the bundled one.
  await code.editor.focus();
  await page.keyboard.press('Control+Space');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /export/i }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await page.getByRole('tab', { name: /findings/i }).click();
  // A finding is a button named `rule: message`.
  await expect(
    page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^[a-z-]+: / })
      .first(),
  ).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(outside).toEqual([]);
});
