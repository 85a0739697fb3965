/**
 * The worker cannot reach another origin, whatever the host sends: the built app is served by
 * a plain static server with no Content-Security-Policy header (so only the page's <meta> CSP
 * exists, and it does not apply to a worker loaded from a URL), and the worker is asked — by a
 * test hook of the browser-test build — to reach a second local server by every means it has.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { launch, openApp } from './harness';
import { serveRecorder, serveStatic, type Running } from './static-server';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let browser: Browser;
let app: Running;
let other: Awaited<ReturnType<typeof serveRecorder>>;

beforeAll(async () => {
  [browser, app, other] = await Promise.all([launch(), serveStatic(DIST), serveRecorder()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), app?.close(), other?.close()]);
});

describe('the built app on a static host that sends no CSP header', () => {
  it('has a strict <meta> CSP in index.html: only its own origin, no eval, no inline script', () => {
    const html = readFileSync(`${DIST}index.html`, 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)![1].replace(/&#39;/g, "'");
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(meta.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'blob:', "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/'unsafe-eval'|\*|https?:/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
  });

  it('refuses, inside the worker, every request to another origin before anything is sent, and still reaches its own', async () => {
    const watched = await openApp(browser, app.url);
    const { page } = watched;
    const workerScript = page.waitForResponse((r) => /\/assets\/worker-[\w-]+\.js$/.test(r.url()));
    await page.reload();
    const headers = (await workerScript).headers();
    expect(headers['content-security-policy'], 'the static server sends no CSP, so only the worker’s own guard can refuse').toBeUndefined();
    await page.getByRole('navigation').getByText('167,804 incidents').waitFor();

    const outcomes = await page.evaluate(
      ({ url, socket }) =>
        new Promise<Record<string, string>>((resolve) => {
          const worker = (window as unknown as { __hexcastTest: { workers: Worker[] } }).__hexcastTest.workers.at(-1)!;
          worker.addEventListener('message', (event: MessageEvent) => {
            if (event.data?.type === 'hexcast-test-fetch-result') resolve(event.data.outcomes);
          });
          worker.postMessage({ type: 'hexcast-test-fetch', url, socket });
        }),
      { url: `${other.url}from-the-worker`, socket: `ws://127.0.0.1:${other.port}/from-the-worker` },
    );
    expect(outcomes).toEqual({
      ownOrigin: 'sent',
      fetch: 'refused: off-origin-request',
      xhr: 'refused: off-origin-request',
      eventSource: 'refused: off-origin-request',
      webSocket: 'refused: off-origin-request',
    });
    expect(watched.offOrigin, 'requests the browser saw leave the app origin').toEqual([]);
    expect(other.received, 'requests the other origin received').toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    // The other origin was reachable all along: the refusals were the guard's, not a dead server's.
    expect(await (await fetch(`${other.url}from-node`)).text()).toBe('reached');
    expect(other.received).toEqual(['GET /from-node']);
  });
});
