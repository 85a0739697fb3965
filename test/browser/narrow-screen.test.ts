import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluate, OUTPUT, useApp } from './harness';
import { smallText } from './small-text';

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

/**
 * Content cut off inside `selector`: a scrolling box whose content is wider than the box (its
 * columns hidden until one scrolls), or an element reaching beyond its SVG or the window.
 */
function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
          out.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}: content ${element.scrollWidth} px in ${element.clientWidth} px`);
        }
        const rect = element.getBoundingClientRect();
        if (rect.width === 0) continue;
        const svg = element instanceof SVGElement ? element.ownerSVGElement?.getBoundingClientRect() : undefined;
        const right = Math.min(window.innerWidth, svg?.right ?? Infinity);
        if (rect.right > right + 1 || rect.left < Math.max(0, svg?.left ?? 0) - 1) {
          out.push(
            `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" spans ${rect.left.toFixed(0)}–${rect.right.toFixed(0)} px`,
          );
        }
      }
    }
    return out;
  }, selector);
}

describe('the workbench on narrow screens', () => {
  it('lays every step out in one column on a phone (390 × 844): nothing makes the page scroll sideways', async () => {
    const app = await open('#v=1&sample=chicago-3-types-2014-2018&res=8&bucket=week&model=naive&model=historic-average&model=kde&folds=12&validation=4');
    const { page } = app;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Experiment restored from the link').waitFor();
    const steps = page.getByRole('navigation', { name: 'Workbench steps' });

    await steps.getByRole('button', { name: /Data/ }).click();
    await page.getByRole('rowheader', { name: 'location is missing (null or NaN)' }).waitFor();
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

    // Nothing cut off in the verdict's table, the step bar or the map's legend, and no text under 11 px anywhere.
    expect(await clipped(page, 'section[aria-label="Verdict"]')).toEqual([]);
    expect(await clipped(page, 'nav[aria-label="Workbench steps"]')).toEqual([]);
    for (const step of ['Data', 'Binning', 'Experiment', 'Run', 'Results'])
      expect(await steps.getByRole('button', { name: new RegExp(step) }).isVisible()).toBe(true);
    expect(await clipped(page, '.map svg > g[pointer-events="none"]')).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    await page.locator('section[aria-label="Verdict"]').screenshot({ path: `${OUTPUT}23-narrow-verdict.png` });
    await steps.screenshot({ path: `${OUTPUT}24-narrow-steps.png` });
    await page
      .locator('.map')
      .first()
      .screenshot({ path: `${OUTPUT}25-narrow-map.png` });
    await page
      .locator('figure', { hasText: 'Capture curves' })
      .first()
      .screenshot({ path: `${OUTPUT}26-narrow-capture.png` });
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
