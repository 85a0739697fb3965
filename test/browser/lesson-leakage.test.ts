import { describe, expect, it } from 'vitest';
import { OUTPUT, useApp } from './harness';
import { smallText, sticking } from './narrow-checks';

const { open } = useApp();

describe('the leakage lesson (?lesson=leakage) on the bundled sample', () => {
  it('asks for a prediction, then shows the honest and the leaky score from the worker, and keeps the state in the link', async () => {
    const app = await open('?lesson=leakage');
    const { page } = app;
    await page.getByRole('heading', { name: 'How mistakes inflate scores', level: 2 }).waitFor();
    await page.getByLabel('Only cells with incidents scored').check();
    await page.getByLabel(/looks much better/i).check();
    await page.getByTestId('leakage-reveal').click();
    const answer = page.getByTestId('leakage-answer');
    await answer.waitFor({ timeout: 120_000 });
    // Computed by the worker: PAI at 5 % of the naive forecast, honest next to leaky (the numbers of leakage-lesson.test.ts).
    expect(await page.getByTestId('leakage-honest').textContent()).toBe('2.61');
    expect(await page.getByTestId('leakage-leaky').textContent()).toBe('3.22');
    expect(await page.getByTestId('leakage-relative').textContent()).toBe('+23 % better');
    expect(await answer.textContent()).toContain('You predicted “looks much better');
    expect(new URL(page.url()).search).toBe('?lesson=leakage&mistake=zeros-dropped&metric=pai&guess=much-better');
    await app.screenshot('lesson-leakage');

    // The link reproduces the state; another score answers from the worker's cache.
    const again = await open(`${new URL(page.url()).search}`);
    await again.page.getByTestId('leakage-answer').waitFor({ timeout: 120_000 });
    await again.page.getByTestId('leakage-lesson-metric').selectOption({ label: 'MAE' });
    await again.page.getByLabel(/looks much worse/i).check();
    await again.page.getByTestId('leakage-reveal').click();
    await again.page.getByTestId('leakage-relative').filter({ hasText: 'worse' }).waitFor();
    expect(await again.page.getByTestId('leakage-relative').textContent()).toMatch(/^−\d+(\.\d)? % worse$/);

    await again.page.setViewportSize({ width: 390, height: 844 });
    await again.page.getByText('Every model and score for this mistake').click();
    expect(await sticking(again.page)).toEqual([]);
    expect(await smallText(again.page)).toEqual([]);
    await again.screenshot('lesson-leakage-390');
    await again.page.getByTestId('leakage-answer').screenshot({ path: `${OUTPUT}lesson-leakage-answer-390.png` });
    expect([app.consoleErrors, again.consoleErrors]).toEqual([[], []]);
  }, 300_000);
});
