/**
 * The area layer in the app, on the real Plainfield files: the 2018 crime reports, then the 35
 * census block groups as "Areas" beside the study region — outlines on the map, a choropleth of
 * an apportioned attribute on demand, the accounting, and the attributes kept through the run
 * (the forecasts file holds area_<column>).
 */
import { tableFromIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, SHARED_DATA, download, useApp } from './harness';

const REPORTS = `${SHARED_DATA}plainfield-nj-crime-reports-2018.arrow`;
const AREAS = `${SHARED_DATA}plainfield-nj-block-groups.geojson`;
const { open } = useApp();
const nav = (page: Page) => page.getByRole('navigation');

describe('areas: Plainfield block groups over its crime reports', () => {
  it('draws the block groups, colours cells by an attribute on demand, shows the accounting and keeps the attributes through the run', async () => {
    const app = await open();
    const { page } = app;
    await nav(page).getByText('167,804 incidents').waitFor(); // the default sample is open
    await page.locator('input[type=file]').first().setInputFiles(REPORTS);
    await nav(page).getByText('3,155 incidents').waitFor();
    await nav(page)
      .getByRole('button', { name: /Binning/ })
      .click();
    await page.getByLabel('H3 resolution').selectOption('8');
    await page.getByLabel('Time bucket').selectOption('week');
    await page.getByText('36 cells', { exact: true }).waitFor();

    await page.locator('#bin-areas').setInputFiles(AREAS);
    await page.getByText('Areas: plainfield-nj-block-groups.geojson (outlined on the map), apportioned to the cells.').waitFor();
    expect(await page.locator('.map svg path.area-outlines').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'black_lb' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'pred_count' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Area total column').inputValue()).toBe('total_race_lb');
    await app.screenshot('areas-01-outlines');

    await page.getByLabel('Colour cells by').selectOption('black_lb');
    await page.getByText('black_lb per km²').first().waitFor();
    await app.screenshot('areas-02-choropleth-density');
    await page.getByRole('radio', { name: /share of total_race_lb/ }).check();
    await page.getByText('black_lb, share of total_race_lb').first().waitFor();
    await page.getByText(/^Areas accounting/).click();
    const account = await page.locator('.areas-account pre').textContent();
    expect(account).toContain('areas plainfield-nj-block-groups.geojson: 35 features, 35 used, 0 dropped');
    expect(account).toContain('groups: asian_lb, black_lb, white_lb; total: total_race_lb');
    expect(account).toMatch(/cells: 15\.\d+ km² of 26\.63 km² covered by polygons \(58\.\d %\)/);
    await app.screenshot('areas-03-choropleth-share');

    // Other groups: the map and the accounting follow.
    await page.getByRole('checkbox', { name: 'asian_lb' }).uncheck();
    await page
      .locator('.areas-account pre')
      .getByText(/groups: black_lb, white_lb; total: total_race_lb/)
      .waitFor();

    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    await page.getByRole('button', { name: /^Run \d+ models? × \d+ folds?$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 180_000 });
    await app.screenshot('areas-04-results');
    // Who gets flagged: the groups' shares of population and of flags, for every model, the hindsight oracle and random selection.
    const exposure = page.getByRole('region', { name: 'Who gets flagged' });
    await exposure.scrollIntoViewIfNeeded();
    expect(await exposure.getByText(/^Population groups from plainfield-nj-block-groups\.geojson: black_lb, white_lb, rest of total_race_lb\./).count()).toBe(
      1,
    );
    const flags = exposure.getByRole('table', { name: /^Who gets flagged at / }).first();
    const rows = await flags.getByRole('rowheader').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['naive', 'hindsight oracle', 'random selection']));
    await exposure.screenshot({ path: `${OUTPUT}areas-05-exposure.png` });
    const table = tableFromIPC(await download(page, 'Forecasts (Arrow)'));
    const names = table.schema.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['area_black_lb', 'area_white_lb', 'area_total_race_lb', 'area_covered']));
    expect(JSON.parse(table.schema.metadata.get('hexcast.areas')!)).toMatchObject({ groups: ['black_lb', 'white_lb'], total: 'total_race_lb' });
    expect(app.pageErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  }, 400_000);
});
