import { color } from 'd3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sequentialScale } from '../../src/lib/plots/colour-scale';
import { hexGeometry } from '../../src/lib/plots/hex-geometry';
import { bigPanel } from './big-panel-fixture';
import { download, recordLongTasks, useApp } from './harness';

const { open } = useApp();

// Issue 14 at a size two busy cores can test: an H3 disk of k = 81 at res 9 around Chicago
// (19,927 cells) × 200 days, as another engine writes a pre-binned panel (non-zero rows only).
// The full 50,311 × 1,000 panel is measured in `npm run bench -- map-frames` and `-- big-panel`.
const { cells, totals: totalList, incidents, bytes } = bigPanel(81, 200);
const totals = new Map(cells.map((cell, c) => [cell, totalList[c]]));
const file = { name: 'big-panel-20k.arrow', mimeType: 'application/vnd.apache.arrow.file', buffer: Buffer.from(bytes) };

/** Screen position of a map point (map units of the SVG's viewBox, below the legend band). */
async function screenPoint(page: Page, map: string, x: number, y: number): Promise<{ x: number; y: number }> {
  const svg = page.locator(`${map} svg`).first();
  const box = (await svg.boundingBox())!;
  const [, top, width] = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
  const unit = box.width / width;
  return { x: box.x + x * unit, y: box.y + (y - top) * unit };
}

/** The canvas pixels around a screen point (3 × 3), each as [r, g, b, a]. */
function pixelsAt(page: Page, map: string, point: { x: number; y: number }): Promise<number[][]> {
  return page.evaluate(
    ([selector, px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`)!;
      const rect = canvas.getBoundingClientRect();
      const x = Math.floor(((px - rect.left) * canvas.width) / rect.width);
      const y = Math.floor(((py - rect.top) * canvas.height) / rect.height);
      const data = canvas.getContext('2d')!.getImageData(x - 1, y - 1, 3, 3).data;
      return Array.from({ length: 9 }, (_, k) => Array.from(data.subarray(4 * k, 4 * k + 4)));
    },
    [map, point.x, point.y] as const,
  );
}

describe('a pre-binned panel of ~20,000 cells × 200 days (issue 14)', () => {
  it('draws every cell on a canvas, picks the cell under the pointer, and runs the baselines', async () => {
    // The worker projects the panel's cells the same way (hexGeometry, 640 px): same cells, same fit.
    const geometry = hexGeometry(cells);
    const scale = sequentialScale(Math.max(...totals.values()));
    const app = await open();
    const { page } = app;
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
    await page.locator('input[type=file]').first().setInputFiles(file);
    await page.getByRole('heading', { name: 'Pre-binned panel' }).waitFor({ timeout: 120_000 });
    await page
      .getByRole('navigation')
      .getByText(`${incidents.toLocaleString('en-US')} incidents, pre-binned`)
      .waitFor({ timeout: 120_000 });
    await app.proveLongTaskObserver();

    await page.getByRole('button', { name: 'Next: binning →' }).click();
    const map = '.map[data-renderer="canvas"]';
    await page.waitForSelector(`${map}[data-cells-drawn="${cells.length}"]`, { timeout: 120_000 });
    await page.getByText(`${cells.length.toLocaleString('en-US')} cells`, { exact: true }).waitFor();
    expect(await page.locator('.map svg path[data-i]').count()).toBe(0); // no SVG element per cell
    recordLongTasks('big-map-binning', await app.longTasks());

    // The whole map on screen (the pointer only reaches what is shown).
    await page.setViewportSize({ width: 1440, height: 1800 });
    await page.locator(map).scrollIntoViewIfNeeded();
    // Every 1,000th cell: its centre is painted in its colour, and the pointer there names it.
    let checked = 0;
    for (let i = 0; i < cells.length; i += 1000) {
      const point = await screenPoint(page, map, geometry.centres[2 * i], geometry.centres[2 * i + 1]);
      const expected = color(scale.colour(totals.get(cells[i])!))!.rgb();
      // Cells are ~4 px wide here: of the 3 × 3 pixels at the centre, one is the cell's colour (edges are anti-aliased).
      const distance = ([r, g, b, a]: number[]): number =>
        a === 255 ? Math.abs(r - expected.r) + Math.abs(g - expected.g) + Math.abs(b - expected.b) : Infinity;
      const nearest = Math.min(...(await pixelsAt(page, map, point)).map(distance));
      expect(nearest, `cell ${i}`).toBeLessThanOrEqual(6);
      await page.mouse.move(point.x, point.y);
      await page.locator('.map .tip').getByText(cells[i]).waitFor();
      expect(await page.locator('.map .tip').textContent()).toBe(`${cells[i]}\n${totals.get(cells[i])!.toLocaleString('en-US')} incidents`);
      checked++;
    }
    expect(checked).toBe(20);

    // The map's SVG file carries the canvas's cells as an image under the legend, places and scale bar.
    const saved = (await download(page, /^Save “Incidents per cell.*” as SVG$/)).toString('utf8');
    expect(saved).toMatch(/<image href="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}"/);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(1500); // the canvas redraws at the new width over a few frames
    await app.screenshot('big-map-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(1500);
    await page.locator(map).scrollIntoViewIfNeeded();
    await app.screenshot('big-map-390');
    await page.setViewportSize({ width: 1440, height: 1800 });

    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    // The default baselines (eight) on four folds.
    await page.locator('#protocol-folds').fill('4');
    await page.getByRole('button', { name: /^Run \d+ models? × \d+ folds$/ }).click();
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 300_000 });
    await page.waitForSelector(`${map}[data-cells-drawn="${cells.length}"]`, { timeout: 120_000 });

    // A click on the results map selects the cell under the pointer and shows its series.
    await page.locator(map).scrollIntoViewIfNeeded();
    const i = 12_345;
    const point = await screenPoint(page, map, geometry.centres[2 * i], geometry.centres[2 * i + 1]);
    await page.mouse.click(point.x, point.y);
    await page.getByText(`Cell ${cells[i]}: actual and forecast incidents per day`).waitFor();
    await app.screenshot('big-map-results');
  });
});
