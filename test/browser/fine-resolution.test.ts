import { describe, expect, it } from 'vitest';
import { recordLongTasks, useApp } from './harness';

const { open } = useApp();

describe('a fine resolution (H3 res 10, ~25,000 cells on the map)', () => {
  it('draws every cell (on a canvas) on the binning map and in the results, recording its main-thread long tasks', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=10&bucket=week&model=naive&model=historic-average&folds=12&validation=4');
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    await app.proveLongTaskObserver();

    const steps = page.getByRole('navigation', { name: 'Workbench steps' });
    await steps.getByRole('button', { name: /Binning/ }).click();
    const summary = await steps.getByText(/^[\d,]+ cells × \d+ weeks$/).textContent({ timeout: 60_000 });
    const cells = Number(summary!.split(' ')[0].replaceAll(',', ''));
    expect(cells).toBeGreaterThan(20_000);
    // From 5,000 cells the map draws on a canvas, and says how many cells its last drawing held.
    await page.waitForSelector(`.map[data-renderer="canvas"][data-cells-drawn="${cells}"]`, { timeout: 30_000 });
    expect(await page.locator('.map svg path[data-i]').count()).toBe(0);
    // The screenshot renders the whole page at once: it is not measured.
    const binning = await app.longTasks();
    await app.screenshot('23-res10-binning');
    await app.resetLongTasks();

    await steps.getByRole('button', { name: /Experiment/ }).click();
    await page.getByRole('button', { name: 'Run 2 models × 12 folds' }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    await page.waitForSelector(`.map[data-renderer="canvas"][data-cells-drawn="${cells}"]`, { timeout: 30_000 });
    await page.getByRole('slider', { name: /Test period/i }).press('ArrowLeft');
    await page.getByText(/^fold 11 of 12/).waitFor();

    await page.waitForTimeout(500);
    recordLongTasks('res10-map', [...binning, ...(await app.longTasks())]);
  });
});
