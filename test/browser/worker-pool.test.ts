/**
 * The app's worker pool (issue 14): the same experiment — the bundled sample, poisson-glm and
 * naive over 4 weekly folds — run with the pool off (`?workers=1`: the single-worker path), on by
 * default (no parameter: min(4, cores − 1) helpers) and on with `?workers=2` (the worker and one
 * helper), in three pages of the same production build. The forecasts files (every forecast and
 * score of every fold, Arrow) must be the same bytes, the Run step must say on how many workers
 * the run computed, and the spread runs must draw the same training curves (the helpers forward
 * their fits' progress). With HEXCAST_BENCH=1 it also times runs of 8 folds with the pool off and
 * on, alternately (asserting no duration), for `npm run bench -- app-pool`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../../src/lib/evaluate/protocol';
import { defaultExperiment } from '../../src/app/experiment';
import { encodeExperiment } from '../../src/app/experiment-url';
import { OUTPUT, download, useApp } from './harness';

const { open } = useApp();

/** The link of the experiment: `workers` workers in all (1: no pool; undefined: the default pool), poisson-glm and naive over `folds` folds. */
const linkOf = (workers: number | undefined, folds: number): string => {
  const experiment = defaultExperiment({ kind: 'sample', id: 'chicago-3-types-2014-2018' });
  const query = workers === undefined ? '' : `?workers=${workers}`;
  return `${query}#${encodeExperiment({ ...experiment, models: ['poisson-glm', 'naive'], protocol: protocolOf({ ...experiment.protocol, folds }) })}`;
};

/** The Run step's training-curve charts: each chart's title and the drawn lines of its SVG. */
async function curvesOn(page: Page): Promise<{ title: string; lines: string[] }[]> {
  await page.getByRole('navigation', { name: 'Workbench steps' }).getByRole('button', { name: /Run/ }).click();
  await page.getByRole('heading', { name: 'Training curves by fold' }).waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll('section[aria-labelledby="curves-title"] figure')].map((figure) => ({
      title: figure.querySelector('figcaption .title')?.textContent?.trim() ?? '',
      lines: [...figure.querySelectorAll('svg path')].map((path) => path.getAttribute('d') ?? ''),
    })),
  );
}

/** Runs the page's experiment from the Experiment step; returns the time from pressing Run to the results on screen. */
async function run(page: Page): Promise<number> {
  await page
    .getByRole('navigation', { name: 'Workbench steps' })
    .getByRole('button', { name: /Experiment/ })
    .click();
  const button = page.getByRole('button', { name: /^Run (again )?\(?\d+ models? × \d+ folds/ });
  const pressed = performance.now();
  await button.click();
  await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 170_000 });
  return performance.now() - pressed;
}

/** What the Run step says the run computed on. */
async function computedOn(page: Page): Promise<string | null> {
  await page.getByRole('navigation', { name: 'Workbench steps' }).getByRole('button', { name: /Run/ }).click();
  return page.getByTestId('run-workers').textContent();
}

describe('the app worker pool', () => {
  it('gives the same forecasts file, byte for byte, and the same training curves with the pool off, on by default and on, and says how many workers computed', async () => {
    const off = await open(linkOf(1, 4));
    const auto = await open(linkOf(undefined, 4));
    const on = await open(linkOf(2, 4));
    for (const app of [off, auto, on]) await app.page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 60_000 });
    await run(off.page);
    await run(auto.page);
    await run(on.page);
    const single = await download(off.page, 'Forecasts (Arrow)');
    const table = tableFromIPC(single);
    expect(table.numRows).toBeGreaterThan(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['poisson-glm', 'naive']));
    expect((await download(auto.page, 'Forecasts (Arrow)')).equals(single)).toBe(true);
    expect((await download(on.page, 'Forecasts (Arrow)')).equals(single)).toBe(true);
    expect(await computedOn(off.page)).toBe('Computed: 4 folds × 2 models on 1 worker');
    // The default: the worker and min(4, cores − 1) helpers, at least one.
    const cores = await auto.page.evaluate(() => navigator.hardwareConcurrency);
    const workers = 1 + Math.min(4, Math.max(1, cores - 1));
    expect(await computedOn(auto.page)).toBe(`Computed: 4 folds × 2 models on ${workers} workers`);
    expect(await computedOn(on.page)).toBe('Computed: 4 folds × 2 models on 2 workers');
    // The GLM's Newton-iteration curves, forwarded by the helpers: the same chart as from one worker.
    const curves = await curvesOn(off.page);
    expect(curves.map((c) => c.title)).toEqual([expect.stringMatching(/^poisson-glm.*, fold \d+ \(Newton iterations\)$/)]);
    expect(curves[0].lines.some((d) => d.includes('L'))).toBe(true);
    expect(await curvesOn(auto.page)).toEqual(curves);
    expect(await curvesOn(on.page)).toEqual(curves);
    await auto.page.screenshot({ path: `${OUTPUT}worker-pool-run.png`, fullPage: true });
  }, 900_000);

  // Several runs of 8 learned folds (minutes on a loaded machine): only when the benchmark asks for it.
  it.skipIf(!process.env.HEXCAST_BENCH)(
    'times 8-fold runs with the pool off and on, alternately (recorded for bench/app-pool.ts)',
    async () => {
      const off = await open(linkOf(1, 8));
      const on = await open(linkOf(2, 8));
      for (const app of [off, on]) {
        await app.page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 60_000 });
        await run(app.page); // warm-up: tfjs, its backend and the helpers start once per page
      }
      const times = { off: [] as number[], on: [] as number[], loadBefore: loadavg(), loadAfter: [] as number[], workers: '' };
      for (let rep = 0; rep < 2; rep++) {
        times.off.push(await run(off.page));
        times.on.push(await run(on.page));
      }
      times.loadAfter = loadavg();
      times.workers = (await computedOn(on.page)) ?? '';
      mkdirSync(`${OUTPUT}bench/`, { recursive: true });
      writeFileSync(`${OUTPUT}bench/app-pool.json`, JSON.stringify(times));
      expect(times.workers).toBe('Computed: 8 folds × 2 models on 2 workers');
    },
    1_200_000,
  );
});
