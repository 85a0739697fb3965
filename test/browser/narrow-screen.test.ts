import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluate, useApp } from './harness';

const { open } = useApp();

/**
 * The elements that stick out of the window on the right, outside any scrolling container
 * (their tag, class and first words): what makes a phone scroll the whole page sideways.
 */
function sticking(page: Page): Promise<string[]> {
  return evaluate(page, () => {
    const scrolls = (element: Element): boolean => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(element).overflowX);
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.getBoundingClientRect().right <= window.innerWidth + 1) continue;
      let inside = false;
      for (let up = element.parentElement; up && !inside; up = up.parentElement) inside = scrolls(up);
      if (!inside) out.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return out;
  });
}

describe('the workbench on narrow screens', () => {
  it('lays every step out in one column on a phone (390 × 844): nothing makes the page scroll sideways', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=8&bucket=week&model=naive&model=historic-average&model=kde&folds=12&validation=4');
    const { page } = app;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Experiment restored from the link').waitFor();
    const steps = page.getByRole('navigation', { name: 'Workbench steps' });

    await steps.getByRole('button', { name: /Data/ }).click();
    await page.getByText('location is missing (null or NaN)').waitFor();
    expect(await sticking(page)).toEqual([]);
    await app.screenshot('20-narrow-data');

    await steps.getByRole('button', { name: /Binning/ }).click();
    await page.locator('.map svg path[data-i]').first().waitFor();
    expect(await sticking(page)).toEqual([]);
    await app.screenshot('21-narrow-binning');

    await steps.getByRole('button', { name: /Experiment/ }).click();
    await page.getByRole('button', { name: /^Run 3 models × 12 folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    await page.locator('.map svg path[data-i]').first().waitFor();
    expect(await sticking(page)).toEqual([]);
    // The step list is a strip under the header, not a column beside the content.
    const nav = await steps.boundingBox();
    const heading = await page.getByRole('heading', { name: 'Results', level: 2 }).boundingBox();
    expect(nav!.width).toBeGreaterThan(350);
    expect(heading!.y).toBeGreaterThan(nav!.y + nav!.height);
    await app.screenshot('22-narrow-results');
  });

  it('fits a small laptop window (800 px, beside the step column) on the Results step too', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=8&bucket=week&model=naive&model=historic-average&folds=8&validation=4');
    const { page } = app;
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByText('Experiment restored from the link').waitFor();
    await page.getByRole('button', { name: /^Run \(/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
    await page.locator('.map svg path[data-i]').first().waitFor();
    expect(await sticking(page)).toEqual([]);
  });
});
