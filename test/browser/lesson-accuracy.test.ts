import { describe, expect, it } from 'vitest';
import { evaluate, OUTPUT, useApp } from './harness';
import { smallText } from './small-text';

const { open } = useApp();

const percent = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('the accuracy lesson (?lesson=accuracy)', () => {
  it('asks two guesses, reveals that flagging nothing is “accurate” on the sample, moves the coverage and keeps the state in the link', async () => {
    const app = await open('?lesson=accuracy');
    const { page } = app;
    await page.getByRole('heading', { name: 'Base rates', level: 2 }).waitFor();
    await page.getByRole('radio', { name: /^Accuracy/ }).check();
    await page.getByRole('radio', { name: 'about 90 %' }).check();
    await page.getByRole('button', { name: 'Reveal' }).click();
    const nothing = page.getByTestId('nothing-accuracy');
    await nothing.waitFor({ timeout: 120_000 });
    const accuracy = percent(await nothing.textContent());
    expect(accuracy).toBeGreaterThan(30);
    expect(accuracy).toBeLessThan(100);
    const table = page.getByTestId('accuracy-table');
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe('Flag nothing');
    expect(await table.locator('caption').textContent()).toContain('flagging 5 % of the area');
    const search = new URL(page.url()).search;
    expect(search).toContain('vendor=accuracy');
    expect(search).toContain('nothing=3');
    expect(search).toContain('reveal=1');
    await app.screenshot('lesson-accuracy');

    // Keyboard: the coverage slider to 30 % (End); the table follows without a new computation.
    const slider = page.getByRole('slider', { name: /Flag the top/ });
    const hitBefore = await table.locator('tbody tr').nth(2).locator('td').nth(1).textContent();
    await slider.focus();
    await page.keyboard.press('End');
    await page.getByText('flagging 30 % of the area').waitFor();
    const hitAfter = await table.locator('tbody tr').nth(2).locator('td').nth(1).textContent();
    expect(percent(hitAfter)).toBeGreaterThan(percent(hitBefore));
    expect(new URL(page.url()).search).toContain('cover=30');

    // The sparse world: flagging nothing is over 90 % accurate.
    await page.getByRole('radio', { name: 'a sparser simulated world' }).check();
    await page.getByText('a sparse simulated world on the same map').waitFor({ timeout: 60_000 });
    expect(percent(await nothing.textContent())).toBeGreaterThan(90);
    expect(new URL(page.url()).search).toContain('source=sparse');
    await app.screenshot('lesson-accuracy-sparse');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUTPUT}lesson-accuracy-390.png`, fullPage: true });
    expect(await smallText(page)).toEqual([]);
    expect(await evaluate(page, () => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect([app.offOrigin, app.pageErrors, app.consoleErrors]).toEqual([[], [], []]);
  }, 300_000);
});
