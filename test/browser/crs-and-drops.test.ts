/**
 * Issue #15 in the app: a Vancouver-like file in UTM zone 10N metres with two categories masked to
 * 0/0. The mapping form ranks CRSs (UTM zone 10N first), choosing EPSG:2913 warns before binning
 * (off Alaska, at sea), the best candidate clears the warning, and the load report names the two
 * categories that lost every row.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vancouverFileBytes } from '../fixtures/vancouver-file';
import { useApp } from './harness';

const { open } = useApp();
const fileInput = (page: Page) => page.locator('input[type=file]').first();

describe('a projected file the app has never seen', () => {
  it('ranks CRSs, warns about EPSG:2913 before binning, clears once a UTM zone 10N CRS is set, and names the lost categories', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await fileInput(page).setInputFiles({ name: 'vancouver.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(vancouverFileBytes()) });
    const best = page.locator('.crs-suggestions li button').first();
    await best.waitFor({ timeout: 60_000 });
    expect(await best.textContent()).toMatch(/UTM zone 10N/);
    const crs = page.getByLabel('CRS (EPSG code, name, proj4 or WKT)');
    await crs.fill('EPSG:2913');
    await crs.press('Enter');
    await crs.blur();
    const warning = page.locator('.crs-suggestions [role=alert]');
    await warning.waitFor({ timeout: 60_000 });
    expect(await warning.textContent()).toMatch(
      /EPSG:2913 .* puts the points around 53\.7\d° N, 156\.9\d° W: 100 % outside its area of use .*100 % in open sea/,
    );
    await app.screenshot('crs-2913-warning');
    await best.click();
    await page.locator('.crs-suggestions').waitFor({ state: 'detached', timeout: 60_000 });
    const lost = page.getByRole('region', { name: 'Dropped rows by category' }).getByRole('alert');
    await lost.waitFor();
    expect((await lost.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      '2 category values lost every row and appear in no count, map or model: HOMICIDE, SEXUAL OFFENCE.',
    );
    await app.screenshot('drops-by-category');
    expect(app.offOrigin).toEqual([]);
  });
});
