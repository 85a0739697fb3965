/**
 * The first run of a fresh install: `vite` (what `npm start` runs) with an empty dependency cache.
 * Vite pre-bundles dependencies when the dev server starts; one it discovers later (the worker's
 * lazily imported tfjs) makes it re-optimise and reload the page, which threw a new user back
 * to the first step on their first "Next: experiment →". This starts a dev server on a free
 * port with a new, empty cache folder and walks as that user did, through to a learned model
 * training, and requires that the page never reloaded.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREBUNDLED } from '../../vite.config';
import { evaluate, launch, openApp } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the first run from an empty dependency cache (the dev server npm start runs)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let cacheDir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'hexcast-vite-cache-'));
    const logger = createLogger('info');
    for (const level of ['info', 'warn', 'error'] as const) {
      logger[level] = (message: string) => void logged.push(message);
    }
    server = await createServer({
      root,
      cacheDir,
      customLogger: logger,
      clearScreen: false,
      // node_modules may be a link to another checkout (a git worktree's): let the server read there too.
      server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: [root, realpathSync(`${root}node_modules`), cacheDir] } },
    });
    await server.listen();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('walks from the sample to a learned model training without Vite reloading the page', async () => {
    const url = server.resolvedUrls!.local[0];
    const app = await openApp(browser, url);
    const { page } = app;
    // 'load' fires once per document: a reload fires it again (hash changes, which the app makes, do not).
    let loads = 0;
    page.on('load', () => loads++);
    // A mark that a reload would wipe.
    await evaluate(page, () => void ((window as unknown as { __firstRun: number }).__firstRun = 1));

    await page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Next: binning →' }).click();
    await page.getByText('827 cells', { exact: true }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Next: experiment →' }).click();
    // The catalogue lists the learned models once the worker has imported tfjs.
    await page.getByText('Multilayer perceptron').waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: /^Poisson regression/ }).check();
    await page.getByRole('button', { name: /^Run \d+ models × \d+ folds$/ }).click();
    // The backend starts (tfjs-backend-wasm, the webgpu module tried first) and the GLM trains: the page is still the same one.
    await page
      .getByTestId('run-backend')
      .getByText(/TensorFlow\.js backend: \w+/)
      .waitFor({ timeout: 120_000 });
    await page.getByText(/^poisson-glm.*, fold \d+ \(Newton iterations\)$/).waitFor({ timeout: 120_000 });
    // Its live loss chart draws a line: a path through two Newton iterations or more, not a lone point.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('figure')].some(
          (f) => f.textContent?.includes('Newton iterations') && [...f.querySelectorAll('svg path')].some((p) => (p.getAttribute('d') ?? '').includes('L')),
        ),
      undefined,
      { timeout: 120_000 },
    );
    // Progress is weighted by expected cost: 8 baselines × 26 folds at ~1 ms are next to nothing beside the GLM's
    // 26 fits at ~1 s, so with k GLM folds done the bar reads at most (208 + 1,000·(k + W)) / 26,208 — not 89 % —
    // where W folds fit at once: one per worker (the pool is on by default: the worker and its helpers).
    const [overall, glmFolds] = await evaluate(page, () =>
      ['Overall progress', 'poisson-glm folds'].map((label) => Number(document.querySelector(`[aria-label="${label}"]`)?.getAttribute('aria-valuenow'))),
    );
    const computed = (await page.getByTestId('run-workers').textContent()) ?? '';
    const workers = Number(computed.match(/on (\d+) workers?/)?.[1]);
    expect(workers, computed).toBeGreaterThanOrEqual(2);
    expect(overall).toBeLessThanOrEqual(Math.round((100 * (208 + 1000 * (glmFolds + workers))) / 26_208));
    await expect(page.getByTestId('run-backend').textContent()).resolves.toMatch(
      /TensorFlow\.js backend: (wasm, 1 thread|wasm, \d+ threads|cpu, 1 thread|webgl, GPU|webgpu, GPU)/,
    );
    await app.screenshot('30-first-run-training');
    await page.getByRole('button', { name: 'Cancel run' }).click();

    expect(loads).toBe(0);
    expect(await evaluate(page, () => (window as unknown as { __firstRun?: number }).__firstRun)).toBe(1);
    expect(await evaluate(page, () => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(await page.getByRole('heading', { name: 'Run', level: 2 }).isVisible()).toBe(true);
    expect(logged.filter((m) => /reload|new dependencies optimized|optimized dependencies changed/i.test(m))).toEqual([]);
    // Every package of PREBUNDLED was bundled at start-up, into the test's own cache.
    const metadata = JSON.parse(readFileSync(join(cacheDir, 'deps', '_metadata.json'), 'utf8')) as { optimized: Record<string, unknown> };
    for (const name of PREBUNDLED) expect(Object.keys(metadata.optimized)).toContain(name);
    expect(app.offOrigin).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
