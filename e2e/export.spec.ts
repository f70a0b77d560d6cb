import { writeFile } from 'node:fs/promises';
import { expect, test, type Locator } from '@playwright/test';
import { AppPage, previewDrawing } from './fixtures/appPage';

/**
 * The export journey on the food-delivery template (a first visit opens it): every format
 * downloads a file with the right name and content, Copy fills the clipboard, the Mermaid
 * preview draws the design, and the canvas comes out as a real PNG and SVG.
 */

async function openExportTab(app: AppPage): Promise<Locator> {
  await app.openFresh();
  await app.page.getByRole('tab', { name: 'Export', exact: true }).click();
  const formats = app.page.getByRole('tablist', { name: 'Export format' });
  await expect(formats).toBeVisible();
  return formats;
}

const TEXT_FORMATS = [
  { tab: 'Mermaid', file: 'food-delivery-platform.mmd', start: /^---\nconfig:\n {2}layout: dagre\n---\nflowchart LR\n/ },
  { tab: 'AsyncAPI', file: 'food-delivery-platform.asyncapi.yaml', start: /^asyncapi: 3\.0\.0\n/ },
  { tab: 'Markdown', file: 'food-delivery-platform.md', start: /^# Food delivery platform\n/ },
  { tab: 'YAML', file: 'food-delivery-platform.signalbox.yaml', start: /^signalbox: 1\nname: Food delivery platform\n/ },
  { tab: 'JSON', file: 'food-delivery-platform.signalbox.json', start: /^\{\n {2}"signalbox": 1,/ },
] as const;

test('each text format downloads under its file name with its content', async ({ page }) => {
  const app = new AppPage(page);
  const formats = await openExportTab(app);
  for (const format of TEXT_FORMATS) {
    await formats.getByRole('tab', { name: format.tab, exact: true }).click();
    await expect(formats.getByRole('tab', { name: format.tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    const region = page.getByRole('region', { name: format.tab, exact: true });
    await expect(region.getByText(format.file)).toBeVisible();
    const { name, text } = await app.downloadText(region.getByRole('button', { name: 'Download', exact: true }));
    expect(name).toBe(format.file);
    expect(text).toMatch(format.start);
  }
  // The editor shows the same text, coloured by Monaco.
  await formats.getByRole('tab', { name: 'YAML', exact: true }).click();
  await expect(page.getByRole('region', { name: 'YAML' }).getByText('signalbox: 1', { exact: true })).toBeVisible();
});

test('OpenAPI and sequence diagrams: one file at a time, or all in a zip', async ({ page }) => {
  const app = new AppPage(page);
  const formats = await openExportTab(app);

  await formats.getByRole('tab', { name: 'OpenAPI', exact: true }).click();
  const openapi = page.getByRole('region', { name: 'OpenAPI', exact: true });
  const picker = openapi.getByRole('combobox', { name: 'File' });
  await expect(picker).toBeVisible();
  await picker.selectOption('order.openapi.yaml');
  const one = await app.downloadText(openapi.getByRole('button', { name: 'Download', exact: true }));
  expect(one.name).toBe('order.openapi.yaml');
  expect(one.text).toMatch(/^openapi: 3\.1\.0\n/);
  expect(one.text).toContain('title: Order API');

  const zip = await app.download(openapi.getByRole('button', { name: 'Download all (.zip)' }));
  expect(zip.name).toBe('food-delivery-platform-openapi.zip');
  expect(zip.data.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(zip.data.toString('latin1')).toContain('order.openapi.yaml');

  await formats.getByRole('tab', { name: 'Sequence', exact: true }).click();
  const sequence = page.getByRole('region', { name: 'Sequence', exact: true });
  const first = await app.downloadText(sequence.getByRole('button', { name: 'Download', exact: true }));
  expect(first.name).toMatch(/\.mmd$/);
  expect(first.text).toMatch(/^sequenceDiagram\n/);
  await expect(previewDrawing(sequence)).toBeVisible({ timeout: 30_000 });
});

test('the Mermaid preview draws the design, and Copy puts the text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await openExportTab(app);
  const region = page.getByRole('region', { name: 'Mermaid', exact: true });
  const preview = region.getByRole('region', { name: 'Preview of food-delivery-platform.mmd' });
  // Mermaid is loaded on demand and lays out ~20 nodes: give a loaded machine time.
  await expect(preview.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('svg')).toContainText('Order');
  await expect(preview.locator('svg')).toContainText('Twilio (SMS & push)');
  await expect(preview.getByRole('alert')).toHaveCount(0);

  await region.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(region.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toContain('flowchart LR');
  expect(clipboard).toContain('"Order"');

  await page
    .getByRole('complementary', { name: 'Side panel' })
    .screenshot({ path: test.info().outputPath('export-panel-mermaid.png') });
  // Fitted into the panel the flowchart is a thumbnail: actual size lets it be read, scrolling.
  await preview.getByRole('button', { name: 'Actual size' }).click();
  await expect(preview.getByRole('button', { name: 'Actual size' })).toHaveAttribute('aria-pressed', 'true');
  await page
    .getByRole('complementary', { name: 'Side panel' })
    .screenshot({ path: test.info().outputPath('export-panel-mermaid-actual.png') });
});

test('an edit to the design reaches the open export', async ({ page }) => {
  const app = new AppPage(page);
  const formats = await openExportTab(app);
  await formats.getByRole('tab', { name: 'YAML', exact: true }).click();
  const region = page.getByRole('region', { name: 'YAML', exact: true });
  await expect(region.getByText('food-delivery-platform.signalbox.yaml')).toBeVisible();
  await app.designName().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Renamed platform');
  await expect(region.getByText('renamed-platform.signalbox.yaml')).toBeVisible();
  await expect(region.getByText('name: Renamed platform', { exact: true })).toBeVisible();
  const { name, text } = await app.downloadText(region.getByRole('button', { name: 'Download', exact: true }));
  expect(name).toBe('renamed-platform.signalbox.yaml');
  expect(text).toContain('name: Renamed platform\n');
});

test('the canvas downloads as a PNG and as an SVG', async ({ page }) => {
  // The PNG rasterises the written SVG at twice its size: give a loaded machine time.
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const formats = await openExportTab(app);

  await formats.getByRole('tab', { name: 'PNG', exact: true }).click();
  const pngRegion = page.getByRole('region', { name: 'PNG', exact: true });
  await expect(pngRegion.getByRole('img', { name: 'The canvas as PNG' })).toBeVisible({ timeout: 30_000 });
  const png = await app.download(pngRegion.getByRole('button', { name: 'Download PNG' }));
  expect(png.name).toBe('food-delivery-platform.png');
  expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await writeFile(test.info().outputPath('canvas.png'), png.data);
  await page
    .getByRole('complementary', { name: 'Side panel' })
    .screenshot({ path: test.info().outputPath('export-panel-png.png') });

  await formats.getByRole('tab', { name: 'SVG', exact: true }).click();
  const svgRegion = page.getByRole('region', { name: 'SVG', exact: true });
  await expect(svgRegion.getByRole('img', { name: 'The canvas as SVG' })).toBeVisible({ timeout: 30_000 });
  const svg = await app.downloadText(svgRegion.getByRole('button', { name: 'Download SVG' }));
  expect(svg.name).toBe('food-delivery-platform.svg');
  expect(svg.text.startsWith('<svg')).toBe(true);
  // The design is in it as text; the editor's chrome is not.
  expect(svg.text).toContain('Order');
  expect(svg.text).not.toContain('react-flow__minimap');
  expect(svg.text).not.toContain('react-flow__controls');
  expect(svg.text).not.toContain('react-flow__handle');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null };
  }, svg.text);
  expect(parsed).toEqual({ root: 'svg', error: false });
});

const HOSTILE_YAML = `signalbox: 1
name: Hostile names
nodes:
  web: { kind: client, name: '<img src=x onerror="window.__pwned=1">', at: [0, 0] }
  api: { kind: service, name: '<script>window.__pwned=2</script> end', at: [300, 0] }
  db: { kind: database, name: 'a "quoted" | pipe; #hash', at: [600, 0] }
links:
  - { from: web, to: api, kind: sync, protocol: rest }
  - { from: api, to: db, kind: sync, protocol: sql }
`;

test('hostile names are drawn as text in the Mermaid preview, and nothing runs', async ({ page }) => {
  const app = new AppPage(page);
  await openExportTab(app);
  await app.openFile('hostile.signalbox.yaml', HOSTILE_YAML);
  await expect(app.designName()).toHaveValue('Hostile names');
  const region = page.getByRole('region', { name: 'Mermaid', exact: true });
  const drawing = region.getByRole('region', { name: 'Preview of hostile-names.mmd' }).locator('svg');
  await expect(drawing).toBeVisible({ timeout: 30_000 });
  await expect(drawing).toContainText('<script>window.__pwned=2</script> end');
  await expect(drawing).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(drawing).toContainText('a "quoted" | pipe; #hash');
  await expect(drawing.locator('script, img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
