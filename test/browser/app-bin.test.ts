/**
 * The full Chicago file (1.3 M rows) binned by the app at res 8 daily (issue 14): from handing
 * the file to the file input of a page opened on an experiment link (res 8, daily buckets) to the
 * binned panel named in the navigation — the whole open → detect → decode → validate → bin chain.
 * The panel must be the same with 1 worker (`?workers=1`) and 2 (the worker and a helper), and
 * the same as base c10aca3's (its cells, per-cell and per-period totals and period count, as a
 * digest): a change that spreads the app's binning must keep it. With HEXCAST_BENCH=1 it also times, interleaved over ROUNDS (default 3) in one
 * Chromium, the app and the plain implementation (test/browser/plain-h3-worker.ts: the bytes,
 * `tableFromIPC`, an h3-js loop into a Map, in a Web Worker of a page beside the app), and with
 * HEXCAST_BASE_ROOT the app of a base build as well, asserting no duration, for
 * `npm run bench -- app-bin`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OUTPUT, SHARED_DATA, launch } from './harness';

/** The shared Chicago file (`HEXCAST_CHICAGO` for a checkout not beside the shared data, e.g. a worktree). */
const CHICAGO = process.env.HEXCAST_CHICAGO ?? `${SHARED_DATA}chicago-crimes-2014-2018.arrow`;
const NAME = 'chicago-crimes-2014-2018.arrow';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** The bin at res 8 daily of the whole file as base c10aca3 bins it: cells, incidents binned and the digest the init script computes. */
const EXPECTED = { cells: 888, binned: 1_293_304, digest: 'de9ac5c2' };

/** What a page's init script keeps of the app's worker answers: arrival time and the result's own `ms` and panel digest. */
interface Answer {
  readonly request: string;
  readonly at: number;
  readonly ms: number;
  readonly panel?: { cells: number; binned: number; digest: string };
}

/** A main-thread long task: when it started (ms after the file was handed over, once returned by `binInApp`) and how long it took. */
interface LongTask {
  readonly at: number;
  readonly ms: number;
}

type Recorded = { __binBench: { answers: Answer[]; longTasks: LongTask[] }; __workers: Worker[] };

/** The id of the request that asks the app's worker whether it has started (far above the app's own ids). */
const PING = 999_999_999;

/**
 * A checkout of the base commit whose dist/ is built with the test hooks (`VITE_HEXCAST_TEST_HOOKS=1
 * vite build`): with HEXCAST_BENCH, its app is timed too, interleaved in the same browser.
 */
const BASE_ROOT = process.env.HEXCAST_BASE_ROOT;

let browser: Browser;
let baseUrl: string;
let sha256: string;
let baseServer: PreviewServer | undefined;
let baseAppUrl: string | undefined;
beforeAll(async () => {
  browser = await launch();
  baseUrl = inject('baseUrl');
  sha256 = createHash('sha256').update(readFileSync(CHICAGO)).digest('hex');
  if (BASE_ROOT && process.env.HEXCAST_BENCH) {
    baseServer = await preview({ root: BASE_ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const address = baseServer.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('vite preview of the base build reported no TCP address');
    baseAppUrl = `http://127.0.0.1:${address.port}/`;
  }
});
afterAll(async () => {
  await browser?.close();
  await baseServer?.close();
});

/**
 * Opens the app on a link asking for the Chicago file at res 8 daily (`workers` in the query
 * when given), recording the worker's answers (with a digest of the bin's panel) and long tasks.
 */
async function openApp(workers?: number, url = baseUrl): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.addInitScript(() => {
    const records: Recorded['__binBench'] = { answers: [], longTasks: [] };
    (window as unknown as Recorded).__binBench = records;
    // Records each answer of the app's worker as the app receives it: every 'message' listener on a Worker notes it first.
    const record = (event: MessageEvent): void => {
      const at = performance.now();
      const m = event.data as { type?: string; request?: string; result?: Record<string, unknown> };
      // The worker's first progress message ('Reading …', sent as its open starts) and its first 'read' one (after the first record
      // batch: Chicago's only one, so at the read's end): with the open's own `ms`, the worker's time before its read and after it.
      const p = (m as { progress?: { stage?: string } }).progress;
      const mark = m?.type !== 'progress' ? null : p?.stage === 'read' ? 'first-read' : 'first-progress';
      if (mark && !records.answers.some((a) => a.request === mark)) records.answers.push({ request: mark, at, ms: 0 });
      if (m?.type !== 'done' || typeof m.request !== 'string') return;
      const r = m.result ?? {};
      let panel: Answer['panel'];
      if (m.request === 'bin') {
        // FNV-1a over the cells, both totals and the period count: equal digests, equal panels (to a 32-bit hash).
        const cells = r.cells as string[];
        const text = [
          cells.join(','),
          Array.from(r.cellTotals as ArrayLike<number>).join(','),
          Array.from(r.periodTotals as ArrayLike<number>).join(','),
          (r.periods as unknown[]).length,
        ].join('|');
        let h = 0x811c9dc5;
        for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
        panel = { cells: cells.length, binned: (r.report as { binned: number }).binned, digest: h.toString(16).padStart(8, '0') };
      }
      records.answers.push({ request: m.request, at, ms: typeof r.ms === 'number' ? r.ms : NaN, ...(panel && { panel }) });
    };
    // Keeps every worker the page starts (the app's own first), so the test can ask it whether it has started.
    const workers: Worker[] = ((window as unknown as Recorded).__workers = []);
    const Started = window.Worker;
    window.Worker = class extends Started {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(this);
      }
    };
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (
      this: Worker,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (type === 'message') listen.call(this, 'message', record as EventListener, options);
      listen.call(this, type, listener, options);
    } as typeof Worker.prototype.addEventListener;
    const observer = new PerformanceObserver((list) =>
      records.longTasks.push(...list.getEntries().map((entry) => ({ at: entry.startTime, ms: entry.duration }))),
    );
    observer.observe({ type: 'longtask', buffered: true });
  });
  const query = workers === undefined ? '' : `?workers=${workers}`;
  await page.goto(`${url}${query}#v=1&file=${encodeURIComponent(`${NAME}@${sha256}`)}&res=8&bucket=day`);
  await page.getByText(/^This link was made with chicago-crimes-2014-2018\.arrow/).waitFor();
  return page;
}

/** Hands the Chicago file to the app's file input; returns the ms until the daily panel is named, the worker's answers and the page's long tasks. */
async function binInApp(page: Page): Promise<{ ms: number; answers: Answer[]; longTasks: LongTask[] }> {
  // The app starts its worker as the page loads; a user picks a file later. Wait until it answers
  // (a 'cancel' of no request, which the app's client ignores), so its start-up is not timed, as
  // the plain page's worker is started and asked before its file is handed over.
  await page.evaluate(
    (ping) =>
      new Promise<void>((resolve) => {
        const worker = (window as unknown as Recorded).__workers[0];
        const answered = (event: MessageEvent): void => {
          if ((event.data as { id?: number })?.id !== ping) return;
          worker.removeEventListener('message', answered);
          resolve();
        };
        worker.addEventListener('message', answered);
        worker.postMessage({ type: 'cancel', id: ping, target: -1 });
      }),
    PING,
  );
  await page.evaluate(() => {
    const records = (window as unknown as Recorded).__binBench;
    records.answers.length = records.longTasks.length = 0;
  });
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('input[type=file]').first().setInputFiles(CHICAGO);
  await page
    .getByRole('navigation')
    .getByText(/^\d[\d,]* cells × \d+ days$/)
    .waitFor({ timeout: 300_000 });
  const { answers, longTasks } = await page.evaluate(() => (window as unknown as Recorded).__binBench);
  const bin = answers.find((a) => a.request === 'bin')!;
  return { ms: bin.at - t0, answers: answers.map((a) => ({ ...a, at: a.at - t0 })), longTasks: longTasks.map((t) => ({ at: t.at - t0, ms: t.ms })) };
}

/** The plain page's script: the worker's bundle (esbuild, once), started from a blob: URL on a file input's change. */
let plainScript: string | undefined;
async function plainPage(): Promise<Page> {
  if (!plainScript) {
    const bundle = await build({
      entryPoints: [new URL('./plain-h3-worker.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      minify: true,
      logLevel: 'warning',
    });
    plainScript = `const code = ${JSON.stringify(bundle.outputFiles[0].text)};
const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
window.__plainReady = new Promise((resolve) => { worker.onmessage = () => resolve(true); });
worker.postMessage({ ping: true });
document.querySelector('input').addEventListener('change', (event) => {
  const started = performance.now();
  worker.onmessage = (m) => { window.__plainDone = { ...m.data, at: performance.now(), started }; worker.terminate(); };
  worker.postMessage({ file: event.target.files[0] });
});`;
  }
  const context = await browser.newContext();
  const script = plainScript;
  await context.route(`${baseUrl}__plain/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><input type="file"><script src="main.js"></script>' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(`${baseUrl}__plain/index.html`);
  return page;
}

/** Hands the Chicago file to the plain page once its worker has started; the ms until its worker answered, and what it counted. */
async function binPlain(page: Page): Promise<{ ms: number; rows: number; cellDays: number }> {
  await page.evaluate(() => (window as unknown as { __plainReady: Promise<boolean> }).__plainReady);
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('input[type=file]').setInputFiles(CHICAGO);
  const done = (await (await page.waitForFunction(() => (window as unknown as { __plainDone?: unknown }).__plainDone)).jsonValue()) as {
    rows: number;
    cellDays: number;
    at: number;
  };
  return { ms: done.at - t0, rows: done.rows, cellDays: done.cellDays };
}

describe('the Chicago file binned at res 8 daily in the app', () => {
  it('gives the same panel with 1 worker and with 2, the same as base c10aca3', async () => {
    const panels = [];
    for (const workers of [1, 2]) {
      const page = await openApp(workers);
      const { answers, longTasks } = await binInApp(page);
      const panel = answers.find((a) => a.request === 'bin')!.panel!;
      console.log(`workers=${workers}: ${JSON.stringify(panel)}, longest main-thread task ${Math.max(0, ...longTasks.map((t) => t.ms)).toFixed(0)} ms`);
      panels.push(panel);
      await page.context().close();
    }
    expect(panels[1]).toEqual(panels[0]);
    expect(panels[0]).toEqual(EXPECTED);
  }, 600_000);

  it.skipIf(!process.env.HEXCAST_BENCH)(
    'times it against the plain h3-js loop, interleaved in one Chromium (measurement only)',
    async () => {
      const times = {
        app: [] as number[],
        plain: [] as number[],
        /** The base build's app (HEXCAST_BASE_ROOT), or none. */
        base: [] as number[],
        baseStages: [] as { request: string; at: number; ms: number }[][],
        stages: [] as { request: string; at: number; ms: number }[][],
        longestTaskMs: [] as number[],
        /** Every long task of the app's rounds and of the base's, as 'start(duration)' in ms after the file was handed over. */
        longTasks: [] as string[],
        baseLongTasks: [] as string[],
        baseLongestTaskMs: [] as number[],
        panel: null as Answer['panel'] | null,
        plainCounted: null as { rows: number; cellDays: number } | null,
        loadBefore: loadavg(),
        loadAfter: [] as number[],
      };
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate which goes first, so none always meets another's leftovers.
        const order = baseAppUrl ? ['app', 'base', 'plain'] : ['app', 'plain'];
        for (let k = 0; k < order.length; k++) {
          const which = order[(k + round) % order.length];
          if (which === 'base') {
            const page = await openApp(undefined, baseAppUrl);
            const { ms, answers, longTasks } = await binInApp(page);
            times.base.push(ms);
            times.baseLongestTaskMs.push(Math.max(0, ...longTasks.map((t) => t.ms)));
            times.baseLongTasks.push(longTasks.map((t) => `${Math.round(t.at)}(${Math.round(t.ms)})`).join(' '));
            times.baseStages.push(answers.map(({ request, at, ms: own }) => ({ request, at: Math.round(at), ms: Math.round(own) })));
            expect(answers.find((a) => a.request === 'bin')!.panel).toEqual(EXPECTED);
            await page.context().close();
          } else if (which === 'app') {
            const page = await openApp();
            const { ms, answers, longTasks } = await binInApp(page);
            times.app.push(ms);
            times.stages.push(answers.map(({ request, at, ms: own }) => ({ request, at: Math.round(at), ms: Math.round(own) })));
            times.longestTaskMs.push(Math.max(0, ...longTasks.map((t) => t.ms)));
            times.longTasks.push(longTasks.map((t) => `${Math.round(t.at)}(${Math.round(t.ms)})`).join(' '));
            times.panel = answers.find((a) => a.request === 'bin')!.panel!;
            await page.context().close();
          } else {
            const page = await plainPage();
            const { ms, rows, cellDays } = await binPlain(page);
            times.plain.push(ms);
            times.plainCounted = { rows, cellDays };
            await page.context().close();
          }
        }
        console.log(
          `round ${round + 1}: app ${Math.round(times.app.at(-1)!)} ms, plain ${Math.round(times.plain.at(-1)!)} ms${baseAppUrl ? `, base ${Math.round(times.base.at(-1)!)} ms` : ''}`,
        );
      }
      times.loadAfter = loadavg();
      expect(times.plainCounted?.rows).toBeGreaterThan(1_000_000); // the plain loop read the whole file
      mkdirSync(`${OUTPUT}bench`, { recursive: true });
      writeFileSync(`${OUTPUT}bench/app-bin.json`, JSON.stringify(times));
    },
    3_600_000,
  );
});
