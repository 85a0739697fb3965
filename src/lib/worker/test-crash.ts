/**
 * Test hooks in the worker. The first makes the worker throw outside any request, as an out-of-memory or a bug
 * in an event handler would, so that tests can check the app notices the worker's death and
 * recovers. The entries (main.ts, worker.ts) install it only when
 * `import.meta.env.DEV || import.meta.env.VITE_HEXCAST_TEST_HOOKS === '1'`: dev builds and the
 * browser tests' build; Vite folds that to false in a production build, which drops the hook.
 */

/** The message that asks the worker to crash. */
export const TEST_CRASH = { type: 'hexcast-test-crash' } as const;

/**
 * In the worker: throws, from the message handler and so outside any request, when `TEST_CRASH`
 * arrives (the Worker object then fires `error` in the page).
 */
export function listenForTestCrash(scope: { addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void }): void {
  scope.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type === TEST_CRASH.type) throw new Error('a test asked the worker to crash');
  });
}

/** The message that asks the worker to try to reach `url` by every means it has (a test of `guardSameOrigin`). */
export const TEST_FETCH = 'hexcast-test-fetch';
/** The worker's answer to `TEST_FETCH`: per means, 'refused' (with the error's code) or what happened. */
export const TEST_FETCH_RESULT = 'hexcast-test-fetch-result';

/**
 * In the worker: on `{ type: TEST_FETCH, url, socket }` fetches its own /favicon.svg (which must
 * work), then tries `fetch`, `XMLHttpRequest`,
 * `EventSource` (to `url`) and `WebSocket` (to `socket`) with the worker's own globals, and
 * posts `{ type: TEST_FETCH_RESULT, outcomes }`: for each, 'refused: CODE' when the call threw
 * a coded error before sending, else 'sent' or the failure it met.
 */
export function listenForTestFetch(scope: {
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  postMessage(message: unknown): void;
}): void {
  scope.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; url?: unknown; socket?: unknown } | null;
    if (data?.type !== TEST_FETCH || typeof data.url !== 'string' || typeof data.socket !== 'string') return;
    const { url, socket } = data;
    const g = globalThis as unknown as Record<string, new (url: string) => { close?(): void; open?(m: string, u: string): void; send?(): void }>;
    const outcome = async (attempt: () => unknown): Promise<string> => {
      try {
        await attempt();
        return 'sent';
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return typeof code === 'string' ? `refused: ${code}` : `failed: ${(error as Error).message}`;
      }
    };
    void (async () => {
      const outcomes = {
        ownOrigin: await outcome(() => (globalThis as unknown as { fetch(u: string): Promise<unknown> }).fetch('/favicon.svg')),
        fetch: await outcome(() => (globalThis as unknown as { fetch(u: string): Promise<unknown> }).fetch(url)),
        xhr: await outcome(() => {
          const xhr = new g.XMLHttpRequest(url);
          xhr.open!('GET', url);
          xhr.send!();
        }),
        eventSource: await outcome(() => new g.EventSource(url).close!()),
        webSocket: await outcome(() => new g.WebSocket(socket).close!()),
      };
      scope.postMessage({ type: TEST_FETCH_RESULT, outcomes });
    })();
  });
}
