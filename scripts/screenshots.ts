/**
 * The screenshots issue 10 asks for, taken as a person would get there (keys and clicks), at
 * 1024x700 and 1920x1080: first visit, a design built from empty, what-if, the code view mid-typing,
 * the exports. Needs the built app served: `npx vite build && npx vite preview --port 4108`, then
 * `node --import tsx scripts/screenshots.ts [baseURL]`. Writes docs/screenshots/<name>-<w>x<h>.png.
 */
import { chromium, type Page } from '@playwright/test';

const BASE = process.argv[2] ?? 'http://127.0.0.1:4108/';
const OUT = 'docs/screenshots';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

async function fresh(page: Page) {
  await page.goto(BASE);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('textbox', { name: 'Design name' }).waitFor();
  await page.waitForTimeout(1200); // the first fit animates and the first lint fills badges
}

async function connect(page: Page, from: string, to: string) {
  // Script, not a test: handles are found by the ids the app gives them, aimed at like a person.
  await page.getByTestId(`node-${from}`).hover();
  const a = await page.getByTestId(`handle-out-${from}`).boundingBox();
  await page.getByTestId(`node-${to}`).hover();
  const b = await page.getByTestId(`handle-in-${to}`).boundingBox();
  if (!a || !b) throw new Error('no handle');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
for (const size of SIZES) {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  const shot = (name: string) => page.screenshot({ path: `${OUT}/${name}-${size.width}x${size.height}.png` });

  await fresh(page);
  await shot('first-visit');

  // Built from empty: New, a gateway, two services, a broker and a database, linked.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  for (const kind of ['gateway', 'service', 'service', 'broker', 'database']) {
    await page.getByRole('button', { name: `Add ${kind}` }).click();
  }
  await connect(page, 'api-gateway', 'service');
  await connect(page, 'service', 'message-broker');
  await connect(page, 'message-broker', 'service-2');
  await connect(page, 'service', 'database');
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(600);
  await shot('built-from-empty');

  // What-if on the template: Kafka down.
  await fresh(page);
  await page.keyboard.press('w');
  await page.getByRole('group').filter({ hasText: 'Kafka' }).last().click();
  await page.waitForTimeout(800);
  await shot('what-if');
  await page.keyboard.press('Escape');

  // The code view mid-typing: a new node half written.
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Code view' }).getByRole('textbox', { name: 'Design as YAML' });
  await page
    .getByRole('region', { name: 'Code view' })
    .getByTestId('code-status')
    .getByText('valid')
    .waitFor({ timeout: 30_000 });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('audit: { kind: service, name: Audit lo');
  await page.waitForTimeout(900);
  await shot('code-mid-typing');
  await page.keyboard.press('ControlOrMeta+Shift+E');

  // The exports: the Mermaid preview, and the tab row with every format.
  await fresh(page);
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await page
    .getByRole('region', { name: /^Preview of/ })
    .locator('svg')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await shot('export-mermaid');
  await page.getByRole('button', { name: 'All formats' }).click();
  await shot('export-all-formats');
  await page.getByRole('menuitemradio', { name: 'Istio' }).click();
  await page.waitForTimeout(800);
  await shot('export-istio');

  // Finding to fix and flows (this round's screens).
  await page.getByRole('tab', { name: /findings/i }).click();
  await page
    .getByRole('button', { name: /^missing-circuit-breaker:/ })
    .first()
    .click();
  await page.waitForTimeout(600);
  await shot('finding-to-fix');
  await page.getByRole('tab', { name: 'Flows', exact: true }).click();
  await page.waitForTimeout(300);
  await shot('flows');
  await context.close();
}
await browser.close();
console.log('screenshots written to', OUT);
