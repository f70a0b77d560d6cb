import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { marked } from 'marked';
import { exportDesign } from '../src/core/export/index';
import { FIXTURES } from '../src/core/fixtures/index';
import { readDesign } from '../src/core/format/read';
import { TEMPLATES } from '../src/core/templates/index';
import { AppPage } from './fixtures/appPage';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * The communication architecture document: what a person states in the inspector shows up in the
 * exported Markdown, and the document of every template and fixture reads well rendered as
 * GitHub-flavoured Markdown with its Mermaid diagrams drawn in Chromium.
 */

test('the inspector states platform, tracing, consistency and transformations, and the document says them', async ({ page }) => {
  const app = new CanvasPage(page);
  await new AppPage(page).openFresh();
  await app.clickEmptyCanvas();
  await app.inspector.getByLabel('Platform').selectOption('kubernetes');
  await app.inspector.getByLabel('Trace propagation').selectOption('w3c');
  await app.inspector.getByLabel('Place order: consistency').selectOption('eventual');
  await app.node('gateway').click();
  await app.inspector.getByLabel('Request transformations').click();
  await page.keyboard.type('strip /api prefix');
  await page.keyboard.press('Tab');
  await app.inspector.getByLabel('Load balancing').selectOption('least-connections');

  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await page.getByRole('tablist', { name: 'Export format' }).getByRole('tab', { name: 'Markdown', exact: true }).click();
  const region = page.getByRole('region', { name: 'Markdown', exact: true });
  const { text } = await new AppPage(page).downloadText(region.getByRole('button', { name: 'Download', exact: true }));
  expect(text).toContain('Platform: kubernetes.');
  expect(text).toContain('Propagation format: w3c.');
  expect(text).toContain('| Place order | eventual | choreography |');
  expect(text).toContain('- Request transformations: strip /api prefix');
  expect(text).toContain('- Load balancing: least-connections');
  expect(text).not.toContain('Not stated: where the system runs');
});

const MERMAID = fileURLToPath(new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
const DOCUMENTS = [...TEMPLATES, ...FIXTURES].map((t) => ({ id: t.id, design: readDesign(t.yaml).design! }));

for (const { id, design } of DOCUMENTS) {
  test(`the document of ${id} renders as GitHub Markdown with every diagram drawn`, async ({ page }) => {
    test.setTimeout(120_000);
    const markdown = exportDesign(design, 'markdown')[0]!.text;
    // Mermaid fences become <pre class="mermaid"> as GitHub shows them; everything else is marked's GFM.
    const renderer = new marked.Renderer();
    const code = renderer.code.bind(renderer);
    renderer.code = (token) =>
      token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/</g, '&lt;')}</pre>` : code(token);
    const html = await marked.parse(markdown, { gfm: true, renderer });
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1012px; margin: 24px auto; padding: 0 24px; color: #1f2328; }
        h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } table { border-collapse: collapse; display: block; overflow: auto; }
        th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; } tr:nth-child(2n) { background: #f6f8fa; }
        code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; } pre.mermaid { text-align: center; }
      </style></head><body>${html}</body></html>`,
    );
    // No script from the design ever runs: the page holds only what marked wrote and the mermaid we add.
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(async () => {
      const m = (window as unknown as { mermaid: { initialize: (c: object) => void; run: () => Promise<void> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { defaultRenderer: 'dagre-wrapper' } });
      await m.run();
    });
    const diagrams = page.locator('pre.mermaid');
    const count = await diagrams.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await expect(diagrams.nth(i).locator('svg')).toBeVisible();
    await expect(page.getByText('Syntax error in text')).toHaveCount(0);
    for (let n = 1; n <= 12; n++)
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${n}\\. `) })).toHaveCount(1);
    await mkdir('/tmp/shots-i14', { recursive: true });
    for (const [w, h] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `/tmp/shots-i14/document-${id}-${w}.png`, fullPage: true });
    }
  });
}
