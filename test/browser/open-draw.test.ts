/**
 * What the page draws when the full Chicago file (1.3 M rows, 14 columns) opens: the files table,
 * the complete column mapping, the preview's 12 rows of every column (drawn in a task after the
 * mapping, issue 14), the time-zone suggestions once the zone field is focused (built then, not
 * with every open), and the load report's "Dropped rows by category" table, whose reasons read
 * as sentences at the app's usual width and on a phone. The long-task figure of the open is
 * `npm run bench -- app-bin`'s; this asserts no duration.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, SHARED_DATA, evaluate, useApp } from './harness';

const CHICAGO = `${SHARED_DATA}chicago-crimes-2014-2018.arrow`;
const { open } = useApp();

/** Chicago's columns, in the file's order. */
const COLUMNS = [
  'id',
  'occurred_at',
  'primary_type',
  'description',
  'location_description',
  'arrest',
  'domestic',
  'beat',
  'district',
  'ward',
  'community_area',
  'fbi_code',
  'latitude',
  'longitude',
];

/** The "why" cells of the breakdown table: their height in lines of their own text, their width, and their row's width. */
function whyCells(page: Page): Promise<{ lines: number; width: number; rowWidth: number; text: string }[]> {
  return evaluate(page, () =>
    [...document.querySelectorAll('section.breakdown tbody td.why')].map((cell) => {
      const style = getComputedStyle(cell);
      const content = cell.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return {
        lines: Math.round(content / parseFloat(style.lineHeight)),
        width: cell.getBoundingClientRect().width,
        rowWidth: cell.parentElement!.getBoundingClientRect().width,
        text: cell.textContent!.trim(),
      };
    }),
  );
}

describe('opening the full Chicago file', () => {
  it('draws the mapping, every preview row and the zone list, and a drop table whose reasons read as sentences', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    // The sample's preview stays until Chicago's is drawn (a task later): the card never empties, so the page does not jump.
    await page.locator('table.preview').waitFor();
    await evaluate(page, () => {
      const card = document.getElementById('preview-title')!.closest('section')!;
      const seen = window as unknown as { __previewGap: boolean };
      seen.__previewGap = false;
      new MutationObserver(() => {
        if (!card.isConnected || !card.querySelector('table.preview')) seen.__previewGap = true;
      }).observe(card, { childList: true, subtree: true, characterData: true });
    });
    await page.locator('input[type=file]').setInputFiles(CHICAGO);

    // The mapping screen, complete: every control with the detected column.
    await page.getByRole('heading', { name: 'Preview of chicago-crimes-2014-2018.arrow' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#map-time').inputValue()).toBe('occurred_at');
    expect(await page.locator('#map-time option').count()).toBe(COLUMNS.length);
    expect(await page.locator('#map-lat').inputValue()).toBe('latitude');
    expect(await page.locator('#map-lng').inputValue()).toBe('longitude');
    expect(await page.locator('#map-category').inputValue()).toBe('primary_type');
    expect(await page.locator('#map-place option').count()).toBe(COLUMNS.length + 1);

    // The preview: the file's first 12 rows, every column, drawn after the mapping.
    const preview = page.locator('table.preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(12);
    expect(await preview.locator('thead th').allTextContents()).toEqual(COLUMNS);
    expect(await preview.locator('tbody tr').first().locator('td').count()).toBe(COLUMNS.length);
    expect(await preview.locator('tbody tr').first().locator('td').nth(0).textContent()).toBe('10002447');
    expect(await evaluate(page, () => (window as unknown as { __previewGap: boolean }).__previewGap)).toBe(false);

    // The zone suggestions: every IANA zone the browser knows, once the field is focused.
    const zones = await evaluate(page, () => Intl.supportedValuesOf('timeZone').length);
    expect(zones).toBeGreaterThan(300);
    await page.locator('#map-zone').focus();
    await expect.poll(() => page.locator('#time-zones option').count()).toBe(zones);

    // The load report: 1,306,393 read = 1,293,304 kept + 13,089 dropped, with drops by category.
    await page.getByRole('navigation').getByText('1,293,304 incidents').waitFor({ timeout: 60_000 });
    const report = page.locator('section.card[aria-labelledby="load-title"]');
    const breakdown = page.getByRole('region', { name: 'Dropped rows by category' });
    await expect.poll(() => breakdown.getByRole('row').count()).toBe(21); // the header and the 20 values with most drops
    const theft = breakdown.getByRole('row', { name: /^THEFT / });
    expect(await theft.getByRole('cell').allTextContents()).toEqual([
      '2,726',
      '300,854',
      'location is missing (null or NaN): 2,725; location lies far outside the bulk of the data: 1',
    ]);

    // At the app's usual width the longest reason takes at most 3 lines (one word a line before: 4–10).
    let cells = await whyCells(page);
    expect(cells).toHaveLength(20);
    expect(Math.max(...cells.map((c) => c.lines))).toBeLessThanOrEqual(3);
    await report.screenshot({ path: `${OUTPUT}open-draw-report-1440.png` });

    // On a phone each reason is a line of its own under its numbers, the row's width; nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await whyCells(page))[0].width).toBeGreaterThan(250);
    cells = await whyCells(page);
    for (const cell of cells) expect(cell.width, cell.text).toBeGreaterThanOrEqual(cell.rowWidth - 1);
    expect(Math.max(...cells.map((c) => c.lines))).toBeLessThanOrEqual(3);
    expect(await breakdown.locator('.scroll').evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    expect(await theft.getByRole('cell').allTextContents()).toHaveLength(3); // still a table row to assistive technology
    await report.screenshot({ path: `${OUTPUT}open-draw-report-390.png` });
  }, 180_000);
});
