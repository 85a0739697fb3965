import { describe, expect, it } from 'vitest';
import { OUTPUT, useApp } from './harness';
import { clipped, smallText, sticking } from './narrow-checks';

const { open } = useApp();

describe('the paint lesson (?lesson=paint) on the bundled Chicago sample', () => {
  it('lets the learner pick cells by map and by keyboard up to the budget, scores them with the core, and puts the picks in the link', async () => {
    const app = await open('?lesson=paint&seed=3');
    const { page } = app;
    const counter = page.getByTestId('paint-counter');
    await counter.waitFor({ timeout: 60_000 });
    const budget = Number((await counter.textContent())!.match(/of (\d+) cells/)![1]);
    expect(budget).toBeGreaterThan(1);

    // One pick by clicking the map, one by keyboard in the list (Tab to a box, arrow down, Space).
    await page.locator('.lesson-paint .cells path').nth(10).click();
    await expect.poll(() => counter.textContent()).toMatch(/^Picked 1 of/);
    await page.getByTestId('paint-list').locator('input').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => counter.textContent()).toMatch(/^Picked 2 of/);
    await page.waitForFunction(() => /picks=[0-9a-f]+_[0-9a-f.]+/.test(location.search));
    await app.screenshot('lesson-paint-picking');

    await page.getByTestId('paint-score').click();
    const summary = page.getByTestId('paint-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^Your picks caught [\d.,]+ of the [\d,]+ incidents of that week \(\d+ %, PAI [\d.]+\)\. The best rule, /);
    const rows = await page.getByTestId('paint-scores').locator('tbody tr td:first-child').allTextContents();
    expect(rows).toEqual([
      'Your picks',
      'Naive (last period)',
      'Historic average',
      'KDE (recent, smoothed)',
      'Hindsight (the best possible)',
      'Random cells (on average)',
    ]);
    expect(page.url()).toContain('scored=1');
    await app.screenshot('lesson-paint');

    // The link reproduces the scored picks.
    const link = new URL(page.url());
    const again = await open(link.search);
    await again.page.getByTestId('paint-summary').waitFor({ timeout: 60_000 });
    expect(await again.page.getByTestId('paint-summary').textContent()).toBe(await summary.textContent());

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await sticking(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    // Nothing cut off in the controls, lists, tables, charts and the maps' scale bars (place names may run off the map's edge).
    expect(await clipped(page, '.lesson-paint fieldset, .lesson-paint .scroll-x, [data-testid="paint-list"], .map svg > g[pointer-events="none"]')).toEqual([]);
    await page.screenshot({ path: `${OUTPUT}lesson-paint-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    expect([app.offOrigin, app.pageErrors]).toEqual([[], []]);
  }, 180_000);
});
