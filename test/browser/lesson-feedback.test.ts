import { describe, expect, it } from 'vitest';
import { OUTPUT, useApp } from './harness';
import { clipped, smallText, sticking } from './narrow-checks';

const { open } = useApp();

describe('the feedback lesson (?lesson=feedback) on the bundled Chicago sample', () => {
  it('asks for a prediction, then plays the months on the real cells with computed numbers; the controls go into the link', async () => {
    const app = await open('?lesson=feedback');
    const { page } = app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The sample's cells, once the workbench has binned it: the world is the real geography, not the synthetic patch.
    await page
      .getByTestId('feedback-world')
      .getByText(/The map: the [\d,]+ cells of the loaded data/)
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('feedback-verdict').count()).toBe(0);

    await page.getByLabel('No: they stay where the first patrols went').check();
    const verdict = await page.getByTestId('feedback-verdict').textContent();
    expect(verdict).toMatch(/^In this run \d+ % of the patrolled cells were true hotspots in the first patrolled month, and \d+ % over the last 6 months/);
    expect(page.url()).toContain('guess=stay');
    // Reduced motion: no auto-play; the month shown is the last.
    expect(await page.getByTestId('feedback-month').textContent()).toBe('48');
    const numbers = await page.getByTestId('feedback-numbers').textContent();
    expect(numbers).toMatch(/Month 48: the \d+ patrolled cells hold \d+ % of the recorded incidents, but \d+ % of the incidents that happened/);
    const [recorded, truth] = numbers!
      .match(/(\d+) % of the recorded incidents, but (\d+) %/)!
      .slice(1)
      .map(Number);
    expect(recorded).toBeGreaterThan(truth);
    expect(await page.locator('.lesson-feedback svg path.outline').count()).toBe(2);
    await app.screenshot('lesson-feedback');

    // Switch the correction on, step back a month with the keyboard: the link follows.
    await page.getByTestId('feedback-correction').check();
    await page.getByRole('button', { name: 'Previous month' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('corr=1') && location.search.includes('month=46'));
    expect(await page.getByTestId('feedback-month').textContent()).toBe('47');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await sticking(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    // Nothing cut off in the controls, lists, tables, charts and the maps' scale bars (place names may run off the map's edge).
    expect(await clipped(page, '.lesson-feedback fieldset, .lesson-feedback .transport, .lesson-feedback .chart, .map svg > g[pointer-events="none"]')).toEqual(
      [],
    );
    await page.screenshot({ path: `${OUTPUT}lesson-feedback-390.png`, fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(391);
    expect([app.offOrigin, app.pageErrors]).toEqual([[], []]);
  }, 180_000);
});
