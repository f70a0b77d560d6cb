import { fileURLToPath } from 'node:url';
import { screenshotPath } from './fixtures/screenshots';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { marked } from 'marked';
import { exportDesign } from '../src/core/export/index';
import { FIXTURES } from '../src/core/fixtures/index';
import { readDesign } from '../src/core/format/read';
import { TEMPLATES } from '../src/core/templates/index';
import { AppPage } from './fixtures/appPage';

/**
 * The communication architecture document: what a person states in the inspector shows up in the
 * code view and in the exported Markdown, what they type in the code view reaches the document,
 * and the document of every template and fixture reads well rendered as GitHub-flavoured Markdown
 * with its Mermaid diagrams drawn in Chromium. Everything is found by what a person sees: roles,
 * labels and text.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The canvas (React Flow's application region) and a card on it, by the name written on it. */
function canvasOf(page: Page): Locator {
  return page.getByRole('application', { name: 'Design canvas' });
}

function cardNamed(page: Page, name: string): Locator {
  return canvasOf(page)
    .getByRole('group')
    .filter({ has: page.getByText(name, { exact: true }) })
    .last();
}

/** The code view's whole text, as a person takes it: select all, copy. */
async function codeText(page: Page): Promise<string> {
  await page.getByRole('textbox', { name: 'Design as YAML' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ArrowRight');
  return page.evaluate(() => navigator.clipboard.readText());
}

async function downloadMarkdown(app: AppPage): Promise<string> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await page.getByRole('tablist', { name: 'Export format' }).getByRole('tab', { name: 'Markdown', exact: true }).click();
  const region = page.getByRole('region', { name: 'Markdown', exact: true });
  return (await app.downloadText(region.getByRole('button', { name: 'Download', exact: true }))).text;
}

test('the inspector and the code view state platform, tracing, consistency and transformations, and the document says them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.openFresh();
  const inspector = page.getByRole('tabpanel');
  // Nothing selected: a click on an empty spot of the canvas shows the design's own settings.
  const box = (await canvasOf(page).boundingBox())!;
  await page.mouse.click(box.x + 24, box.y + 24);
  await inspector.getByLabel('Platform').selectOption('kubernetes');
  await inspector.getByLabel('Trace propagation').selectOption('w3c');
  await inspector.getByLabel('Place order: consistency').selectOption('eventual');
  await cardNamed(page, 'API Gateway').click();
  await inspector.getByLabel('Request transformations').click();
  await page.keyboard.type('strip /api prefix');
  await page.keyboard.press('Tab');
  await inspector.getByLabel('Load balancing').selectOption('least-connections');
  // The consumption Kafka -> Restaurant, found as a person finds a link among many: search (Ctrl+K).
  await page.mouse.click(box.x + 24, box.y + 24);
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('kafka->restaurant:order.placed');
  await page
    .getByRole('listbox', { name: 'Results' })
    .getByRole('option')
    .filter({ hasText: 'Kafka → Restaurant' })
    .first()
    .click();
  await inspector.getByLabel('Dead-letter replay').click();
  await page.keyboard.type('re-publish from the ops console');
  await page.keyboard.press('Enter');
  await inspector.getByLabel('Trace context in headers').selectOption('Yes');
  await cardNamed(page, 'Kafka').click();
  await inspector.getByLabel('Replayable (keeps messages)').selectOption('No');

  // The code view shows each key where the format puts it.
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const code = page.getByRole('region', { name: 'Code view' });
  await expect(code.getByText('valid', { exact: true })).toBeVisible({ timeout: 30_000 });
  const text = await codeText(page);
  expect(text).toMatch(/^platform: kubernetes$/m);
  expect(text).toMatch(/^tracePropagation: w3c$/m);
  expect(text).toMatch(/^\s+consistency: eventual$/m);
  expect(text).toMatch(/loadBalancing: least-connections/);
  expect(text).toMatch(/transformations:[\s\S]*strip \/api prefix/);
  expect(text).toMatch(/dlqReplay: re-publish from the ops console/);
  expect(text).toMatch(/traceContext: true/);
  expect(text).toMatch(/replayable: false/);

  // Typed in the code view, a new value reaches the design (and the inspector) like any other key.
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l === 'platform: kubernetes');
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 'kubernetes'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('gcp');
  await expect(code.getByText('valid', { exact: true })).toBeVisible();
  await page.mouse.click(box.x + 24, box.y + 24);
  await expect(inspector.getByLabel('Platform')).toHaveValue('gcp');

  const markdown = await downloadMarkdown(app);
  expect(markdown).toContain('Platform: gcp.');
  expect(markdown).toContain('Propagation format: w3c.');
  expect(markdown).toContain('| Place order | eventual | choreography |');
  expect(markdown).toContain('- Request transformations: strip /api prefix');
  expect(markdown).toContain('- Load balancing: least-connections');
  expect(markdown).not.toContain('Not stated: where the system runs');
  expect(markdown).not.toContain('Not stated: the trace propagation format');
  expect(markdown).toContain(
    '| order.placed | Restaurant | restaurant | at-least-once | yes | order.placed.dlq | re-publish from the ops console |',
  );
  expect(markdown).toContain('- Async hops that carry the context in message headers: Kafka → Restaurant \\(order.placed\\)');
  expect(markdown).toContain('- Kafka (kafka): 4 channels, a queue: messages are gone once delivered');
});

const MERMAID = fileURLToPath(new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
const DOCUMENTS = [...TEMPLATES, ...FIXTURES].map((t) => ({ id: t.id, design: readDesign(t.yaml).design! }));
/** A long document is saved as a few PNGs of at most this height each, so none is huge. */
const SHOT_HEIGHT = 2000;
/** GitHub's width for a Markdown file: the 1012 px column and its padding. */
const SHOT_WIDTH = 1060;

const SECTIONS = [
  'Service interactions',
  'Synchronous contracts',
  'Asynchronous messaging',
  'Sagas and data consistency',
  'Schema evolution',
  'Service discovery, load balancing and health checks',
  'Reliability',
  'Distributed tracing',
  'API gateway',
  'Failure scenarios',
  'Monitoring and alerting',
  'Sequence diagrams of the critical flows',
];

for (const { id, design } of DOCUMENTS) {
  test(`the document of ${id} renders as GitHub Markdown with every diagram drawn`, async ({ page }) => {
    test.setTimeout(180_000);
    const markdown = exportDesign(design, 'markdown')[0]!.text;
    // Mermaid fences become diagrams as GitHub draws them, each a figure named for a reader;
    // everything else is marked's GFM.
    const renderer = new marked.Renderer();
    const code = renderer.code.bind(renderer);
    let diagrams = 0;
    renderer.code = (token) =>
      token.lang === 'mermaid'
        ? `<figure aria-label="Diagram ${++diagrams}"><pre class="mermaid">${token.text.replace(/</g, '&lt;')}</pre></figure>`
        : code(token);
    const html = await marked.parse(markdown, { gfm: true, renderer });
    await page.setViewportSize({ width: SHOT_WIDTH, height: 900 });
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${id}</title><style>
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1012px; margin: 24px auto; padding: 0 24px; color: #1f2328; }
        h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } table { border-collapse: collapse; display: block; overflow: auto; }
        th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; } tr:nth-child(2n) { background: #f6f8fa; }
        code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; } figure { margin: 0; text-align: center; }
      </style></head><body>${html}</body></html>`,
    );
    // No script from the design ever runs: the page holds only what marked wrote and the mermaid we add.
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(async () => {
      const m = (window as unknown as { mermaid: { initialize: (c: object) => void; run: () => Promise<void> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { defaultRenderer: 'dagre-wrapper' } });
      await m.run();
    });

    // Every section, once, in the brief's order, then the findings.
    const headings = page.getByRole('heading', { level: 2 });
    await expect(headings).toHaveText([...SECTIONS.map((name, n) => `${n + 1}. ${name}`), 'Findings']);

    // Every diagram is drawn (a picture with the design's names in it), none is Mermaid's error box.
    const figures = page.getByRole('figure');
    expect(diagrams).toBeGreaterThan(1);
    await expect(figures).toHaveCount(diagrams);
    await expect(page.getByText('Syntax error in text')).toHaveCount(0);
    const names = Object.values(design.nodes).map((node) => node.name);
    for (let i = 0; i < diagrams; i++) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      expect((await figure.boundingBox())!.height, `diagram ${i + 1} is drawn`).toBeGreaterThan(40);
      // The source text is one block: a name matches exactly only once Mermaid drew it as a label.
      const shown = await Promise.all(names.map((name) => figure.getByText(name, { exact: true }).count()));
      expect(
        shown.some((n) => n > 0),
        `diagram ${i + 1} shows a node's name`,
      ).toBe(true);
    }
    // The interaction diagram draws every node of the design.
    for (const name of names) await expect(figures.first().getByText(name, { exact: true }).first()).toBeAttached();

    // Gaps are stated as checklist lines; tables are tables.
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: /^Not stated: / })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const parts = Math.ceil(height / SHOT_HEIGHT);
    for (let part = 0; part < parts; part++) {
      const y = part * SHOT_HEIGHT;
      await page.screenshot({
        path: screenshotPath(`document-${id}${parts > 1 ? `-${part + 1}` : ''}.png`),
        fullPage: true,
        clip: { x: 0, y, width: SHOT_WIDTH, height: Math.min(SHOT_HEIGHT, height - y) },
      });
    }
  });
}
