/**
 * The platform APIs core code (src/lib) may use, and only those: each exists in browsers, in
 * web workers and in Node ≥ 20 alike. tsconfig.core.json compiles src/lib with lib ES2023 and
 * these declarations instead of the DOM and @types/node, so a DOM or Node-only call in the core
 * fails to compile. Shapes are the subsets the core uses; widen one only for an API that all
 * three runtimes have.
 */

/** High-resolution time (ms) for timings and budgets. */
declare var performance: { now(): number };

type TimerHandle = number | { readonly [key: string]: unknown };
declare function setTimeout(callback: (...args: never[]) => void, ms?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

/** Cancellation: a run's signal is checked between folds and fit steps. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** The app's worker pool terminates its helpers the moment a run is cancelled (worker/worker-pool.ts). */
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare class TextEncoder {
  encode(text?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(bytes?: ArrayBufferView | ArrayBuffer): string;
}

/** A Blob (a browser File is one) is read whole into bytes, or by ranges and as a stream (`io/byte-source.ts`). */
interface Blob {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  slice(start?: number, end?: number): Blob;
  stream(): { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void } };
}

/** Web Crypto, for SHA-256 of input files. */
declare var crypto: { readonly subtle: { digest(algorithm: 'SHA-256', data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer> } } | undefined;

/** WHATWG URL parsing, for the worker's same-origin guard (worker/same-origin-guard.ts). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
}

/** One macrotask hop (worker/next-task.ts): lets a queued 'cancel' message run between folds. */
declare class MessageChannel {
  readonly port1: { onmessage: ((event: unknown) => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void };
}

interface ImportMeta {
  readonly url: string;
}

// forecast/tf/backend.ts probes the GPU backends where they exist (typeof checks first) and,
// in Node only, resolves the WASM files' folder; these are the pieces it touches.
declare var navigator: { readonly gpu?: GPU } | undefined;
interface GPUAdapter {
  readonly info?: { readonly vendor?: string; readonly architecture?: string; readonly description?: string };
}
interface WebGLProbe {
  readonly RENDERER: number;
  getExtension(name: 'WEBGL_debug_renderer_info'): { readonly UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
}
declare var OffscreenCanvas: (new (width: number, height: number) => { getContext(kind: 'webgl2' | 'webgl'): WebGLProbe | null }) | undefined;
declare module 'node:module' {
  export function createRequire(url: string): { resolve(id: string): string };
}

/** gzip decompression (io/gunzip.ts): browsers, workers and Node ≥ 18 have it; the subset the core uses. */
declare class DecompressionStream {
  constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
  readonly writable: {
    getWriter(): { readonly ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> };
  };
  readonly readable: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void>; releaseLock(): void };
  };
}
