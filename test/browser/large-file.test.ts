import { describe, expect, it } from 'vitest';
import { SHARED_DATA, metricNumbers, recordLongTasks, useApp } from './harness';

const CHICAGO = `${SHARED_DATA}chicago-crimes-2014-2018.arrow`;
const { open } = useApp();

describe('the full Chicago file (1.3 M rows, 69 MB)', () => {
  it('loads, bins and runs all eight baselines, recording its main-thread long tasks', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await app.proveLongTaskObserver();

    const t0 = Date.now();
    await page.locator('input[type=file]').setInputFiles(CHICAGO);
    await page.getByRole('navigation').getByText('1,293,304 incidents').waitFor({ timeout: 60_000 });
    const loaded = Date.now();
    await page
      .getByRole('navigation')
      .getByText(/^\d[\d,]* cells × \d+ weeks$/)
      .waitFor({ timeout: 60_000 });
    const binned = Date.now();
    const decode = await page.getByText(/^Decoded in [\d.]+ m?s/).textContent();
    console.log(`Chicago: open + decode ${loaded - t0} ms (${decode}), bin ${binned - loaded} ms`);
    await app.screenshot('14-chicago-data');

    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    await page.getByRole('checkbox', { name: /^Window average/ }).check();
    await page.getByRole('button', { name: 'Run 8 models × 26 folds' }).click();
    const started = Date.now();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 180_000 });
    await page.locator('.map svg path[data-i]').first().waitFor();
    console.log(`Chicago: 8 baselines × 26 folds in ${Date.now() - started} ms`);
    expect(await metricNumbers(page)).toHaveLength(2 * 8);

    recordLongTasks('chicago-full', await app.longTasks());
    await app.screenshot('15-chicago-results');
  });
});
