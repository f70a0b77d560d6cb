import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ImportPage, importFixture } from './fixtures/importPage';

/**
 * Bringing a real system in: drop a compose file and its override on the canvas, read what the
 * preview says it will create and why, accept, see the laid-out design and its findings, undo.
 * Cards are found by the names written on them, lists and buttons by their names.
 */

const COMPOSE_NODES = [
  'edge-gateway',
  'orders',
  'payment',
  'catalog',
  'shipping',
  'billing.legacy',
  'orders-db',
  'payment-db',
  'mongo',
  'redis',
  'kafka',
  'rabbitmq',
  'loadgen',
  'fraud',
  'Clients',
];

test('drop a compose file: preview, accept, laid out with findings, undo removes it', async ({ page }) => {
  const app = new ImportPage(page);
  await app.openFresh();
  const drag = await app.dragFilesOver([importFixture('compose.yaml'), importFixture('compose.override.yaml')]);
  // Held over the canvas, the files say what letting go does.
  await expect(app.canvasArea.getByText('Drop to import')).toBeVisible();
  await drag.drop();
  await expect(app.canvasArea.getByText('Drop to import')).toBeHidden();

  await expect(app.dialog.getByRole('heading', { name: 'Import 2 files' })).toBeVisible();
  await expect(app.dialog).toContainText('compose.yaml (compose), compose.override.yaml (compose): 15 nodes and 13 links.');
  const nodes = app.list('Nodes to create');
  await expect(nodes.getByRole('listitem')).toHaveCount(15);
  await expect(nodes.getByRole('listitem').filter({ hasText: 'edge-gateway' })).toHaveText(/^edge-gateway\s*gateway\s*envoy$/);
  await expect(nodes.getByRole('listitem').filter({ hasText: 'orders-db' })).toHaveText(/^orders-db\s*database\s*postgres$/);
  await expect(nodes.getByRole('listitem').filter({ hasText: 'loadgen' })).toHaveText(/^loadgen\s*client$/);
  const links = app.list('Links to create');
  await expect(links.getByRole('listitem')).toHaveCount(13);
  await expect(links.getByRole('listitem').filter({ hasText: 'orders->payment' })).toHaveText(/^orders->payment\s*sync rest$/);
  await expect(links.getByRole('listitem').filter({ hasText: 'orders->kafka' })).toHaveText(/^orders->kafka\s*async$/);
  const why = app.list('Inferences');
  await expect(why.getByRole('listitem').filter({ hasText: 'PAYMENT_URL=http://payment:8080 names payment' })).toContainText(
    'compose.yaml:18',
  );
  await expect(why.getByRole('listitem').filter({ hasText: /^jaeger/ })).toContainText('left out');
  // A design is open (the template): the preview offers the comparison with it.
  await expect(app.dialog.getByText(/^Drift against “Food delivery platform”: \d+ differences$/)).toBeVisible();

  await app.accept('Create design');
  await expect(app.designName()).toHaveValue('shop');
  for (const name of COMPOSE_NODES) await expect(app.card(name)).toBeVisible({ timeout: 30_000 });
  // Laid out by ELK: left to right, no two cards on the same spot.
  const boxes = await Promise.all(['Clients', 'edge-gateway', 'orders', 'orders-db'].map((name) => app.card(name).boundingBox()));
  const xs = boxes.map((b) => Math.round(b!.x));
  expect(xs[0]!).toBeLessThan(xs[1]!);
  expect(xs[1]!).toBeLessThan(xs[2]!);
  expect(xs[2]!).toBeLessThan(xs[3]!);

  await page.getByRole('tab', { name: /findings/i }).click();
  await expect(
    page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^missing-timeout:/ })
      .first(),
  ).toBeVisible();

  // The design as imported is kept as a version, so Compare later shows what was edited since.
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions' }).getByRole('list', { name: 'Saved versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await expect(versions.getByRole('listitem')).toContainText('Imported: compose.yaml, compose.override.yaml');
  await expect(versions.getByRole('listitem')).toContainText('kept on import');
  await page.keyboard.press('Escape');

  await app.clickEmptyCorner();
  await page.keyboard.press('Control+z');
  for (const name of COMPOSE_NODES) await expect(app.card(name)).toHaveCount(0);
  await expect(app.canvasArea.getByText('An empty design')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  for (const name of COMPOSE_NODES) await expect(app.card(name)).toBeVisible();

  // The same files again, without the override: the drift lists exactly what only the override said.
  await app.pickFiles([importFixture('compose.yaml')]);
  await app.dialog.getByText('Drift against “shop”: 2 differences').click();
  await expect(app.list('Drift').getByRole('listitem')).toHaveText([
    /^only in design\s*fraud is in the design but not in the files$/,
    /^only in design\s*orders->fraud is in the design but the files show no such call$/,
  ]);
  await app.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.card('fraud')).toBeVisible();
});

test('Import merges a Kubernetes manifest into the open design as one undo step', async ({ page }) => {
  const app = new ImportPage(page);
  await app.openFresh();
  await app.pickFiles([importFixture('kubernetes.yaml')]);
  await expect(
    app.list('Inferences').getByRole('listitem').filter({ hasText: 'VirtualService payment (callers with app=checkout)' }),
  ).toContainText('timeoutMs: 2000, retry: { max: 3 }');
  await app.dialog.getByRole('radio', { name: /Merge into “Food delivery platform”/ }).check();
  await app.accept('Merge into design');
  await expect(app.designName()).toHaveValue('Food delivery platform');
  // What the design had stays; what the manifest adds is new.
  await expect(app.card('Customer app')).toBeVisible();
  for (const name of ['payment-v1', 'checkout', 'refunds']) await expect(app.card(name)).toBeVisible();
  await app.clickEmptyCorner();
  await page.keyboard.press('Control+z');
  for (const name of ['payment-v1', 'checkout', 'refunds']) await expect(app.card(name)).toHaveCount(0);
  await expect(app.card('Customer app')).toBeVisible();
});

test('a bad file says which file, line and what was expected; the design is untouched', async ({ page }) => {
  const app = new ImportPage(page);
  await app.openFresh();
  await app.dropFiles([{ name: 'compose.yaml', text: 'services:\n  api:\n    image: ${IMAGE}\n' }]);
  await expect(app.dialog.getByRole('list', { name: 'Problems' })).toContainText('compose.yaml:3');
  await expect(app.dialog).toContainText('unresolvable variable ${IMAGE}');
  await expect(app.dialog).toContainText('your design is unchanged');
  await app.dialog.getByRole('button', { name: 'OK' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.designName()).toHaveValue('Food delivery platform');
  await expect(app.card('Customer app')).toBeVisible();
  await expect(app.card('api')).toHaveCount(0);

  await app.dropFiles([{ name: '<script>alert(1)</script>.yaml', text: 'title: "not a format"\n' }]);
  await expect(app.dialog.getByRole('list', { name: 'Problems' })).toContainText('not a format Signalbox imports');
  await expect(app.dialog.getByRole('heading')).toHaveText('Import <script>alert(1)</script>.yaml');
  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();

  // A picture dropped by mistake, and a 10 MB manifest: one line each, nothing imported.
  const png = readFileSync(fileURLToPath(new URL('../docs/screenshot.png', import.meta.url)));
  await app.dropFiles([{ name: 'screenshot.png', bytes: png }]);
  await expect(app.dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    /^screenshot\.png:\d+\s*binary content, not text/,
  ]);
  await page.keyboard.press('Escape');
  const big = `apiVersion: v1\nkind: ConfigMap\ndata:\n${'  k: v\n'.repeat(1_500_000)}`;
  await app.dropFiles([{ name: 'cluster.yaml', text: big }]);
  await expect(app.dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    /^cluster\.yaml\s*file too large \(10\.0 MB; the limit is 5 MB\): split the manifest$/,
  ]);
  await page.keyboard.press('Escape');
  await expect(app.designName()).toHaveValue('Food delivery platform');
  await expect(app.card('Customer app')).toBeVisible();
});
