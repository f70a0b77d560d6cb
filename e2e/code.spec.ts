import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The code view journey on the food delivery template (the first-visit design): the design as
 * YAML in Monaco, two-way with the canvas. Locators: roles and accessible names (the editor is
 * the textbox "Design as YAML"), the panel's test ids, React Flow's `rf__node-<id>`.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openCode(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Code view' });
  await expect(panel.getByTestId('code-status')).toHaveText('valid');
  return panel;
}

function editorOf(panel: Locator): Locator {
  return panel.getByRole('textbox', { name: 'Design as YAML' });
}

/** The whole text, as a user would get it: select all and copy. */
async function readText(page: Page, panel: Locator): Promise<string> {
  await editorOf(panel).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ArrowRight');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Put the cursor at the end of the first line starting with `start` (after its indentation). */
async function goToLineWith(page: Page, panel: Locator, start: string): Promise<number> {
  await page.keyboard.press('Escape');
  const lines = (await readText(page, panel)).split('\n');
  const index = lines.findIndex((l) => l.trimStart().startsWith(start));
  expect(index, `a line starting with ${start}`).toBeGreaterThanOrEqual(0);
  // Arrow keys rather than Ctrl+G: no widget to race with while the focus moves.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  return index + 1;
}

test('a service and a link typed in the YAML appear on the canvas', async ({ page }) => {
  const panel = await openCode(page);
  await goToLineWith(page, panel, 'nodes:');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('audit: { kind: service, name: Audit log }');
  await goToLineWith(page, panel, 'links:');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('- { from: order, to: audit, kind: async, channel: order.audit }');

  const node = page.getByTestId('rf__node-audit');
  await expect(node).toBeVisible();
  await expect(node).toContainText('Audit log');
  await expect(page.getByTestId('edge-label-order->audit:order.audit')).toBeAttached();
  await expect(panel.getByTestId('code-status')).toHaveText('valid');
  // Placed beside the node it links to, not on top of another node.
  const order = await page.getByTestId('rf__node-order').boundingBox();
  const audit = await node.boundingBox();
  expect(audit!.x).toBeGreaterThan(order!.x);
});

test('dragging a node on the canvas rewrites only its `at`, keeping the comment above it', async ({ page }) => {
  const panel = await openCode(page);
  await goToLineWith(page, panel, 'order:');
  await page.keyboard.press('Home');
  await page.keyboard.insertText('# the heart of the system');
  await page.keyboard.press('Enter');
  const before = await readText(page, panel);
  expect(before).toContain('  # the heart of the system\n  order:\n');

  const order = page.getByTestId('rf__node-order');
  const box = (await order.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 90, { steps: 8 });
  await page.mouse.up();

  await expect.poll(() => readText(page, panel)).not.toBe(before);
  const after = await readText(page, panel);
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toHaveLength(1);
  // The template writes positions as `[560, 520]`; only the numbers change.
  expect(changed[0]).toMatch(/^ {4}at: \[ ?-?\d+, -?\d+ ?\]$/);
  expect(after).toContain('  # the heart of the system\n  order:\n    kind: service\n');
});

test('an invalid value shows an error at its line:column and the canvas keeps the last valid design', async ({ page }) => {
  const panel = await openCode(page);
  await goToLineWith(page, panel, 'rateLimitRps:');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
  await page.keyboard.insertText('-5');
  await expect(panel.getByTestId('code-status')).toHaveText('1 error');
  const problem = panel.getByRole('list', { name: 'Problems' }).getByRole('button');
  await expect(problem).toHaveText(/^\d+:5 error: nodes\.gateway\.rateLimitRps: expected a positive integer$/);
  // Monaco draws the squiggle (its marker decoration). The template's own error finding
  // (timeout-budget) is an error marker too, so there is at least this one, not exactly one.
  await expect.poll(() => panel.getByTestId('code-editor').locator('.squiggly-error').count()).toBeGreaterThanOrEqual(1);

  // Undo in the editor while the text has errors is the text's own undo: back to valid.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(panel.getByTestId('code-status')).toHaveText('valid');
  await expect(panel.getByRole('list', { name: 'Problems' })).toHaveCount(0);

  // A rename that breaks the links to a node: errors, and the canvas keeps the node as it was.
  await goToLineWith(page, panel, 'courier: {');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowRight');
  await page.keyboard.insertText('rider');
  await expect(panel.getByTestId('code-status')).toHaveText(/^\d+ errors?$/);
  await expect(panel.getByRole('list', { name: 'Problems' })).toContainText('unknown node "courier"');
  await expect(page.getByTestId('rf__node-courier')).toBeVisible();
  await expect(page.getByTestId('rf__node-rider')).toHaveCount(0);
});

test('completion offers the schema values and node ids', async ({ page }) => {
  const panel = await openCode(page);
  await goToLineWith(page, panel, 'nodes:');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('cache: { kind: dat');
  await page.keyboard.press('Control+Space');
  const suggest = page.getByRole('listbox');
  await expect(suggest.getByRole('option', { name: /database/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(', name: Cache }');

  await goToLineWith(page, panel, 'links:');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('- { from: order, to: cac');
  await page.keyboard.press('Control+Space');
  await expect(suggest.getByRole('option', { name: /cache/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(', kind: sync }');

  await expect(page.getByTestId('rf__node-cache')).toContainText('Cache');
  const text = await readText(page, panel);
  expect(text).toContain('  cache: { kind: database, name: Cache }');
  expect(text).toContain('  - { from: order, to: cache, kind: sync }');
});

test('undo in the editor undoes a canvas drag through the shared history', async ({ page }) => {
  const panel = await openCode(page);
  const before = await readText(page, panel);
  const node = page.getByTestId('rf__node-user');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2 + 50, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => readText(page, panel)).not.toBe(before);
  await editorOf(panel).focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => readText(page, panel)).toBe(before);
});

test('findings show as markers on the lines of their nodes; F8 steps through them', async ({ page }) => {
  const panel = await openCode(page);
  // The first lint runs in a worker: wait for the findings tab to list some.
  await page.getByRole('tab', { name: /findings/i }).click();
  await expect(page.getByRole('tabpanel').getByTestId('finding').first()).toBeVisible();
  await editorOf(panel).focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  // Monaco's marker widget names the rule and the source of the marker.
  await expect(panel.getByText(/signalbox\([a-z]+(-[a-z]+)+\)/).first()).toBeVisible();
});
