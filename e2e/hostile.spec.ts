import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { AppPage, previewDrawing } from './fixtures/appPage';
import { CanvasPage } from './fixtures/canvasPage';
import { CodeView } from './fixtures/codeView';

/**
 * A hostile user: names made of markup, Mermaid syntax, quotes, right-to-left text and 5,000
 * characters; a corrupt local library; files that are bombs, pictures or nothing at all. The
 * team's standard: a precise message, the user's work untouched, no script ever executed.
 */

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const MERMAID = '"dq" \'sq\' `bt` ]] --> end # ; | %%{init: {"securityLevel":"loose"}}%%';
const RTL = 'שירות הזמנות خدمة الطلبات';
// 1,000 characters: the longest name the reader accepts (docs/format.md, Limits).
const LONG = `Long${'W'.repeat(996)}`;

const NAMES = {
  design: `Evil ${SCRIPT} design ${IMG} ${MERMAID} 🚀\nsecond line`,
  gateway: `${IMG} Gateway`,
  order: `${SCRIPT} Order "svc" 'x' \`y\`\nline two`,
  end: 'end',
  pipe: `a|b;c#d ]] [[ (x) {y} --> %%{init}%%`,
  rtl: `${RTL} 🚀💥`,
  long: LONG,
  bus: `Kafka ${SCRIPT}`,
  web: `Web <b>bold</b> ${IMG}`,
  team: `${IMG} team "t" ; end`,
  notes: `notes ${SCRIPT}\n-->\nend\n%%{init}%%`,
  channel: `orders.<script>x</script>|end;#"q"`,
  message: `Msg"${IMG}`,
  flow: `${SCRIPT} checkout --> end; #1 | "q"`,
  operations: [`GET /orders?q=<script>window.__pwned=1</script>`, `POST "/pay"|end;#`, `${IMG}\n--> end`],
} as const;

function hostileDesign(): string {
  return stringify({
    signalbox: 1,
    name: NAMES.design,
    description: `${SCRIPT} ${MERMAID}`,
    nodes: {
      web: { kind: 'client', name: NAMES.web, at: [0, 200] },
      gw: { kind: 'gateway', name: NAMES.gateway, at: [300, 200], team: NAMES.team },
      order: { kind: 'service', name: NAMES.order, at: [600, 200], team: NAMES.team, notes: NAMES.notes },
      end: { kind: 'service', name: NAMES.end, at: [900, 0] },
      pipe: { kind: 'service', name: NAMES.pipe, at: [900, 400], notes: NAMES.notes },
      rtl: { kind: 'service', name: NAMES.rtl, at: [1200, 400] },
      long: { kind: 'service', name: NAMES.long, at: [900, 200] },
      bus: { kind: 'broker', name: NAMES.bus, at: [600, 500], tech: 'kafka' },
    },
    links: [
      { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest', operations: [...NAMES.operations] },
      {
        from: 'gw',
        to: 'order',
        kind: 'sync',
        protocol: 'rest',
        version: `v1${SCRIPT}`,
        operations: [...NAMES.operations],
        notes: NAMES.notes,
        breaker: { fallback: `${IMG} cached` },
      },
      { from: 'order', to: 'end', kind: 'sync', protocol: 'grpc', operations: ['Place;Order'] },
      { from: 'order', to: 'long', kind: 'sync', protocol: 'rest' },
      { from: 'order', to: 'bus', kind: 'async', channel: NAMES.channel, message: { name: NAMES.message, version: 1 } },
      { from: 'bus', to: 'pipe', kind: 'async', channel: NAMES.channel, message: { name: NAMES.message } },
      { from: 'pipe', to: 'rtl', kind: 'sync', protocol: 'rest' },
    ],
    flows: [
      {
        name: NAMES.flow,
        steps: [
          { link: 'web->gw' },
          { link: 'gw->order' },
          { link: `order->bus:${NAMES.channel}` },
          { link: `bus->pipe:${NAMES.channel}` },
        ],
      },
    ],
  });
}

interface Guard {
  check: () => Promise<void>;
}

/** Every page error and console error, and the flag a hostile name would set if it ran. */
function guard(page: Page): Guard {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // No console error is benign here: the app logs none on any of these surfaces.
    errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    check: async () => {
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    },
  };
}

/** Nothing a name could inject shows up as an element. */
async function expectNoInjectedMarkup(scope: Locator): Promise<void> {
  await expect(scope.locator('script')).toHaveCount(0);
  await expect(scope.locator('img[src="x"], img[onerror]')).toHaveCount(0);
  await expect(scope.locator('b')).toHaveCount(0);
}

/** The first line each text export's editor shows (what a person sees it open on). */
const FIRST_LINE = {
  AsyncAPI: 'asyncapi: 3.0.0',
  OpenAPI: 'openapi: 3.1.0',
  Markdown: '## 1. Service interactions',
  YAML: 'signalbox: 1',
  JSON: '"signalbox": 1,',
} as const;

// An <input> cannot hold a newline: the browser shows the name on one line.
const oneLine = (text: string) => text.replace(/\n/g, '');

test('a hostile design renders as text on every surface and in a shared link', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const safety = guard(page);
  const app = new AppPage(page);
  await app.openFresh();
  await app.openFile('hostile.signalbox.yaml', hostileDesign());
  await expect(app.designName()).toHaveValue(oneLine(NAMES.design));

  // The canvas: every name as text, nothing injected, the long name kept inside its card. Each
  // card is found by its accessible name, which is the name as typed.
  const canvasPage = new CanvasPage(page);
  const canvas = canvasPage.canvas;
  for (const name of [NAMES.web, NAMES.gateway, NAMES.order, NAMES.end, NAMES.pipe, NAMES.rtl, NAMES.bus]) {
    await expect(canvasPage.card(name)).toContainText(name);
  }
  await expect(canvasPage.card(NAMES.order)).toContainText(NAMES.team);
  const longCard = canvasPage.card(LONG);
  await expect(longCard).toContainText(LONG.slice(0, 20));
  const [longBox, orderBox] = await Promise.all([longCard.boundingBox(), canvasPage.card(NAMES.order).boundingBox()]);
  expect(longBox && orderBox).toBeTruthy();
  expect(longBox!.width).toBeLessThanOrEqual(orderBox!.width * 1.5);
  expect(longBox!.height).toBeLessThanOrEqual(orderBox!.height * 1.5);
  await expectNoInjectedMarkup(canvas);
  await page.screenshot({ path: test.info().outputPath('hostile-canvas.png') });
  await safety.check();

  // The inspector: the selected node's fields hold the names as typed.
  // Clicked where a person sees them: the card that shows the name.
  const cardShowing = (text: string) => canvas.getByRole('group').filter({ hasText: text }).last();
  await cardShowing(NAMES.order.split('\n')[0]!).click();
  const inspector = page.getByRole('tabpanel');
  await expect(inspector.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(oneLine(NAMES.order));
  await expect(inspector.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue(NAMES.notes);
  await expectNoInjectedMarkup(inspector);
  await cardShowing(LONG.slice(0, 20)).click();
  await expect(inspector.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(LONG);
  await page.screenshot({ path: test.info().outputPath('hostile-inspector.png') });
  await safety.check();

  // Findings.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(inspector.getByRole('listitem').first()).toBeVisible();
  await expectNoInjectedMarkup(inspector);
  await safety.check();

  // The code view: the YAML holds every name, and reads back as the same design.
  const codeView = new CodeView(page);
  await codeView.open();
  const code = codeView.panel;
  // The text as the editor shows it: its first line, and no problem listed.
  await expect(code.getByText('signalbox: 1', { exact: true })).toBeVisible();
  await expect(code.getByRole('list', { name: 'Problems' })).toHaveCount(0);
  await expectNoInjectedMarkup(code);
  await page.getByRole('button', { name: 'Close code view' }).click();
  await safety.check();

  // Every export, with the Mermaid previews drawn (and the names in them as text).
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  const formats = page.getByRole('tablist', { name: 'Export format' });
  for (const tab of ['Mermaid', 'Sequence', 'AsyncAPI', 'OpenAPI', 'Markdown', 'YAML', 'JSON', 'PNG', 'SVG']) {
    await formats.getByRole('tab', { name: tab, exact: true }).click();
    const region = page.getByRole('region', { name: tab, exact: true });
    await expect(region).toBeVisible();
    await expect(region.getByRole('alert')).toHaveCount(0);
    if (tab === 'Mermaid' || tab === 'Sequence') {
      const preview = page.getByRole('region', { name: /^Preview of / });
      await expect(preview.locator('svg').first()).toBeVisible({ timeout: 30_000 });
      await expect(preview.getByRole('alert')).toHaveCount(0);
      await expectNoInjectedMarkup(preview);
      if (tab === 'Mermaid') {
        await expect(preview).toContainText(SCRIPT);
        await expect(preview).toContainText('a|b;c#d ]] [[ (x) {y} --> %%{init}%%');
        await expect(preview).toContainText(RTL);
        await preview.screenshot({ path: test.info().outputPath('hostile-mermaid.png') });
      } else {
        await expect(preview).toContainText('checkout');
        await preview.screenshot({ path: test.info().outputPath('hostile-sequence.png') });
      }
    } else if (tab !== 'PNG' && tab !== 'SVG') {
      // The read-only editor is there and shows the export's first line.
      await expect(region.getByRole('textbox')).toBeAttached();
      await expect(region.getByText(FIRST_LINE[tab as keyof typeof FIRST_LINE]).first()).toBeVisible();
    }
    await expectNoInjectedMarkup(region);
    await safety.check();
  }

  // What if: take the hostile service down.
  await page.getByRole('tab', { name: 'What if' }).click();
  const whatIf = page.getByRole('tabpanel', { name: 'What if' });
  await whatIf.getByRole('button', { name: 'Start what-if' }).click();
  await whatIf.getByRole('checkbox', { name: NAMES.order.replace('\n', ' '), exact: true }).check();
  await expect(canvasPage.card(NAMES.order)).toContainText('down');
  await expectNoInjectedMarkup(whatIf);
  await page.keyboard.press('Escape');
  await safety.check();

  // The Designs menu.
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Designs' });
  await expect(library.getByRole('listitem')).toHaveCount(2);
  await expect(library).toContainText(SCRIPT);
  await expectNoInjectedMarkup(library);
  await page.keyboard.press('Escape');
  await safety.check();

  // Share, then open the link in a browser that has never seen the design.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: /^Share/ });
  await expect(share).toBeVisible();
  await expectNoInjectedMarkup(share);
  const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
  await page.keyboard.press('Escape');
  await safety.check();

  const other = await openInFreshContext(browser, link);
  try {
    await expect(other.page.getByRole('textbox', { name: 'Design name' })).toHaveValue(oneLine(NAMES.design));
    const otherCanvas = new CanvasPage(other.page);
    await expect(otherCanvas.card(NAMES.order)).toContainText(NAMES.order);
    await expect(otherCanvas.card(LONG)).toContainText(LONG.slice(0, 20));
    await expectNoInjectedMarkup(otherCanvas.canvas);
    await other.safety.check();
  } finally {
    await other.context.close();
  }
});

const STORED_DESIGN = (name: string) =>
  JSON.stringify({ signalbox: 1, name, nodes: { a: { kind: 'service', name: `${name} service`, at: [0, 0] } }, links: [] });

/** Write storage as a damaged browser would hold it, before the app's own code runs. */
async function loadWithStorage(page: Page, items: Record<string, string>): Promise<void> {
  await page.goto('./');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  await page.reload();
}

test('a library index that is not JSON: the app starts and still lists the designs beside it', async ({ page }) => {
  const safety = guard(page);
  await loadWithStorage(page, {
    'signalbox:library': '{"designs": [ this is not json',
    'signalbox:design:keep1': STORED_DESIGN('Kept work'),
    'signalbox:design:keep2': STORED_DESIGN('Second design'),
  });
  await expect(page.getByRole('application', { name: 'Design canvas' })).toBeVisible();
  await expect(page.getByText(/design list in browser storage was damaged; it was rebuilt from the 2 designs/)).toBeVisible();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Designs' });
  await expect(library.getByRole('listitem').filter({ hasText: 'Kept work' })).toBeVisible();
  await library.getByRole('button', { name: /^Second design/ }).click();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Second design');
  await expect(new CanvasPage(page).card('Second design service')).toContainText('Second design service');
  await safety.check();
});

test('a stored design that is garbage is skipped with a message, kept, and the others open', async ({ page }) => {
  const safety = guard(page);
  await loadWithStorage(page, {
    'signalbox:library': JSON.stringify({
      designs: [
        { id: 'bad', name: 'Broken <img src=x onerror="window.__pwned=1">', createdAt: 1, updatedAt: 3 },
        { id: 'good', name: 'Good work', createdAt: 1, updatedAt: 2 },
        null,
        { id: 42, name: { not: 'a name' } },
      ],
      currentId: 'bad',
    }),
    'signalbox:design:bad': '{"signalbox": 1, "name": "Brok\u0000\ud800 <script>',
    'signalbox:design:good': STORED_DESIGN('Good work'),
  });
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Good work');
  await expect(page.getByText(/2 damaged entries in the design list were left out/)).toBeVisible();
  await expect(
    page.getByText(/"Broken <img src=x onerror="window.__pwned=1">" could not be read from browser storage/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Designs' });
  await expect(library.getByRole('listitem')).toHaveCount(2);
  await library.getByRole('button', { name: /^Broken/ }).click();
  await expect(page.getByText('That design could not be read from browser storage')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Good work');
  // Nothing was thrown away: the damaged text is still there for whoever can repair it.
  expect(await page.evaluate(() => localStorage.getItem('signalbox:design:bad'))).toContain('"name": "Brok');
  await safety.check();
});

const BOMB = [
  'signalbox: 1',
  'name: Bomb',
  'nodes: {}',
  ...'abcdefghi'.split('').map((name, i, all) => {
    const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${all[i - 1]}`);
    return `x${name}: &${name} [${items.join(', ')}]`;
  }),
  '',
].join('\n');

// A real PNG header and chunk, the way a picture renamed .yaml arrives.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);

const BAD_FILES: { name: string; content: string | Buffer; problem: RegExp }[] = [
  { name: 'bomb.signalbox.yaml', content: BOMB, problem: /refused: the aliases \(\*name\) expand to more than 100 copies/ },
  { name: 'picture.yaml', content: PNG, problem: /is not a text file: it looks like binary data/ },
  { name: 'empty.signalbox.yaml', content: '', problem: /the file is empty/ },
  {
    name: 'huge.signalbox.json',
    content: '{"signalbox": 1e999, "name": "Huge", "nodes": {"a": {"kind": "service", "name": "A", "replicas": 1e400}}}',
    problem: /Infinity is not a number a design can hold/,
  },
];

for (const file of BAD_FILES) {
  test(`${file.name}: refused with a clear message, the open design untouched`, async ({ page }) => {
    const safety = guard(page);
    const app = new AppPage(page);
    await app.openFresh();
    const started = Date.now();
    await app.openFile(file.name, file.content);
    const dialog = page.getByRole('dialog', { name: `Could not open ${file.name}` });
    await expect(dialog).toBeVisible();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText(file.problem);
    await expect(dialog).toContainText('Your current design is unchanged.');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.designName()).toHaveValue('Food delivery platform');
    await page.getByRole('button', { name: 'Designs', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Designs' }).getByRole('listitem')).toHaveCount(1);
    await safety.check();
  });
}

test('a JSON file with huge but valid numbers opens, and the canvas stays usable', async ({ page }) => {
  const safety = guard(page);
  const app = new AppPage(page);
  await app.openFresh();
  const big = JSON.stringify({
    signalbox: 1,
    name: 'Big numbers',
    nodes: {
      a: { kind: 'service', name: 'Far away', at: [1e15, -1e15], replicas: 1e15, latencyMs: 1e300 },
      b: { kind: 'service', name: 'Near', at: [0, 0] },
    },
    links: [{ from: 'b', to: 'a', kind: 'sync', protocol: 'rest', timeoutMs: 9007199254740991, retry: { max: 1e9 } }],
  });
  await app.openFile('big.signalbox.json', big);
  await expect(app.designName()).toHaveValue('Big numbers');
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await page.getByRole('tab', { name: 'What if' }).click();
  await expect(page.getByRole('tabpanel', { name: 'What if' }).getByRole('table', { name: 'Blast radius' })).toBeVisible();
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await expect(previewDrawing(page)).toBeVisible({ timeout: 30_000 });
  await safety.check();
});

async function openInFreshContext(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; safety: Guard }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const safety = guard(page);
  await page.goto(url);
  return { context, page, safety };
}
