import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, useApp, sampleToExperiment } from './harness';

const { open } = useApp();

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  return readFileSync((await file.path())!).toString('utf8');
}

describe('the Results step on the bundled Chicago sample', () => {
  it('shows the hygiene checklist, runs the leakage lab in the worker and draws one bar per mistake, and exports both', async () => {
    const app = await open();
    const { page } = app;
    await sampleToExperiment(page);
    await page.getByText('Multilayer perceptron').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Run \d+ models? × \d+ folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });

    // The checklist: six items, each checked by code; on the sample every one passes.
    await page.getByRole('heading', { name: 'Hygiene checklist' }).waitFor();
    expect(await page.locator('.hx-hygiene li.hx-ok').count()).toBe(6);
    expect(await page.locator('.hx-hygiene li.hx-fail').count()).toBe(0);

    await page.getByTestId('run-leakage').click();
    await page.locator('ol.bars .bar[data-mistake]').first().waitFor({ timeout: 300_000 });
    const mistakes = await page.locator('ol.bars li').evaluateAll((items) => items.map((li) => li.getAttribute('data-mistake')));
    expect(mistakes).toEqual(['random-split', 'features-on-all-data', 'tuning-on-test', 'zeros-dropped', 'region-from-all-data', 'future-geography']);
    // PAI at the middle coverage first; dropping the zeros flatters it with an interval above zero (a red bar).
    expect(await page.getByTestId('leakage-metric').locator('option:checked').textContent()).toBe('PAI @ 5 %');
    expect(await page.locator('ol.bars .bar[data-mistake="zeros-dropped"]').getAttribute('class')).toContain('up');
    await app.screenshot('40-leakage-pai');
    await page.locator('section.leakage').screenshot({ path: `${OUTPUT}40-leakage-view.png` });

    await page.getByTestId('leakage-metric').selectOption({ label: 'Poisson deviance' });
    await page.getByTestId('leakage-model').selectOption('shrunk-average');
    const label = await page.locator('ol.bars li[data-mistake="future-geography"]').textContent();
    expect(label).toContain('shrunk-average');
    await page.locator('section.leakage').screenshot({ path: `${OUTPUT}41-leakage-deviance.png` });

    const md = await download(page, 'Report (Markdown)');
    expect(md).toContain('## Hygiene checklist');
    expect(md).toContain('## Leakage exposed, side by side');
    const html = await download(page, 'Report (HTML)');
    expect(html).toContain('Leakage exposed, side by side');
    expect(html.match(/<li class="hx-ok"/g)).toHaveLength(6);
    expect([app.offOrigin, app.pageErrors, app.consoleErrors]).toEqual([[], [], []]);
  }, 600_000);
});
