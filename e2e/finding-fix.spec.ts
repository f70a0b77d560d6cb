import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

/**
 * Finding to fix (issue 10), as a person goes from a finding to its fix: a click in the
 * Findings tab opens the element in the inspector with the field to change scrolled into view,
 * outlined and offering the suggested value; Enter applies it as one undo step. The inspector
 * lists the element's own findings, and selecting on the canvas from any tab shows the inspector.
 */
test('a finding opens its field with the suggested value; Enter applies it as one undo step', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await page.getByRole('tab', { name: /findings/i }).click();
  await page.getByRole('button', { name: /^missing-circuit-breaker:.*Twilio/ }).click();

  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const panel = app.inspector;
  await expect(panel.getByText('Notification → Twilio')).toBeVisible();
  const use = panel.getByRole('button', { name: 'Use 50 for Breaker failure rate (%)' });
  await expect(use).toBeFocused();
  await expect(use).toBeInViewport();
  const field = panel.getByRole('textbox', { name: 'Breaker failure rate (%)' });
  await expect(field).toBeInViewport();
  await expect(field).toHaveValue('');
  // The element's own findings are listed, this one among them.
  const here = panel.getByRole('region', { name: 'Findings here' });
  await expect(here.getByRole('button', { name: /Sync call without a circuit breaker/ })).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('50');
  await expect(use).toHaveCount(0);
  // The rules engine agrees: the finding is gone from the link's list.
  await expect(here.getByRole('button', { name: /Sync call without a circuit breaker/ })).toHaveCount(0);

  // One undo step takes it back, and the suggestion with it.
  await page.getByRole('button', { name: /^undo/i }).click();
  await expect(field).toHaveValue('');
  await expect(use).toBeVisible();
  await page.getByRole('button', { name: /^redo/i }).click();
  await expect(field).toHaveValue('50');
});

test("the inspector lists an element's findings; each shows its field; selecting from any tab shows the inspector", async ({
  page,
}) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  // From the Export tab, a click on a node on the canvas opens it in the inspector.
  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  await app.card('User').click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const panel = app.inspector;
  const here = panel.getByRole('region', { name: 'Findings here' });
  const spof = here.getByRole('button', { name: /Single point of failure/i });
  await expect(spof).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Use 2 for Replicas/ })).toHaveCount(0);

  await spof.click();
  const use = panel.getByRole('button', { name: 'Use 2 for Replicas' });
  await expect(use).toBeFocused();
  await use.click();
  await expect(panel.getByRole('textbox', { name: 'Replicas' })).toHaveValue('2');
  await expect(spof).toHaveCount(0);

  // A yes/no field works the same way: the gateway a person adds states no auth.
  await app.addFromPalette('gateway');
  await expect(here.getByRole('button', { name: /Gateway without authentication/ })).toBeVisible();
  await here.getByRole('button', { name: /Gateway without authentication/ }).click();
  const auth = panel.getByRole('button', { name: 'Use jwt for Auth' });
  await expect(auth).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('combobox', { name: 'Auth' })).toHaveValue('jwt');
  // The same finding now asks for the rate limit, the second half of its fix.
  await here.getByRole('button', { name: /Gateway without authentication/ }).click();
  await expect(panel.getByRole('button', { name: 'Use 100 for Rate limit (rps)' })).toBeFocused();

  // "All findings" leads back to the list.
  await here.getByRole('button', { name: 'All findings' }).click();
  await expect(page.getByRole('tab', { name: /findings/i })).toHaveAttribute('aria-selected', 'true');
});
