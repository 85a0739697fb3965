import { tableFromIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, evaluate, metricNumbers, recordLongTasks, useApp, type WorkerMessage } from './harness';

const { open } = useApp();

/** Runs the current experiment from the Experiment step and waits for the Results step. */
async function runToResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Run \d+ models? × \d+ folds$/ }).click();
  await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
  await page.locator('table.hx-table').first().waitFor();
}

describe('the workbench on the bundled Chicago sample', () => {
  it('opens the sample, bins it, runs the default baselines (recording its main-thread long tasks), and exports a report that matches the table', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.getByRole('rowheader', { name: 'location is missing (null or NaN)' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await evaluate(page, () => document.activeElement?.textContent)).toBe('Skip to the current step');
    await app.screenshot('01-data');

    await page.getByRole('button', { name: 'Next: binning →' }).click();
    await page.getByText('827 cells', { exact: true }).waitFor();
    await page.locator('.map svg path[data-i]').first().waitFor();
    expect(await page.locator('.map svg path[data-i]').count()).toBe(827);
    // The resolution picker counts the cells of every resolution it offers (the binned one exactly).
    await page
      .locator('#bin-res option[value="10"]')
      .getByText(/ cells$/)
      .waitFor({ state: 'attached' });
    const options = await page.locator('#bin-res option').allTextContents();
    expect(options[3]).toBe('8 · edge ≈ 531 m · 827 cells');
    expect(options[0]).toBe('5 · edge ≈ 9.85 km · ≈ 8 cells');
    expect(options[5]).toMatch(/^10 · edge ≈ 76 m · ≈ 24,\d{3} cells$/);
    await app.screenshot('02-binning');

    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    await page.getByText('Multilayer perceptron').waitFor({ timeout: 30_000 });
    await app.screenshot('03-experiment');

    await app.proveLongTaskObserver();
    await runToResults(page);
    await page.locator('.map svg path[data-i]').first().waitFor();
    recordLongTasks('sample-run', await app.longTasks());
    await app.screenshot('05-results');

    const rows = await metricNumbers(page);
    const models = 8; // the default models: every baseline, the shrunk historic average among them
    expect(rows).toHaveLength(2 * models);
    const report = JSON.parse((await download(page, 'Report (JSON)')).toString('utf8'));
    expect(report.format).toBe('hexcast-report');
    expect(report.models.map((m: { name: string }) => m.name)).toEqual(rows.slice(0, models).map((r) => r[0].replace(/\s*baseline$/, '')));
    expect(report.data.files[0].name).toBe('chicago-3-types-2014-2018.arrow');
    expect(report.data.rows).toMatchObject({ read: 168_152, kept: 167_804 });
    expect(report.panel).toMatchObject({ resolution: 8, bucket: 'week', cells: 827 });
    expect(report.cutoffs).toHaveLength(26);
    // The count table's MAE column shows each model's mean MAE from the report.
    const maeColumn = rows.slice(models).map((r) => r[1]);
    const mae = report.models.map((m: { metrics: { mae: { mean: number } } }) => m.metrics.mae.mean);
    maeColumn.forEach((text, i) => expect(Number(text.replace('★', '').split(/\s/)[0])).toBeCloseTo(mae[i], 2));

    const html = (await download(page, 'Report (HTML)')).toString('utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(report.summary.headline);
    const embedded = JSON.parse(html.match(/<script type="application\/json" id="hexcast-report">([\s\S]*?)<\/script>/)![1]);
    expect(embedded.models).toEqual(report.models);
    expect(html.match(/<svg class="hx-chart"/g)).toHaveLength(4);
    // The static study map: the 827 cells' region and hotspots over the bundled land and places, credited, inline.
    expect(html.match(/<svg class="hx-chart hx-study-map"/g)).toHaveLength(1);
    expect(html).toContain('Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0)');
    expect(html).toMatch(/>Chicago Loop<\/text>|>Chicago<\/text>/);

    const markdown = (await download(page, 'Report (Markdown)')).toString('utf8');
    expect(markdown.startsWith('# Hexcast backtest report')).toBe(true);
    expect(markdown).toContain(report.summary.headline);

    const forecasts = tableFromIPC(await download(page, 'Forecasts (Arrow)'));
    expect(forecasts.numRows).toBe(26 * 827);
    expect(forecasts.schema.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['fold', 'cell', 'actual', ...report.models.map((m: { name: string }) => m.name)]),
    );

    const svg = (await download(page, /as SVG$/)).toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await download(page, /as PNG$/);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // The run is kept in IndexedDB and listed, as a link, among the recent experiments.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    const recent = page.getByRole('link', { name: 'Chicago 2014–2018: burglary, robbery, motor vehicle theft' });
    await recent.waitFor();
    expect(await recent.getAttribute('href')).toBe(await evaluate(page, () => location.hash));
  });

  it('shows hotspots, a cell series and per-fold charts, and a shared link reproduces the same numbers', async () => {
    const app = await open(
      '#v=1&sample=chicago-3-types-2014-2018&res=7&bucket=month&model=naive&model=historic-average&model=kde&folds=6&validation=0&coverage=0.05,0.2',
    );
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    // Keyboard only: restoring moved the focus to the Run step's heading; Tab reaches Run, Enter runs it,
    // and the focus follows to the Results heading; the skip link returns to it.
    expect(await evaluate(page, () => document.activeElement?.outerHTML)).toBe('<h2 tabindex="-1">Run</h2>');
    await page.keyboard.press('Tab');
    expect(await evaluate(page, () => document.activeElement?.textContent)).toBe('Run (3 models × 6 folds)');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Results');
    await page.getByRole('link', { name: 'Skip to the current step' }).focus();
    await page.keyboard.press('Enter');
    expect(await evaluate(page, () => document.activeElement?.textContent)).toBe('Results');
    const numbers = await metricNumbers(page);
    expect(numbers).toHaveLength(2 * 3);

    await page.getByRole('button', { name: 'Hotspots', exact: true }).click();
    await page.getByText(/flags exactly [\d.]+ % of the study area: \d+ cells whole/).waitFor();
    await page.locator('.cells button').first().click();
    await page.getByText(/^Cell [0-9a-f]{15}: actual and forecast incidents per month$/).waitFor();
    await app.screenshot('06-results-hotspots');

    const hash = await evaluate(page, () => location.hash);
    expect(hash).toContain('model=kde');
    const again = await open(hash);
    await again.page.getByText('Experiment restored from the link').waitFor();
    await again.page.getByRole('button', { name: /^Run \(/ }).click();
    await again.page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    expect(await metricNumbers(again.page)).toEqual(numbers);
  });

  it('cancels a run: the worker acknowledges, ends the run, and posts no progress for it after a heavy and a light request', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=9&bucket=day&model=kde&model=prospective&folds=400&validation=0');
    const { page } = app;
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Overall progress' });
    await page.waitForFunction(() => Number(document.querySelector('[aria-label="Overall progress"]')?.getAttribute('aria-valuenow')) >= 2, undefined, {
      timeout: 60_000,
    });
    await app.screenshot('04-run');
    const started = await app.workerMessages();
    // The run is the newest request that reports progress (loading the sample did so before it).
    const runId = Math.max(...started.filter((m) => m.type === 'progress').map((m) => m.id));
    const progressCount = (messages: WorkerMessage[]): number => messages.filter((m) => m.id === runId && m.type === 'progress').length;
    // Before: the worker's progress counter for the run moves.
    const before = progressCount(started);
    expect(before).toBeGreaterThan(0);
    await page.waitForFunction(
      ([id, n]) =>
        (window as unknown as { __hexcastTest: { workerMessages: WorkerMessage[] } }).__hexcastTest.workerMessages.filter(
          (m) => m.id === id && m.type === 'progress',
        ).length > n,
      [runId, before] as const,
      { timeout: 60_000 },
    );

    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('heading', { name: 'Cancelled' }).waitFor();
    const stopped = await bar.getAttribute('aria-valuenow');
    const atCancel = await app.workerMessages();
    // The worker found the run it was asked to stop, and the run itself ended with an AbortError.
    expect(atCancel.filter((m) => m.request === 'cancel').map((m) => m.cancelled)).toEqual([true]);
    const end = atCancel.findIndex((m) => m.id === runId && m.type !== 'progress');
    expect(atCancel[end]).toMatchObject({ type: 'error', errorName: 'AbortError' });
    // After: a heavy request (every incident's res-10 cell) and a light one go through the worker's
    // queue; a run still computing between folds would post progress before they are answered.
    await app.askWorker({ type: 'resolution-cells', id: 1_000_001, resolutions: [10], categories: null });
    await app.askWorker({ type: 'catalogue', id: 1_000_002 });
    const after = await app.workerMessages();
    expect(after.slice(end + 1).filter((m) => m.id === runId)).toEqual([]);
    expect(progressCount(after)).toBe(progressCount(atCancel));
    expect(await bar.getAttribute('aria-valuenow')).toBe(stopped);
    expect(Number(stopped)).toBeLessThan(100);
    await expect(page.getByText('The run was stopped; nothing more is computed.').isVisible()).resolves.toBe(true);
  });

  it("declares the sample's zone-less times as UTC instants: the summary says so and a shared link keeps it", async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.getByText('local wall-clock readings, America/Chicago').waitFor();
    await page.getByLabel('Clock').selectOption('instant');
    await page.getByText('instants (UTC), America/Chicago').waitFor();
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    const hash = await evaluate(page, () => location.hash);
    expect(decodeURIComponent(hash)).toContain('"clock":"instant"');
    const again = await open(hash);
    await again.page.getByText('Experiment restored from the link').waitFor();
    await again.page.getByRole('navigation').getByRole('button', { name: /Data/ }).click();
    await again.page.getByText('instants (UTC), America/Chicago').waitFor();
    expect(await again.page.getByLabel('Clock').inputValue()).toBe('instant');
  });
});
