/**
 * Browser-test harness: Debian's Chromium driven by playwright-core (no browser download), a
 * page that records every request (the privacy check fails on any that leaves the app's
 * origin), console errors (CSP violations show there), page errors and main-thread long tasks.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import packageJson from '../../package.json';

/** The flags CI uses: headless, sandbox off (containers), and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (git-ignored). */
export const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
/** The shared real data (CI has it beside the repository). */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * The Chromium the tests drive: `$CHROMIUM` if set, else package.json's `config.chromium`
 * (Debian's `/usr/bin/chromium`). `.ci/run` reads the same two places, and installs Debian's
 * chromium when this path is missing.
 */
export const CHROMIUM: string = process.env.CHROMIUM || packageJson.config.chromium;

/** Launches `CHROMIUM` with `CHROMIUM_FLAGS`; says which path is missing rather than playwright's generic error. */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM to a Chromium executable.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** What the page saw of one message from a worker: enough to follow a request without copying its data. */
export interface WorkerMessage {
  readonly type: string;
  readonly id: number;
  /** For 'done': the request answered. */
  readonly request?: string;
  /** For 'done' of a 'cancel': whether the worker found the request to stop. */
  readonly cancelled?: boolean;
  /** For 'error': the error's name ('AbortError' for cancelled work). */
  readonly errorName?: string;
}

/** The page's records, kept by the init script of `openApp`. */
interface Records {
  longTasks: number[];
  workerMessages: WorkerMessage[];
  workers: Worker[];
}

/** The window of a page opened by `openApp` (functions passed to `page.evaluate` run there, so they name it inline). */
type Paged = { __hexcastTest: Records };

/** A page with its records: requests to other origins, console errors, page errors, long tasks, worker messages. */
export interface Watched {
  readonly page: Page;
  readonly offOrigin: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Durations (ms) of the main thread's long tasks since `resetLongTasks`. */
  longTasks(): Promise<number[]>;
  resetLongTasks(): Promise<void>;
  /**
   * Shows that the long-task observer records, so that a budget check cannot pass on an empty
   * record: blocks the main thread for 120 ms, waits until the observer reports a task at least
   * that long, then clears the record.
   */
  proveLongTaskObserver(): Promise<void>;
  /** Every message the app's workers have posted to the page, in order of arrival. */
  workerMessages(): Promise<WorkerMessage[]>;
  /** Posts `request` (with an `id` the app does not use) to the app's first worker and waits for its answer. */
  askWorker(request: { type: string; id: number } & Record<string, unknown>): Promise<WorkerMessage>;
  screenshot(name: string): Promise<void>;
}

/** Opens a page on `baseUrl` (+ `hash`) in a fresh context that records what the privacy and responsiveness checks need. */
export async function openApp(browser: Browser, baseUrl: string, hash = ''): Promise<Watched> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const offOrigin: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const records: Records = { longTasks: [], workerMessages: [], workers: [] };
    (window as unknown as Paged).__hexcastTest = records;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) records.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    // Every worker the app creates reports its messages here too (a Proxy, not a subclass: nothing named to transpile).
    window.Worker = new Proxy(window.Worker, {
      construct: (target, args: ConstructorParameters<typeof Worker>) => {
        const worker = new target(...args);
        records.workers.push(worker);
        worker.addEventListener('message', (event: MessageEvent) => {
          const m = event.data as { type?: unknown; id?: unknown; request?: unknown; result?: { cancelled?: unknown }; error?: { name?: unknown } };
          if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || typeof m.id !== 'number') return;
          records.workerMessages.push({
            type: m.type,
            id: m.id,
            ...(typeof m.request === 'string' ? { request: m.request } : {}),
            ...(typeof m.result?.cancelled === 'boolean' ? { cancelled: m.result.cancelled } : {}),
            ...(typeof m.error?.name === 'string' ? { errorName: m.error.name } : {}),
          });
        });
        return worker;
      },
    });
  });
  await page.goto(`${baseUrl}${hash}`);
  mkdirSync(OUTPUT, { recursive: true });
  return {
    page,
    offOrigin,
    consoleErrors,
    pageErrors,
    longTasks: () => evaluate(page, () => (window as unknown as Paged).__hexcastTest.longTasks.slice()),
    resetLongTasks: () => evaluate(page, () => void ((window as unknown as Paged).__hexcastTest.longTasks.length = 0)),
    proveLongTaskObserver: async () => {
      await evaluate(page, () => void ((window as unknown as Paged).__hexcastTest.longTasks.length = 0));
      await evaluate(
        page,
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              const end = performance.now() + 120;
              while (performance.now() < end);
              resolve();
            }, 0),
          ),
      );
      await page
        .waitForFunction(() => (window as unknown as Paged).__hexcastTest.longTasks.some((ms) => ms >= 120), undefined, { timeout: 10_000 })
        .catch((error: Error) => {
          throw new Error(
            `The long-task observer recorded no task for a 120 ms busy loop, so a long-task budget would pass on an empty record (${error.message})`,
          );
        });
      await evaluate(page, () => void ((window as unknown as Paged).__hexcastTest.longTasks.length = 0));
    },
    workerMessages: () => evaluate(page, () => (window as unknown as Paged).__hexcastTest.workerMessages.slice()),
    askWorker: async (request) => {
      await page.evaluate((r) => (window as unknown as Paged).__hexcastTest.workers[0].postMessage(r), request);
      const answer = await page.waitForFunction(
        (id) => (window as unknown as Paged).__hexcastTest.workerMessages.find((m) => m.id === id && m.type !== 'progress'),
        request.id,
        { timeout: 30_000 },
      );
      return (await answer.jsonValue()) as WorkerMessage;
    },
    screenshot: async (name) => {
      await evaluate(page, () => window.scrollTo(0, 0));
      await page.screenshot({ path: `${OUTPUT}${name}.png`, fullPage: true });
    },
  };
}

/**
 * Registers a test file's browser: launched once, closed at the end, and after each test every
 * page opened through the returned `open` is checked — no request left the app's origin, no
 * uncaught error, no CSP violation.
 */
export function useApp(): { open: (hash?: string) => Promise<Watched> } {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  const opened: Watched[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    for (const app of opened.splice(0)) {
      expect(app.offOrigin, 'requests that left the app origin').toEqual([]);
      expect(app.pageErrors, 'uncaught page errors').toEqual([]);
      expect(
        app.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e)),
        'CSP violations',
      ).toEqual([]);
    }
  });
  return {
    open: async (hash = '') => {
      const app = await openApp(browser, baseUrl, hash);
      opened.push(app);
      return app;
    },
  };
}

/** Where `recordLongTasks` writes (read by `npm run bench -- browser-long-tasks`). */
export const LONG_TASKS_OUTPUT = `${OUTPUT}long-tasks/`;

/**
 * Records the main-thread long tasks of one scenario for the responsiveness benchmark
 * (bench/browser-long-tasks.ts) and logs them. Tests do not assert a duration: one that does
 * fails on a busy machine; the 200 ms budget is checked and recorded in the benchmark.
 */
export function recordLongTasks(scenario: string, durations: readonly number[]): void {
  mkdirSync(LONG_TASKS_OUTPUT, { recursive: true });
  writeFileSync(`${LONG_TASKS_OUTPUT}${scenario}.json`, `${JSON.stringify({ scenario, durations, longestMs: Math.max(0, ...durations) })}\n`);
  console.log(`${scenario}: ${durations.length} long tasks, longest ${Math.max(0, ...durations).toFixed(0)} ms`);
}

/** `page.evaluate` with a timeout (it has none of its own). */
export function evaluate<T>(page: Page, fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  return Promise.race([
    page.evaluate(fn),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`page.evaluate did not finish within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

/** The text of every body cell of the metric tables, by model row: a fingerprint of a run's numbers. */
export async function metricNumbers(page: Page): Promise<string[][]> {
  return page
    .locator('table.hx-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.querySelector('.hx-mean')?.textContent ?? cell.textContent ?? '').trim())),
    );
}

/** Clicks the first button named `button` and returns the bytes of the download it starts. */
export async function download(page: Page, button: string | RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: button, exact: typeof button === 'string' })
      .first()
      .click(),
  ]);
  return readFileSync((await file.path())!);
}

/** From the start screen on the bundled Chicago sample to its Experiment step, at the default binning (827 cells). */
export async function sampleToExperiment(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('167,804 incidents').waitFor();
  await page.getByRole('button', { name: 'Next: binning →' }).click();
  await page.getByText('827 cells', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Next: experiment →' }).click();
}

/**
 * On a page opened with an experiment link on the bundled Chicago sample: waits for the sample,
 * goes to the Experiment step and presses its Run button, named `run` (e.g. 'Run 1 model × 1 folds').
 */
export async function runLinkedSample(page: Page, run: string): Promise<void> {
  await page.getByRole('navigation').getByText('167,804 incidents').waitFor({ timeout: 60_000 });
  await page
    .getByRole('navigation', { name: 'Workbench steps' })
    .getByRole('button', { name: /Experiment/ })
    .click();
  await page.getByRole('button', { name: run }).click();
}

/**
 * From the start screen on the bundled Chicago sample, opens `name` (`bytes`, of type `mimeType`)
 * through the first file input and waits until the navigation counts `kept` incidents: the file
 * has replaced the sample, with the count the core keeps of it.
 */
export async function openFileOverSample(
  page: Page,
  file: { name: string; mimeType: string; bytes: Uint8Array },
  kept: number,
  timeoutMs = 30_000,
): Promise<void> {
  await page.getByRole('navigation').getByText('167,804 incidents').waitFor(); // the default sample
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.bytes) });
  await page
    .getByRole('navigation')
    .getByText(`${kept.toLocaleString('en-US')} incidents`)
    .waitFor({ timeout: timeoutMs });
}
