import { describe, expect, it } from 'vitest';
import { evaluate, useApp } from './harness';
import { tinyPmtiles } from './pmtiles-fixture';

const { open } = useApp();

describe('the hex map: pan, zoom and offline geographic context', () => {
  it('shows land and place names, pans and zooms by wheel and drag, draws a dropped PMTiles basemap and remembers it across a reload', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.getByRole('button', { name: 'Next: binning →' }).click();
    const map = page.locator('.map').first();
    await map.locator('svg path[data-i]').first().waitFor();

    // Bundled context: Natural Earth land under the cells, GeoNames places over them, both credited.
    await map.locator('path.land').waitFor();
    await map.locator('.places text', { hasText: /^Chicago$/ }).waitFor();
    expect(await page.locator('.basemap-bar .credit').first().textContent()).toBe('Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0)');
    const before = await map.locator('.places text').allTextContents();
    await app.screenshot('map-context-01-whole');

    // Wheel: zoom in about the pointer; more neighbourhoods find room for their names.
    const svg = map.locator('svg');
    await svg.scrollIntoViewIfNeeded(); // the pointer must be over the map, inside the window
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => Number(document.querySelector('.map svg')?.getAttribute('data-zoom')) > 2);
    const zoom = Number(await svg.getAttribute('data-zoom'));
    const after = await map.locator('.places text').allTextContents();
    expect(after).not.toEqual(before);
    expect(after.some((name) => !before.includes(name))).toBe(true);
    const cells = map.locator('g.cells').locator('..');
    const zoomed = await cells.getAttribute('transform');
    expect(Number(/scale\(([\d.]+)\)/.exec(zoomed!)![1])).toBeCloseTo(zoom, 2);

    // Drag: pan by 120 px to the right; the zoom stays.
    await page.mouse.move(box.x + 200, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 300, { steps: 4 });
    await page.mouse.move(box.x + 320, box.y + 300, { steps: 4 });
    await page.mouse.up();
    const panned = (await cells.getAttribute('transform'))!;
    const x = (t: string): number => Number(/translate\((-?[\d.]+)/.exec(t)![1]);
    expect(x(panned)).toBeGreaterThan(x(zoomed!) + 60);
    expect(Number(await svg.getAttribute('data-zoom'))).toBe(zoom);
    await app.screenshot('map-context-02-zoomed');

    // Back to the whole map, then a basemap dropped in (chosen with the file picker): MapLibre draws
    // its earth and its water (east of −87.62°: the lake) under the cells.
    await map.getByRole('button', { name: 'Show the whole map' }).click();
    expect(await svg.getAttribute('data-zoom')).toBe('1.00');
    await page.getByLabel('Add a basemap…').first().setInputFiles({ name: 'lakeshore.pmtiles', mimeType: 'application/octet-stream', buffer: tinyPmtiles() });
    await map.locator('[data-basemap="lakeshore.pmtiles"]').waitFor();
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-basemap-layers') === 'earth water', null, { timeout: 60_000 });
    expect(await page.locator('.basemap-bar .credit').first().textContent()).toBe(
      'Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0) · Basemap lakeshore.pmtiles © Hexcast test fixture',
    );
    expect(await map.locator('path.land').count()).toBe(0); // the basemap replaces the bundled land
    await app.screenshot('map-context-03-basemap');

    // Remembered in IndexedDB: after a reload the basemap is back without being chosen again.
    const reopen = async (): Promise<void> => {
      await page.goto(page.url().split('#')[0]); // a new page load, same browser profile (the URL's experiment hash left out)
      await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
      await page.getByRole('button', { name: 'Next: binning →' }).click();
    };
    await reopen();
    await page.locator('.map [data-basemap="lakeshore.pmtiles"]').first().waitFor();
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-basemap-layers') === 'earth water', null, { timeout: 60_000 });
    expect(await evaluate(page, () => document.querySelector('.basemap-bar')?.textContent?.includes('Basemap: lakeshore.pmtiles'))).toBe(true);
    await app.screenshot('map-context-04-basemap-after-reload');

    // Removed: the bundled land is back, and a reload keeps it removed.
    await page.getByRole('button', { name: 'Remove basemap' }).first().click();
    await page.locator('.map path.land').first().waitFor();
    await reopen();
    await page.locator('.map path.land').first().waitFor();
    expect(await page.locator('.map [data-basemap]').count()).toBe(0);
    // The harness checks, after the test, that no request left the app's origin.
  });
});
