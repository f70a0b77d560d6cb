import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';
import { CodeView } from './fixtures/codeView';

/**
 * The code view journey on the food delivery template (the first-visit design): the design as
 * YAML in Monaco, two-way with the canvas. Locators: roles and accessible names (the editor is
 * the textbox "Design as YAML", its status, its Problems list), cards and links by their names.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// Typed key by key as a person types (Monaco's auto-closing and completion included): slower.
test.setTimeout(120_000);

async function openCode(page: Page): Promise<CodeView> {
  await page.goto('/');
  const code = new CodeView(page);
  await code.open();
  return code;
}

test('a service and a link typed in the YAML appear on the canvas', async ({ page }) => {
  const code = await openCode(page);
  await code.goToLineWith('nodes:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('audit: { kind: service, name: Audit log }');
  await code.goToLineWith('links:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- { from: order, to: audit, kind: async, channel: order.audit }');

  const canvas = new CanvasPage(page);
  const node = canvas.card('Audit log');
  await expect(node).toBeVisible();
  await expect(node).toContainText('Audit log');
  await expect(canvas.link('Order', 'Audit log', 'order.audit')).toBeAttached();
  await expect(code.status).toHaveText('valid');
  // Placed beside the node it links to, not on top of another node.
  const order = await canvas.card('Order').boundingBox();
  const audit = await node.boundingBox();
  expect(audit!.x).toBeGreaterThan(order!.x);
});

test('dragging a node on the canvas rewrites only its `at`, keeping the comment above it', async ({ page }) => {
  const code = await openCode(page);
  await code.goToLineWith('order:');
  await page.keyboard.press('Home');
  await page.keyboard.type('# the heart of the system');
  await page.keyboard.press('Enter');
  const before = await code.readText();
  expect(before).toContain('  # the heart of the system\n  order:\n');

  const order = new CanvasPage(page).card('Order');
  const box = (await order.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 90, { steps: 8 });
  await page.mouse.up();

  await expect.poll(() => code.readText()).not.toBe(before);
  const after = await code.readText();
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toHaveLength(1);
  // The template writes positions as `[560, 520]`; only the numbers change.
  expect(changed[0]).toMatch(/^ {4}at: \[ ?-?\d+, -?\d+ ?\]$/);
  expect(after).toContain('  # the heart of the system\n  order:\n    kind: service\n');
});

test('an invalid value shows an error at its line:column and the canvas keeps the last valid design', async ({ page }) => {
  const code = await openCode(page);
  const panel = code.panel;
  await code.goToLineWith('rateLimitRps:');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
  await page.keyboard.type('-5');
  await expect(code.status).toHaveText('1 error');
  const problem = panel.getByRole('list', { name: 'Problems' }).getByRole('button');
  await expect(problem).toHaveText(/^\d+:5 error: nodes\.gateway\.rateLimitRps: expected a positive integer$/);
  // The editor marks the line too: Shift+F8 (previous problem, from the end of the line) opens
  // Monaco's marker widget on it with the same message, beside the Problems list's.
  const message = panel.getByText(/expected a positive integer/);
  await expect(message).toHaveCount(1);
  await page.keyboard.press('Shift+F8');
  await expect(message).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(message).toHaveCount(1);

  // Undo in the editor while the text has errors is the text's own undo: back to valid.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(code.status).toHaveText('valid');
  await expect(panel.getByRole('list', { name: 'Problems' })).toHaveCount(0);

  // A rename that breaks the links to a node: errors, and the canvas keeps the node as it was.
  const canvas = new CanvasPage(page);
  const cardCount = await canvas.cards().count();
  await code.goToLineWith('courier: {');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowRight');
  await page.keyboard.type('rider');
  await expect(code.status).toHaveText(/^\d+ errors?$/);
  await expect(panel.getByRole('list', { name: 'Problems' })).toContainText('unknown node "courier"');
  // Still the node `courier`: the same cards, and its link to the gateway still drawn.
  await expect(canvas.card('Courier app')).toBeVisible();
  await expect(canvas.cards()).toHaveCount(cardCount);
  await expect(canvas.link('Courier app', 'API Gateway')).toBeAttached();
});

test('completion offers the schema values and node ids', async ({ page }) => {
  const code = await openCode(page);
  await code.goToLineWith('nodes:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('cache: { kind: dat');
  await page.keyboard.press('Control+Space');
  const suggest = page.getByRole('listbox');
  await expect(suggest.getByRole('option', { name: /database/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(', name: Cache }');

  await code.goToLineWith('links:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- { from: order, to: cac');
  await page.keyboard.press('Control+Space');
  await expect(suggest.getByRole('option', { name: /cache/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(', kind: sync }');

  await expect(new CanvasPage(page).card('Cache')).toContainText('Cache');
  const text = await code.readText();
  expect(text).toContain('  cache: { kind: database, name: Cache }');
  expect(text).toContain('  - { from: order, to: cache, kind: sync }');
});

test('undo in the editor undoes a canvas drag through the shared history', async ({ page }) => {
  const code = await openCode(page);
  const before = await code.readText();
  const node = new CanvasPage(page).card('User');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2 + 50, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => code.readText()).not.toBe(before);
  await code.editor.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => code.readText()).toBe(before);
});

test('findings show as markers on the lines of their nodes; F8 steps through them', async ({ page }) => {
  const code = await openCode(page);
  const panel = code.panel;
  // The first lint runs in a worker: wait for the findings tab to list some.
  await page.getByRole('tab', { name: /findings/i }).click();
  await expect(
    page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^[a-z]+(-[a-z]+)*: / })
      .first(),
  ).toBeVisible();
  await code.editor.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  // Monaco's marker widget names the rule and the source of the marker.
  await expect(panel.getByText(/signalbox\([a-z]+(-[a-z]+)+\)/).first()).toBeVisible();
});
