import { describe, expect, it } from 'vitest';
import { useApp } from './harness';
import { smallText, sticking } from './narrow-checks';

const { open } = useApp();

describe('the regression lesson (?lesson=regression) on the bundled sample', () => {
  it('follows a week’s hottest cells after a prediction, beside a world where nothing changes, with the state in the link', async () => {
    const app = await open('?lesson=regression&period=120');
    const { page } = app;
    await page.getByRole('heading', { name: 'Regression to the mean', level: 2 }).waitFor();
    await page
      .getByTestId('regression-period')
      .filter({ hasText: /^\d{4}-\d\d-\d\d$/ })
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Stays about the same (within 5 %)').check();
    await page.getByTestId('regression-reveal').click();
    await page.getByTestId('regression-answer').waitFor();
    // The numbers of regression-lesson.test.ts: week 120's 20 hottest cells, 5.05 → 2.25 a cell; 20 % stay in the top 20; 200 worlds average 4.80 → 2.16.
    expect(await page.getByTestId('regression-change').textContent()).toBe('a drop of 55 %');
    expect(await page.getByTestId('regression-persistence').textContent()).toBe('20 %');
    expect(await page.getByTestId('regression-expected').textContent()).toBe('55 %');
    expect(new URL(page.url()).search).toBe('?lesson=regression&period=120&k=20&seed=7&guess=same');
    await app.screenshot('lesson-regression');

    // Moving k (keyboard) asks the worker again.
    const slider = page.getByLabel('Number of hottest cells, k');
    await slider.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('k=50'));
    await page.getByTestId('regression-answer').getByText('The 50 hottest cells').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sticking(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    await app.screenshot('lesson-regression-390');
    expect(app.consoleErrors).toEqual([]);
  }, 300_000);
});
