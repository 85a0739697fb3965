import { describe, expect, it } from 'vitest';
import { evaluate, useApp } from './harness';

const CHICAGO_SAMPLE = new URL('../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url).pathname;
const { open } = useApp();

describe('when the worker dies', () => {
  it('says so on screen, restarts it with the uploaded file and its binning, and keeps working', async () => {
    const app = await open();
    const { page } = app;
    const nav = page.getByRole('navigation');
    await nav.getByText('167,804 incidents').waitFor(); // the default sample
    // The same data as the user's own file: kept as a File, so it can be sent to a new worker.
    await page.locator('input[type=file]').setInputFiles(CHICAGO_SAMPLE);
    await page.waitForFunction(() => /file=chicago-3-types-2014-2018\.arrow%40[0-9a-f]{64}/.test(location.hash));
    await nav.getByRole('button', { name: /Binning/ }).click();
    await page.getByLabel('H3 resolution').selectOption('7');
    await page.getByLabel('Time bucket').selectOption('month');
    const periods = page.getByText(/^[1-9]\d periods$/); // two digits: months, not the default weeks
    await periods.waitFor();
    const months = (await periods.textContent())!;
    const cells = (await page
      .getByText(/^[\d,]+ cells$/)
      .first()
      .textContent())!;
    expect(Number.parseInt(months, 10)).toBeGreaterThan(50); // 2014–2018, trimmed partial months aside

    const hooks = await evaluate(page, () => typeof (window as unknown as { __hexcastHooks?: unknown }).__hexcastHooks);
    expect(hooks, 'the browser tests build the app with VITE_HEXCAST_TEST_HOOKS=1').toBe('object');
    await evaluate(page, () => (window as unknown as { __hexcastHooks: { crashWorker(): void } }).__hexcastHooks.crashWorker());

    const banner = page.locator('#worker-error');
    await banner.getByText(/Hexcast restarted it; your loaded file is kept\./).waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toMatch(/^The worker stopped: .*a test asked the worker to crash\. Hexcast restarted it; your loaded file is kept\./);

    // The new worker holds the same file, mapping and binning: the same counts come back…
    await page.getByText(months, { exact: true }).waitFor();
    await page.getByText(cells, { exact: true }).first().waitFor();
    await nav.getByText('167,804 incidents').waitFor();
    await app.screenshot('23-worker-restarted'); // the banner over the recovered binning step
    expect(await page.getByLabel('H3 resolution').inputValue()).toBe('7');
    expect(await page.evaluate(() => location.hash)).toMatch(/file=chicago-3-types-2014-2018\.arrow%40[0-9a-f]{64}/);
    // …and it answers new requests.
    await page.getByLabel('Time bucket').selectOption('week');
    await page.getByText(/^2\d\d periods$/).waitFor(); // about 261 weeks
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner.count()).toBe(0);
  });
});
