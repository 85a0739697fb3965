/**
 * Browser-test harness: Debian's Chromium driven by playwright-core (no browser download), a
 * page that records every request (the privacy check fails on any that leaves the app's
 * origin), console errors (CSP violations show there), page errors and main-thread long tasks.
 */
import { existsSync, mkdirSync } from 'node:fs';
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

/** A page with its records: requests to other origins, console errors, page errors, long tasks. */
export interface Watched {
  readonly page: Page;
  readonly offOrigin: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Durations (ms) of the main thread's long tasks since `resetLongTasks`. */
  longTasks(): Promise<number[]>;
  resetLongTasks(): Promise<void>;
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
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}${hash}`);
  mkdirSync(OUTPUT, { recursive: true });
  return {
    page,
    offOrigin,
    consoleErrors,
    pageErrors,
    longTasks: () => evaluate(page, () => (window as unknown as { __longTasks: number[] }).__longTasks.slice()),
    resetLongTasks: () => evaluate(page, () => void ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0)),
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
      expect(app.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e)), 'CSP violations').toEqual([]);
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

/** `page.evaluate` with a timeout (it has none of its own). */
export function evaluate<T>(page: Page, fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  return Promise.race([
    page.evaluate(fn),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`page.evaluate did not finish within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

/** The text of every body cell of the metric tables, by model row: a fingerprint of a run's numbers. */
export async function metricNumbers(page: Page): Promise<string[][]> {
  return page.locator('table.hx-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.querySelector('.hx-mean')?.textContent ?? cell.textContent ?? '').trim())),
  );
}
