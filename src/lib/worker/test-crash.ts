/**
 * A test hook that makes the worker throw outside any request, as an out-of-memory or a bug
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
