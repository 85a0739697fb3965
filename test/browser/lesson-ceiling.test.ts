import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, OUTPUT, useApp } from './harness';
import { smallText } from './small-text';

const { open } = useApp();

const percent = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('the ceiling lesson (?lesson=ceiling)', () => {
  it('asks for a guess, reveals the oracle against the baselines on the sample’s cells, moves with a slider, keeps the state in the link and exports the world', async () => {
    const app = await open('?lesson=ceiling&seed=1');
    const { page } = app;
    await page.getByRole('heading', { name: 'How much is predictable at all', level: 2 }).waitFor();
    await page.getByLabel('about 30 %').check();
    await page.getByRole('button', { name: 'Reveal' }).click();
    const hit = page.getByTestId('oracle-hit-rate');
    await hit.waitFor({ timeout: 120_000 });
    const first = percent(await hit.textContent());
    expect(first).toBeGreaterThan(5);
    expect(first).toBeLessThan(100);
    // On the sample's map, not the made-up patch.
    expect(await page.locator('.lesson-body').textContent()).toContain('of the loaded data');
    expect(await page.locator('table tbody tr').count()).toBe(4);
    expect(new URL(page.url()).search).toContain('guess=2');
    expect(new URL(page.url()).search).toContain('reveal=1');
    await page.locator('svg.hx-chart').first().waitFor();
    await app.screenshot('lesson-ceiling');

    // No hotspots: the ceiling falls to about the area share (5 %). Keyboard: Home on the slider.
    const slider = page.getByRole('slider', { name: /Hotspot concentration/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(
      (before) => {
        const text = document.querySelector('[data-testid="oracle-hit-rate"]')?.textContent ?? '';
        return text !== before && !document.querySelector('[aria-busy="true"]');
      },
      await hit.textContent(),
    );
    const flat = percent(await hit.textContent());
    expect(flat).toBeLessThan(first);
    expect(flat).toBeLessThan(12);
    expect(new URL(page.url()).search).toContain('hot=0');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download these incidents (Arrow)' }).click()]);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('ARROW1');
    expect(file.suggestedFilename()).toBe('hexcast-world-seed-1.arrow');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUTPUT}lesson-ceiling-390.png`, fullPage: true });
    expect(await smallText(page)).toEqual([]);
    const width = await evaluate(page, () => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect([app.offOrigin, app.pageErrors, app.consoleErrors]).toEqual([[], [], []]);
  }, 300_000);
});
