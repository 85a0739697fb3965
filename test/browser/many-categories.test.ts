import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, recordLongTasks, useApp } from './harness';
import { writeManyCategoriesFile } from './many-categories';

const { open } = useApp();

/** The number before `label` in the Binning step's facts line (e.g. '165,593 incidents binned'). */
async function fact(page: Page, label: string): Promise<number> {
  const text = (await page.locator('.facts').textContent()) ?? '';
  const match = new RegExp(`([\\d,]+) ${label}`).exec(text);
  if (!match) throw new Error(`no '${label}' in the facts line: ${text}`);
  return Number(match[1].replaceAll(',', ''));
}

describe('100,000 distinct categories (real Chicago rows, names made unique)', () => {
  it('the category list stays a window of rows; filtering and unticking one re-bins without exactly that category, recording long tasks', async () => {
    const file = `${OUTPUT}categories-100k.arrow`;
    const made = writeManyCategoriesFile(file);
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor(); // the default sample
    await app.proveLongTaskObserver();

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Categories (100000)').waitFor({ timeout: 120_000 });
    await page
      .getByRole('navigation')
      .getByText(/^\d[\d,]* cells × \d+ weeks$/)
      .waitFor({ timeout: 120_000 });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Binning/ })
      .click();
    await page.getByText('Categories (all 100,000, by incidents)').waitFor();
    const rows = page.locator('.categories label');
    // Sorted by count: the first row is category 0, which the skewed rows reuse most.
    expect(await rows.first().locator('span').textContent()).toBe(made.names[0]);
    expect(await rows.count()).toBeLessThan(200);
    const binned = await fact(page, 'incidents binned');

    // Category 500 (5 digits, so the filter matches it alone) is one the skewed rows reuse.
    await page.getByLabel('Filter categories').fill('00500');
    await page.getByText('1 of 100,000 match.').waitFor();
    expect(await rows.count()).toBe(1);
    const count = Number((await rows.first().locator('small').textContent())!.replaceAll(',', ''));
    expect(await rows.first().locator('span').textContent()).toBe(made.names[500]);
    expect(count).toBe(made.counts[500]);
    expect(count).toBeGreaterThan(1);

    await rows.first().locator('input').uncheck();
    await page.getByText(`${count.toLocaleString('en-US')} left out by the category filter.`).waitFor({ timeout: 120_000 });
    await page.locator('.facts .status').waitFor({ state: 'detached', timeout: 120_000 });
    expect(await fact(page, 'incidents binned')).toBe(binned - count);
    expect(await page.getByText('Categories (99,999 of 100,000, by incidents)').count()).toBe(1);
    expect(await rows.first().locator('input').isChecked()).toBe(false);

    await page.getByLabel('Filter categories').fill('');
    expect(await rows.count()).toBeLessThan(200);
    recordLongTasks('categories-100k', await app.longTasks());
    await app.screenshot('40-categories-100k');
  });
});
