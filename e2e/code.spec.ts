import { expect, test, type Page } from '@playwright/test';
import { CodeView } from './fixtures/codeView';

/**
 * The code view journey on the food delivery template (the first-visit design): the design as
 * YAML in Monaco, two-way with the canvas. Locators: roles and accessible names (the editor is
 * the textbox "Design as YAML"), the panel's test ids, React Flow's `rf__node-<id>`.
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

  const node = page.getByTestId('rf__node-audit');
  await expect(node).toBeVisible();
  await expect(node).toContainText('Audit log');
  await expect(page.getByTestId('edge-label-order->audit:order.audit')).toBeAttached();
  await expect(code.status).toHaveText('valid');
  // Placed beside the node it links to, not on top of another node.
  const order = await page.getByTestId('rf__node-order').boundingBox();
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

  const order = page.getByTestId('rf__node-order');
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
  // Monaco draws the squiggle (its marker decoration). The template's own error finding
  // (timeout-budget) is an error marker too, so there is at least this one, not exactly one.
  await expect.poll(() => panel.getByTestId('code-editor').locator('.squiggly-error').count()).toBeGreaterThanOrEqual(1);

  // Undo in the editor while the text has errors is the text's own undo: back to valid.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(code.status).toHaveText('valid');
  await expect(panel.getByRole('list', { name: 'Problems' })).toHaveCount(0);

  // A rename that breaks the links to a node: errors, and the canvas keeps the node as it was.
  await code.goToLineWith('courier: {');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowRight');
  await page.keyboard.type('rider');
  await expect(code.status).toHaveText(/^\d+ errors?$/);
  await expect(panel.getByRole('list', { name: 'Problems' })).toContainText('unknown node "courier"');
  await expect(page.getByTestId('rf__node-courier')).toBeVisible();
  await expect(page.getByTestId('rf__node-rider')).toHaveCount(0);
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

  await expect(page.getByTestId('rf__node-cache')).toContainText('Cache');
  const text = await code.readText();
  expect(text).toContain('  cache: { kind: database, name: Cache }');
  expect(text).toContain('  - { from: order, to: cache, kind: sync }');
});

test('undo in the editor undoes a canvas drag through the shared history', async ({ page }) => {
  const code = await openCode(page);
  const before = await code.readText();
  const node = page.getByTestId('rf__node-user');
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
  await expect(page.getByRole('tabpanel').getByTestId('finding').first()).toBeVisible();
  await code.editor.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  // Monaco's marker widget names the rule and the source of the marker.
  await expect(panel.getByText(/signalbox\([a-z]+(-[a-z]+)+\)/).first()).toBeVisible();
});
