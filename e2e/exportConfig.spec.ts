import { mkdirSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { AppPage } from './fixtures/appPage';

/**
 * From design to running config, on the food-delivery template: each of the six tabs shows its
 * artefact with the design's numbers and downloads it; a design without gRPC says why there is
 * nothing, in one line; the tabs still read well at 1440x900 and 1024x700.
 */

async function openExportTab(app: AppPage): Promise<Locator> {
  await app.openFresh();
  await app.page.getByRole('tab', { name: 'Export', exact: true }).click();
  const formats = app.page.getByRole('tablist', { name: 'Export format' });
  await expect(formats).toBeVisible();
  return formats;
}

const CONFIG_FORMATS = [
  {
    tab: 'gRPC',
    pick: 'payment.proto',
    start: /^\/\/ Payment \(payment\): gRPC services .*\nsyntax = "proto3";\n/,
    has: 'rpc Authorize(AuthorizeRequest)',
  },
  {
    tab: 'Istio',
    file: 'food-delivery-platform.istio.yaml',
    start: /^# Istio configuration .*\n---\napiVersion: networking\.istio\.io\/v1beta1\n/,
    has: 'perTryTimeout: 1s',
  },
  {
    tab: 'Gateway',
    file: 'food-delivery-platform.gateway.yaml',
    start: /^# Gateway API \+ Envoy Gateway/,
    has: 'requests: 3000',
  },
  {
    tab: 'Alerts',
    file: 'food-delivery-platform.rules.yaml',
    start: /^# Prometheus alerting rules .*\ngroups:\n/,
    has: 'expr: \'sum(increase(kafka_topic_partition_current_offset{topic="order.placed.dlq"}[5m])) > 0\'',
  },
  {
    tab: 'Schemas',
    pick: 'orderplaced-v1.schema.json',
    start: /^\{\n {2}"\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema",/,
    has: '"correlationid"',
  },
  {
    tab: 'Code',
    pick: 'order.resilience.ts',
    start: /^\/\/ Resilience policies for the calls Order \(order\) makes/,
    has: 'timeout(3500, TimeoutStrategy.Aggressive)',
  },
] as const;

test('each running-config tab shows its artefact with the numbers of the design and downloads it', async ({ page }) => {
  const app = new AppPage(page);
  const formats = await openExportTab(app);
  for (const format of CONFIG_FORMATS) {
    const tab = formats.getByRole('tab', { name: format.tab, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const region = page.getByRole('region', { name: format.tab, exact: true });
    if ('pick' in format) await region.getByRole('combobox', { name: 'File' }).selectOption(format.pick);
    const { name, text } = await app.downloadText(region.getByRole('button', { name: 'Download', exact: true }));
    expect(name).toBe('pick' in format ? format.pick : format.file);
    expect(text).toMatch(format.start);
    expect(text).toContain(format.has);
  }
  // The keyboard reaches them too: from Code, ArrowLeft goes back to Schemas.
  await formats.getByRole('tab', { name: 'Code', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(formats.getByRole('tab', { name: 'Schemas', exact: true })).toHaveAttribute('aria-selected', 'true');
});

test('a design without gRPC or a gateway says in one line why there is nothing to export', async ({ page }) => {
  const app = new AppPage(page);
  const formats = await openExportTab(app);
  await app.openFile(
    'plain.signalbox.yaml',
    'signalbox: 1\nname: Plain\nnodes:\n  a: { kind: service, name: "<script>alert(1)</script>" }\n  b: { kind: service, name: B }\nlinks:\n  - { from: a, to: b, kind: sync, protocol: rest, timeoutMs: 500 }\n',
  );
  await expect(app.designName()).toHaveValue('Plain');
  await formats.getByRole('tab', { name: 'gRPC', exact: true }).click();
  await expect(
    page.getByText('Nothing to export in this format yet: no service receives gRPC calls (links with protocol: grpc).'),
  ).toBeVisible();
  await formats.getByRole('tab', { name: 'Gateway', exact: true }).click();
  await expect(page.getByText('Nothing to export in this format yet: the design has no gateway node.')).toBeVisible();
  // The hostile name is a comment in the code, never markup on the page.
  await formats.getByRole('tab', { name: 'Code', exact: true }).click();
  const { text } = await app.downloadText(
    page.getByRole('region', { name: 'Code', exact: true }).getByRole('button', { name: 'Download', exact: true }),
  );
  expect(text).toContain('// Resilience policies for the calls <script>alert(1)</script> (a) makes');
  expect(await page.locator('script:not([src]):not([type])').filter({ hasText: 'alert(1)' }).count()).toBe(0);
});

test('screenshots of the new tabs at 1440x900 and 1024x700', async ({ page }) => {
  mkdirSync('/tmp/shots-i13', { recursive: true });
  const app = new AppPage(page);
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    const formats = await openExportTab(app);
    for (const tab of ['Istio', 'Code']) {
      await formats.getByRole('tab', { name: tab, exact: true }).click();
      await expect(
        page.getByRole('region', { name: tab, exact: true }).getByRole('button', { name: 'Download', exact: true }),
      ).toBeVisible();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/shots-i13/export-${tab.toLowerCase()}-${width}x${height}.png` });
    }
  }
});
