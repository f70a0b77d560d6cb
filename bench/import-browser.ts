/**
 * Importing the generated 500-service Kubernetes manifest in the built app, as a person does it:
 * Import in the top bar, pick the file, read the preview, Create design; laid out by ELK and drawn.
 * Prints the time to the preview and to the drawn design. Not a timed test.
 *
 * Run: npx vite build && npx tsx bench/import-browser.ts [--dist dist] [--port 4199] [--services 500]
 */
import { arg, launchChromium, startPreview } from './browser';
import { generateKubernetesManifest } from '../src/core/import/generate';

const DIST = arg('dist', 'dist');
const PORT = Number(arg('port', '4199'));
const SERVICES = Number(arg('services', '500'));

async function main(): Promise<void> {
  const manifest = generateKubernetesManifest(SERVICES);
  const server = await startPreview(DIST, PORT);
  try {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.base);
    await page.getByRole('textbox', { name: 'Design name' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const started = Date.now();
    await (await chooser).setFiles({ name: 'cluster.yaml', mimeType: 'application/yaml', buffer: Buffer.from(manifest) });
    const dialog = page.getByRole('dialog');
    const create = dialog.getByRole('button', { name: 'Create design' });
    await create.waitFor({ timeout: 120_000 });
    const previewMs = Date.now() - started;
    const listed = await dialog.getByRole('list', { name: 'Nodes to create' }).getByRole('listitem').count();
    const acceptAt = Date.now();
    await create.click();
    await dialog.waitFor({ state: 'detached', timeout: 300_000 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const drawnMs = Date.now() - acceptAt;
    console.log(
      `import in the app, ${SERVICES}-service manifest (${(manifest.length / 1024).toFixed(0)} kB): preview ${previewMs} ms (${listed} nodes listed); Create design to drawn (ELK layout, one undo step) ${drawnMs} ms`,
    );
    await browser.close();
  } finally {
    server.stop();
  }
}

await main();
