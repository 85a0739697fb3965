import { HexcastError } from '../base/hexcast-error';

/** The network entry points of a worker's global scope that `guardSameOrigin` replaces (each optional: not every runtime has all). */
export interface NetworkScope {
  readonly location: { readonly href: string; readonly origin: string };
  fetch?: (input: unknown, init?: unknown) => Promise<unknown>;
  XMLHttpRequest?: { prototype: { open(method: string, url: string | URL, ...rest: unknown[]): void } };
  WebSocket?: new (url: string | URL, ...rest: never[]) => unknown;
  EventSource?: new (url: string | URL, ...rest: never[]) => unknown;
  WebTransport?: new (url: string | URL, ...rest: never[]) => unknown;
  Worker?: new (url: string | URL, ...rest: never[]) => unknown;
  SharedWorker?: new (url: string | URL, ...rest: never[]) => unknown;
  importScripts?: (...urls: (string | URL)[]) => void;
  WebAssembly?: { instantiateStreaming?: (source: unknown, ...rest: unknown[]) => Promise<unknown>; compileStreaming?: (source: unknown) => Promise<unknown> };
  navigator?: { sendBeacon?: (url: string | URL, data?: unknown) => boolean };
}

/** The constructors whose first argument is a URL to connect to or load. */
const URL_CONSTRUCTORS = ['WebSocket', 'EventSource', 'WebTransport', 'Worker', 'SharedWorker'] as const;

/**
 * Makes every network entry point of a worker scope refuse any URL outside the scope's own
 * origin, whatever Content-Security-Policy the host sends (a statically hosted build sends none,
 * and the page's `<meta>` policy does not reach a worker loaded from a URL): `fetch`,
 * `XMLHttpRequest#open`, `WebSocket`, `EventSource`, `WebTransport`, nested `Worker` and
 * `SharedWorker`, `importScripts`, `WebAssembly.instantiateStreaming`/`compileStreaming`
 * (by the response's URL) and `navigator.sendBeacon`, where present. A refused call throws (or,
 * for `fetch` and the streaming calls, rejects with) a HexcastError 'off-origin-request' naming
 * the URL and the origin; nothing is sent. Same-origin URLs (the app's chunks, the tfjs WASM
 * files of `app/wasm-paths.ts`, the EPSG registry chunk), same-origin `blob:` URLs and `data:`
 * URLs (no network) pass unchanged. The replaced properties are made read-only and
 * non-configurable so that later code cannot put the originals back.
 * Not covered, because no script can intercept them: a dynamic `import()` of an absolute URL
 * (no Hexcast code imports a computed URL) — the CSP headers of docs/hosting.md close that too.
 * @example guardSameOrigin(self); await fetch('https://example.org/') // → rejects: off-origin-request
 */
export function guardSameOrigin(scope: NetworkScope): void {
  const { origin, href } = scope.location;
  const check = (what: string, url: unknown): void => {
    const text = url instanceof URL ? url.href : typeof url === 'string' ? url : (url as { url?: unknown } | null)?.url;
    if (typeof text !== 'string') throw refusal(what, String(url), origin);
    let parsed: URL;
    try {
      parsed = new URL(text, href);
    } catch {
      return; // not a URL: the call itself rejects it without any request
    }
    if (parsed.protocol === 'data:' || parsed.origin === origin) return;
    throw refusal(what, parsed.href, origin);
  };
  const replace = (target: object, name: string, value: unknown): void =>
    void Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: true });

  const fetch = scope.fetch;
  if (fetch) {
    replace(scope, 'fetch', (input: unknown, init?: unknown) => {
      try {
        check('fetch', input);
      } catch (error) {
        return Promise.reject(error);
      }
      return fetch.call(scope, input, init);
    });
  }
  const xhr = scope.XMLHttpRequest?.prototype;
  if (xhr) {
    const open = xhr.open;
    replace(xhr, 'open', function (this: unknown, method: string, url: string | URL, ...rest: unknown[]) {
      check('XMLHttpRequest', url);
      return open.call(this, method, url, ...rest);
    });
  }
  for (const name of URL_CONSTRUCTORS) {
    const Original = scope[name];
    if (!Original) continue;
    replace(
      scope,
      name,
      new Proxy(Original, {
        construct(target, args: unknown[], newTarget) {
          check(name, args[0]);
          return Reflect.construct(target, args, newTarget) as object;
        },
      }),
    );
  }
  const importScripts = scope.importScripts;
  if (importScripts) {
    replace(scope, 'importScripts', (...urls: (string | URL)[]) => {
      for (const url of urls) check('importScripts', url);
      importScripts.apply(scope, urls);
    });
  }
  const wasm = scope.WebAssembly;
  for (const name of ['instantiateStreaming', 'compileStreaming'] as const) {
    const original = wasm?.[name] as ((source: unknown, ...rest: unknown[]) => Promise<unknown>) | undefined;
    if (!wasm || !original) continue;
    replace(wasm, name, async (source: unknown, ...rest: unknown[]) => {
      const response = (await source) as { url?: unknown };
      if (typeof response?.url === 'string' && response.url !== '') check(`WebAssembly.${name}`, response.url);
      return original.call(wasm, response, ...rest);
    });
  }
  const navigator = scope.navigator;
  const sendBeacon = navigator?.sendBeacon;
  if (navigator && sendBeacon) {
    replace(navigator, 'sendBeacon', (url: string | URL, data?: unknown) => {
      check('navigator.sendBeacon', url);
      return sendBeacon.call(navigator, url, data);
    });
  }
}

function refusal(what: string, url: string, origin: string): HexcastError {
  return new HexcastError('off-origin-request', `Refused ${what} to ${url}: Hexcast's worker reaches only its own origin (${origin}); nothing was sent.`);
}
