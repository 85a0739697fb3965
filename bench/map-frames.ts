/**
 * Frame times of the hex map while it pans and zooms, in headless Chromium (WebGL on
 * SwiftShader, software: slow, as on a machine without a GPU), on the bundled Chicago sample at
 * H3 res 8 (827 cells):
 *   svg:           the app's map (SVG cells + bundled land and places, d3-zoom);
 *   svg+basemap:   the same with a PMTiles basemap dropped in (MapLibre under the SVG, following it);
 *   maplibre-only: MapLibre drawing ~800 res-8 hexagons itself as a GeoJSON fill layer (the
 *                  alternative: the whole map in MapLibre), from the built app's MapLibre chunk.
 * Each scenario steps the view once per animation frame (a wheel event, or `jumpTo` for
 * MapLibre) for 120 frames and reports the intervals between frames (median, 95th percentile).
 * Then issue 14's large map: a pre-binned panel of 50,311 cells × 1,000 days
 * (test/browser/big-panel-fixture.ts) opened in the app, once with the map forced to SVG
 * (`?map=svg`, one path per cell) and once on the canvas (`?map=canvas`, the default from 5,000
 * cells): time from "Next: binning" to every cell drawn, the main thread's long tasks meanwhile,
 * and the frame intervals of 30 wheel steps. `npm run bench -- map-frames [k] [days]`.
 * MAP_FRAMES_RENDERERS=canvas measures one renderer only; MAP_FRAMES_TRACE=DIR writes a Chromium
 * trace of each large-map run there (from the file's open to the end of the wheel steps), which
 * `node bench/long-tasks.mjs FILE` breaks down by long task.
 * Builds the app first (`vite build`) and serves dist/ with `vite preview`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { boundaryOf, cellOf, diskOf } from '../src/lib/grid/h3';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/browser/harness';
import { bigPanel } from '../test/browser/big-panel-fixture';
import { tinyPmtiles } from '../test/browser/pmtiles-fixture';
import { emit } from './measure';

const FRAMES = 120;
const root = fileURLToPath(new URL('..', import.meta.url));

function summary(intervals: number[]): { frames: number; medianMs: number; p95Ms: number; fps: number } {
  const sorted = intervals.slice().sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { frames: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), fps: 1000 / at(0.5) };
}

/**
 * Page-side code as text: tsx would wrap named functions in a `__name` helper the page lacks.
 * `STEPPER(frames, step)` calls `step(i)` once per animation frame and resolves with the intervals.
 */
const STEPPER = `(frames, step) => new Promise((resolve) => {
  const times = [];
  const tick = (t) => {
    times.push(t);
    const i = times.length;
    if (i > frames) return resolve(times.slice(1).map((v, k) => v - times[k]));
    step(i);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** Steps the app's map with one wheel event per frame (in, then out) and returns the frame intervals. */
function wheelFrames(page: Page, frames = FRAMES): Promise<number[]> {
  return page.evaluate(`(() => {
    const svg = document.querySelector('.map svg');
    const box = svg.getBoundingClientRect();
    return (${STEPPER})(${frames}, (i) => svg.dispatchEvent(new WheelEvent('wheel', {
      deltaY: i <= ${frames / 2} ? -40 : 40,
      clientX: box.left + box.width * (0.4 + (0.2 * i) / ${frames}),
      clientY: box.top + box.height / 2,
      bubbles: true,
      cancelable: true,
    })));
  })()`);
}

async function appMap(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Next: binning →' }).click();
  await page.locator('.map path.land').first().waitFor({ timeout: 60_000 });
}

process.env.NODE_ENV = 'production';
// A traced run keeps names readable (unminified) so the trace's functions can be found in src/.
await build({ root, mode: 'production', logLevel: 'warn', ...(process.env.MAP_FRAMES_TRACE && { build: { minify: false } }) });
const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
const address = server.httpServer.address() as { port: number };
const base = `http://127.0.0.1:${address.port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  // MAP_FRAMES_BIG_ONLY=1 skips the small-map scenarios (the large map alone takes minutes).
  if (!process.env.MAP_FRAMES_BIG_ONLY) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await appMap(page, base);
    emit({ name: 'map frames: svg (827 cells + land + places)', ...summary(await wheelFrames(page)) });

    await page.getByLabel('Add a basemap…').first().setInputFiles({ name: 'bench.pmtiles', mimeType: 'application/octet-stream', buffer: tinyPmtiles() });
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-basemap-layers'), null, { timeout: 60_000 });
    emit({ name: 'map frames: svg + MapLibre basemap (WebGL, SwiftShader)', ...summary(await wheelFrames(page)) });
    await page.getByRole('button', { name: 'Remove basemap' }).first().click();

    // The alternative: MapLibre draws the hexagons itself (GeoJSON fill layer), same count and resolution.
    const chunk = readdirSync(`${root}dist/assets`).find((f) => /^maplibre-gl-.*\.js$/.test(f) && !f.includes('worker'))!;
    const worker = readdirSync(`${root}dist/assets`).find((f) => /^maplibre-gl-worker-.*\.mjs$/.test(f))!;
    const cells = diskOf({ cell: cellOf({ lat: 41.84, lng: -87.68, res: 8 }), k: 16 }).flat();
    const features = cells.map((cell, i) => ({
      type: 'Feature',
      properties: { v: i % 9 },
      geometry: { type: 'Polygon', coordinates: [boundaryOf(cell)] },
    }));
    const intervals: number[] = await page.evaluate(`(async () => {
      const module = await import('/assets/${chunk}');
      const values = Object.values(module);
      const MapClass = values.find((v) => typeof v === 'function' && v.prototype && 'jumpTo' in v.prototype);
      const config = values.find((v) => typeof v === 'object' && v !== null && 'WORKER_URL' in v);
      config.WORKER_URL = '/assets/${worker}';
      const div = document.createElement('div');
      div.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:760px;z-index:99';
      document.body.append(div);
      const map = new MapClass({
        container: div,
        style: {
          version: 8,
          sources: { hexes: { type: 'geojson', data: { type: 'FeatureCollection', features: ${JSON.stringify(features)} } } },
          layers: [
            { id: 'bg', type: 'background', paint: { 'background-color': '#eee' } },
            { id: 'hexes', type: 'fill', source: 'hexes', paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'v'], 0, '#ffffcc', 8, '#253494'], 'fill-outline-color': '#fff' } },
          ],
        },
        center: [-87.68, 41.84],
        zoom: 10,
        interactive: false,
        fadeDuration: 0,
      });
      await new Promise((r) => map.once('idle', r));
      return (${STEPPER})(${FRAMES}, (i) => map.jumpTo({ zoom: 10 + 2 * Math.sin((Math.PI * i) / ${FRAMES}), center: [-87.68 + (0.05 * i) / ${FRAMES}, 41.84] }));
    })()`);
    emit({ name: `map frames: MapLibre only (${cells.length} hexagons as a GeoJSON fill layer, WebGL, SwiftShader)`, ...summary(intervals) });
    await context.close();
  }

  // Issue 14: the map of a 50,311-cell panel, SVG against canvas in the same run.
  const big = bigPanel(Number(process.argv[2] ?? 129), Number(process.argv[3] ?? 1000));
  const n = big.cells.length;
  // A path, not a buffer: playwright sends buffers over its protocol (tens of MB time out), a path it streams.
  mkdirSync('/work/tmp-data', { recursive: true });
  const file = '/work/tmp-data/big-map-panel.arrow';
  writeFileSync(file, big.bytes);
  const renderers = (process.env.MAP_FRAMES_RENDERERS ?? 'canvas,svg').split(',') as ('canvas' | 'svg')[];
  for (const renderer of renderers) {
    const bigContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await bigContext.newPage();
    await page.addInitScript(`(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    })()`);
    await page.goto(`${base}?map=${renderer}`);
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 120_000 });
    const trace = process.env.MAP_FRAMES_TRACE;
    if (trace) {
      mkdirSync(trace, { recursive: true });
      await browser.startTracing(page, {
        path: `${trace}/big-map-${renderer}.json`,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel'],
      });
    }
    // Long tasks of the page's start (the bundled sample) are not the panel's: counted from here.
    const startTasks: number[] = await page.evaluate('window.__tasks.splice(0)');
    const opened = Date.now();
    await page.locator('input[type=file]').first().setInputFiles(file, { timeout: 600_000 });
    await page
      .getByRole('navigation')
      .getByText(`${big.incidents.toLocaleString('en-US')} incidents, pre-binned`)
      .waitFor({ timeout: 600_000 });
    const openMs = Date.now() - opened;
    const openTasks: number[] = await page.evaluate('window.__tasks');
    await page.evaluate('window.__tasks = []; window.__t0 = performance.now()');
    await page.getByRole('button', { name: 'Next: binning →' }).click();
    // A function, not a string: the app's CSP forbids eval, which playwright's string predicates use.
    const handle = await page.waitForFunction(
      ([count, svg]) => {
        const drawn = svg
          ? document.querySelectorAll('.map svg path[data-i]').length === count
          : document.querySelector(`.map[data-cells-drawn="${count}"]`) !== null;
        return drawn && performance.now() - (window as unknown as { __t0: number }).__t0;
      },
      [n, renderer === 'svg'] as const,
      { timeout: 600_000, polling: 'raf' },
    );
    const drawMs = Number(await handle.jsonValue());
    const tasks: number[] = await page.evaluate('window.__tasks');
    await page.evaluate('window.__tasks = []');
    const frames = summary(await wheelFrames(page, 30));
    // The zoomed view's own drawing (after the last wheel step) belongs to the zoom too.
    await page.waitForTimeout(renderer === 'canvas' ? 4000 : 0);
    const wheelTasks: number[] = await page.evaluate('window.__tasks');
    if (trace) await browser.stopTracing();
    emit({
      name: `big map: ${n.toLocaleString('en-US')} cells (${big.totals.length === n ? `${(big.cellColumn.length / 1e6).toFixed(1)} M rows, ` : ''}${process.argv[3] ?? 1000} days), ${renderer}`,
      openMs,
      drawMs: Math.round(drawMs),
      longTasks: tasks.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks)),
      tasksOver100: tasks.filter((t) => t > 100).length,
      startLongestTaskMs: Math.round(Math.max(0, ...startTasks)),
      openLongestTaskMs: Math.round(Math.max(0, ...openTasks)),
      wheelLongestTaskMs: Math.round(Math.max(0, ...wheelTasks)),
      wheelMedianMs: frames.medianMs,
      wheelP95Ms: frames.p95Ms,
    });
    await bigContext.close();
  }
} finally {
  await browser.close();
  await server.close();
}
