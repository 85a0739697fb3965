import { describe, expect, it } from 'vitest';
import { evaluate, metricNumbers, useApp } from './harness';

const { open } = useApp();
const SHORT_RUN = 'v=1&sample=chicago-3-types-2014-2018&res=7&bucket=month&model=naive&model=historic-average&folds=3&validation=0';
/** A run long enough to be stopped midway (400 daily folds at res 9). */
const LONG_RUN = 'v=1&sample=chicago-3-types-2014-2018&res=9&bucket=day&model=kde&model=prospective&folds=400&validation=0';
const TITLE = 'Chicago 2014–2018: burglary, robbery, motor vehicle theft';

describe('saved experiments (IndexedDB)', () => {
  it('a finished run is listed after a failed run and a reload', async () => {
    const app = await open(`#${SHORT_RUN}`);
    const { page } = app;
    const nav = page.getByRole('navigation');
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    const saved = await evaluate(page, () => location.hash);
    await nav.getByRole('button', { name: /Experiment/ }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();

    // A run that fails: the worker dies midway.
    await page.evaluate((hash) => (location.hash = hash), LONG_RUN);
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('progressbar', { name: 'Overall progress' }).waitFor();
    await evaluate(page, () => (window as unknown as { __hexcastHooks: { crashWorker(): void } }).__hexcastHooks.crashWorker());
    await page
      .locator('#worker-error')
      .getByText(/^The worker stopped: .*a test asked the worker to crash/)
      .waitFor();

    await page.reload();
    await page.getByText('Experiment restored from the link').waitFor();
    await nav.getByRole('button', { name: /Experiment/ }).click();
    const links = page.getByRole('link', { name: TITLE });
    await links.first().waitFor();
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([saved]);
  });

  it('without IndexedDB (undefined, as in some private windows) the app still loads, bins and runs, and says the list is unavailable', async () => {
    const app = await open();
    const { page } = app;
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined }));
    await page.goto(new URL(`/?no-indexeddb#${SHORT_RUN}`, page.url()).href);
    expect(await evaluate(page, () => typeof indexedDB)).toBe('undefined');
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 60_000 });
    expect(await metricNumbers(page)).toHaveLength(2 * 2);
    await page
      .getByText(
        'This run was not saved to the recent experiments: this browser gives the page no IndexedDB, as private windows and some privacy settings do. The link in the address bar still reproduces it.',
      )
      .waitFor();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Experiment/ })
      .click();
    await page.getByText(/^Recent experiments cannot be shown: this browser gives the page no IndexedDB/).waitFor();
    await app.screenshot('41-no-indexeddb');
  });
});
