/**
 * "Add forecasts" end to end on the bundled Chicago sample: run the baselines, export their
 * forecasts, give one model's column back as a vendor's file, and find the vendor in the same
 * tables with the same numbers as the model it came from.
 */
import { readFileSync } from 'node:fs';
import { Float64, TimestampMillisecond, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowTableBytes, vectorOfValues } from '../../src/lib/io/arrow-table-bytes';
import { evaluate, metricNumbers, useApp } from './harness';
import { externalForecastBytes, rowsOfModel } from '../fixtures/external-forecast-file';

const { open } = useApp();

describe('Add forecasts', () => {
  it("scores a vendor's file (a model's own forecasts given back) in the same tables with that model's numbers, and the link names it by SHA-256", async () => {
    const app = await open(
      '#v=1&sample=chicago-3-types-2014-2018&res=7&bucket=month&model=naive&model=historic-average&folds=6&validation=0&coverage=0.05,0.2',
    );
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Forecasts (Arrow)' }).click()]);
    const rows = tableFromIPC(readFileSync((await download.path())!)).toArray();
    const vendor = externalForecastBytes(rowsOfModel(rows, 'historic-average'));

    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    await page.getByLabel('Forecast name').fill('vendor');
    await page.getByTestId('external-file').setInputFiles({ name: 'vendor.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(vendor) });
    const info = page.getByTestId('external-info');
    await info.getByText('vendor.arrow · per cell · kind detected at the run').waitFor();
    await info
      .getByText(`${rows.length.toLocaleString('en-US')} rows. Rows are matched to folds and cells at the run; the report accounts for each.`)
      .waitFor();
    await app.screenshot('24-add-forecasts');

    await page.getByRole('button', { name: /^Run \d+ models? × 6 folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    await page.getByText('External forecasts are scored as given', { exact: false }).first().waitFor();
    const numbers = await metricNumbers(page);
    // The means, without the ★ that marks the best baseline (the vendor is not a baseline).
    const row = (name: string, table: number): string[] => {
      const rows = numbers.filter((r) => r[0].startsWith(name));
      return rows[table].slice(1).map((text) => text.replace('★', ''));
    };
    expect(numbers.filter((r) => r[0].startsWith('vendor'))).toHaveLength(2); // hotspot and count tables
    expect(row('vendor', 0)).toEqual(row('historic-average', 0));
    expect(row('vendor', 1)).toEqual(row('historic-average', 1));
    await page.getByText(`${rows.length.toLocaleString('en-US')} read = ${rows.length.toLocaleString('en-US')} used + 0 dropped`).waitFor();
    await app.screenshot('25-external-results');

    const hash = await evaluate(page, () => location.hash);
    expect(decodeURIComponent(hash)).toMatch(/external=vendor:auto=vendor\.arrow@[0-9a-f]{64}/);
  });

  it('refuses a file with no place, with the error next to the control', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=7&bucket=month&model=naive&folds=6');
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    const bad = arrowTableBytes({ period: vectorOfValues([0], new TimestampMillisecond()), forecast: vectorOfValues([1], new Float64()) });
    await page.getByTestId('external-file').setInputFiles({ name: 'bad.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(bad) });
    await page
      .locator('#external-error')
      .getByText(/^forecast file 'bad\.arrow' has no place: expected a column 'cell'/)
      .waitFor();
    expect(await page.getByTestId('external-info').count()).toBe(0);
  });
});
