/**
 * The load report's messages on real files, as a user walk met them: Plainfield (no zone declared)
 * warns that none is and what is assumed; a mistyped zone ('Adelaide') suggests
 * Australia/Adelaide; a zone the user sets is named as theirs in the time column's hint; Portland's
 * duplicates warning names the app's checkbox and its file once.
 */
import { describe, expect, it } from 'vitest';
import { SHARED_DATA, useApp } from './harness';

const { open } = useApp();
const warnings = (page: import('playwright-core').Page) => page.locator('ul.warnings li').allTextContents();

describe('load report messages', () => {
  it('Plainfield: the zone warning, a suggestion for a mistyped zone, the chosen zone named as the user’s', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.locator('input[type=file]').first().setInputFiles(`${SHARED_DATA}plainfield-nj-crime-reports-2018.arrow`);
    await page.getByRole('navigation').getByText('3,155 incidents').waitFor();
    expect((await warnings(page))[0]).toBe(
      "no time zone declared for 'occurred_at' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; type it in the Time zone field of the column mapping",
    );
    await app.screenshot('load-messages-01-zone-warning');

    const zone = page.getByLabel('Time zone', { exact: true });
    await zone.fill('Adelaide');
    await zone.press('Enter');
    await zone.blur();
    await page.locator('#map-zone-error').getByText('did you mean Australia/Adelaide?').waitFor();
    expect(await page.locator('#map-time-help').textContent()).not.toContain('Adelaide'); // a refused zone is in force nowhere
    await app.screenshot('load-messages-02-zone-mistyped');

    await zone.fill('America/New_York');
    await zone.press('Enter');
    await zone.blur();
    await page.getByRole('navigation').getByText('3,155 incidents').waitFor();
    await page.locator('#map-time-help').getByText('zone America/New_York, as you set it').waitFor();
    expect((await warnings(page)).some((w) => w.startsWith('no time zone declared'))).toBe(false);
    await app.screenshot('load-messages-03-zone-chosen');
  });

  it('Portland: the duplicates warning names the checkbox and the file once', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.locator('input[type=file]').first().setInputFiles(`${SHARED_DATA}portland-nij-burglary-vehicle-2012-2017.arrow`);
    const crs = page.getByLabel('CRS (EPSG code, name, proj4 or WKT)');
    await crs.waitFor();
    await crs.fill('EPSG:2913');
    await crs.press('Enter');
    await crs.blur();
    const duplicates = page.locator('ul.warnings li', { hasText: 'repeat an earlier row' });
    await duplicates.waitFor({ timeout: 60_000 });
    const text = (await duplicates.textContent()) ?? '';
    expect(text).toMatch(/^66 rows repeat an earlier row in every column \(in portland-nij-burglary-vehicle-2012-2017\.arrow: row 545 repeats row 544; /);
    expect(text).toMatch(/: kept; tick 'Drop duplicate rows' in the column mapping to drop them$/);
    expect(text.split('portland-nij-burglary-vehicle-2012-2017.arrow').length - 1).toBe(1);
    await app.screenshot('load-messages-04-duplicates');
  });
});
