import { expect, test } from '@playwright/test';
import { CanvasPage } from './fixtures/canvasPage';

/** At 1024x700 (issue 10): the view bar covers no node of the first view; the export formats take one row. */
test.use({ viewport: { width: 1024, height: 700 } });

test('the first view keeps every node clear of the view bar; the export formats sit in one row', async ({ page }) => {
  const app = new CanvasPage(page);
  await app.openFresh();
  await app.waitForStillView(app.card('Users DB'));
  const bar = (await page.getByRole('toolbar', { name: 'View' }).boundingBox())!;
  const boxes = await app.cards().evaluateAll((cards) =>
    cards.map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, name: c.textContent ?? '' };
    }),
  );
  expect(boxes.length).toBeGreaterThan(10);
  for (const b of boxes) {
    const overlap = b.x < bar.x + bar.width && bar.x < b.x + b.width && b.y < bar.y + bar.height && bar.y < b.y + b.height;
    expect(overlap, `the view bar covers ${b.name}`).toBe(false);
  }

  await page.getByRole('tab', { name: 'Export', exact: true }).click();
  const formats = page.getByRole('tablist', { name: 'Export format' });
  const row = (await formats.boundingBox())!;
  const first = (await formats.getByRole('tab').first().boundingBox())!;
  // One row of chips (plus room for its thin scrollbar), not four.
  expect(row.height).toBeLessThan(first.height * 2);
  // Every format is still one click away: in the row (it scrolls) and in "All formats".
  await page.getByRole('button', { name: 'All formats' }).click();
  await page.getByRole('menuitemradio', { name: 'Alerts' }).click();
  await expect(formats.getByRole('tab', { name: 'Alerts' })).toHaveAttribute('aria-selected', 'true');
  await expect(formats.getByRole('tab', { name: 'Alerts' })).toBeInViewport();
});
