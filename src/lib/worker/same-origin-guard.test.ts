import { describe, expect, it } from 'vitest';
import { guardSameOrigin, type NetworkScope } from './same-origin-guard';

/** A worker scope on http://app.test whose network functions only record what they were asked. */
function fakeScope(): { scope: NetworkScope; sent: string[] } {
  const sent: string[] = [];
  class Recorder {
    constructor(url: string | URL) {
      sent.push(`new ${String(url)}`);
    }
  }
  const scope: NetworkScope = {
    location: { href: 'http://app.test/assets/worker-abc.js', origin: 'http://app.test' },
    fetch: async (input) => void sent.push(`fetch ${typeof input === 'string' ? input : (input as { url: string }).url}`),
    XMLHttpRequest: {
      prototype: {
        open(method: string, url: string | URL) {
          sent.push(`xhr ${method} ${String(url)}`);
        },
      },
    },
    WebSocket: Recorder,
    EventSource: Recorder,
    Worker: Recorder,
    importScripts: (...urls) => void sent.push(`importScripts ${urls.join(' ')}`),
    WebAssembly: { compileStreaming: async (source) => void sent.push(`compile ${(source as { url: string }).url}`) },
    navigator: { sendBeacon: (url) => (sent.push(`beacon ${String(url)}`), true) },
  };
  guardSameOrigin(scope);
  return { scope, sent };
}

const REFUSED = { code: 'off-origin-request' };

describe('guardSameOrigin(scope)', () => {
  it('lets the app’s own origin through: absolute, root-relative and relative URLs, same-origin blob: and data: URLs', async () => {
    const { scope, sent } = fakeScope();
    await scope.fetch!('http://app.test/assets/tfjs-backend-wasm-simd-abc.wasm');
    await scope.fetch!('/assets/all-abc.js');
    await scope.fetch!('./tf-abc.js');
    await scope.fetch!({ url: 'http://app.test/x' });
    await scope.fetch!('blob:http://app.test/5e1b');
    await scope.fetch!('data:application/octet-stream;base64,AA==');
    await scope.WebAssembly!.compileStreaming!({ url: 'http://app.test/a.wasm' });
    expect(sent).toEqual([
      'fetch http://app.test/assets/tfjs-backend-wasm-simd-abc.wasm',
      'fetch /assets/all-abc.js',
      'fetch ./tf-abc.js',
      'fetch http://app.test/x',
      'fetch blob:http://app.test/5e1b',
      'fetch data:application/octet-stream;base64,AA==',
      'compile http://app.test/a.wasm',
    ]);
  });

  it.each([
    ['another host', 'https://example.org/x'],
    ['another port', 'http://app.test:8080/x'],
    ['another scheme', 'https://app.test/x'],
    ['a protocol-relative URL', '//example.org/x'],
    ['another origin’s blob:', 'blob:https://example.org/5e1b'],
  ])('refuses %s by every means, and sends nothing', async (_, url) => {
    const { scope, sent } = fakeScope();
    await expect(scope.fetch!(url)).rejects.toMatchObject(REFUSED);
    await expect(scope.fetch!({ url })).rejects.toMatchObject(REFUSED);
    expect(() => scope.XMLHttpRequest!.prototype.open('GET', url)).toThrow(expect.objectContaining(REFUSED));
    expect(() => new scope.EventSource!(url)).toThrow(expect.objectContaining(REFUSED));
    expect(() => new scope.Worker!(url)).toThrow(expect.objectContaining(REFUSED));
    expect(() => scope.importScripts!('/ok.js', url)).toThrow(expect.objectContaining(REFUSED));
    expect(() => scope.navigator!.sendBeacon!(url)).toThrow(expect.objectContaining(REFUSED));
    await expect(scope.WebAssembly!.compileStreaming!(Promise.resolve({ url }))).rejects.toMatchObject(REFUSED);
    expect(sent).toEqual([]);
  });

  it('refuses a WebSocket even to the app’s own host (ws: is another origin) and names URL and origin in the message', async () => {
    const { scope, sent } = fakeScope();
    expect(() => new scope.WebSocket!('ws://app.test/live')).toThrow(
      "Refused WebSocket to ws://app.test/live: Hexcast's worker reaches only its own origin (http://app.test); nothing was sent.",
    );
    expect(sent).toEqual([]);
  });

  it('cannot be undone: the guarded functions are read-only and non-configurable', () => {
    const { scope } = fakeScope();
    const guarded = scope.fetch;
    expect(() => Object.assign(scope, { fetch: async () => undefined })).toThrow(TypeError);
    expect(() => Object.defineProperty(scope, 'fetch', { value: null })).toThrow(TypeError);
    expect(scope.fetch).toBe(guarded);
  });
});
