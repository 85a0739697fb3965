/**
 * Choosing and starting a TensorFlow.js backend, in Node and in the browser (STACK.md,
 * "TensorFlow.js"). Models call `ensureBackend()` before they create a tensor; shells may call
 * `initNodeBackend` or `initBrowserBackend` earlier to choose.
 *
 * - Node: WASM (SIMD, single-threaded), whose `.wasm` files ship in
 *   `node_modules/@tensorflow/tfjs-backend-wasm/dist/`; CPU when WASM fails.
 * - Browser: WebGPU → WebGL → WASM → CPU; WASM runs the threaded-SIMD binary when the page is
 *   cross-origin isolated (`wasmThreads()`), the single-threaded SIMD one otherwise; skipping a GPU backend that runs on a software
 *   renderer (SwiftShader, llvmpipe): there WASM is ~30× faster than WebGL. An optional timed
 *   probe compares the chosen GPU backend with WASM on a small matmul and keeps the faster.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { SINGLE_THREAD_NOTE } from '../../base/backend-label';

/** The backends Hexcast can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** URLs of the three tfjs WASM binaries (e.g. from Vite's `?url` imports), keyed by file name. */
export interface WasmFileMap {
  readonly 'tfjs-backend-wasm.wasm': string;
  readonly 'tfjs-backend-wasm-simd.wasm': string;
  readonly 'tfjs-backend-wasm-threaded-simd.wasm': string;
}

/** What backend initialisation chose, and why the others were passed over. */
export interface BackendChoice {
  readonly backend: BackendName;
  /** One line a candidate: 'webgl: software renderer (SwiftShader…)', 'wasm: ok in 40 ms'. */
  readonly notes: readonly string[];
}

let started: Promise<BackendChoice> | undefined;

/** Default time allowed for one backend to initialise before the next is tried. */
export const BACKEND_TIMEOUT_MS = 15_000;

/**
 * Starts the backend once: the first call in Node runs `initNodeBackend()`; elsewhere it keeps
 * tfjs's own default unless `initBrowserBackend` ran first. Later calls return the same choice.
 * @example await ensureBackend() // in Node → { backend: 'wasm', notes: ['wasm: ok in 9 ms'] }
 */
export function ensureBackend(): Promise<BackendChoice> {
  if (!started) {
    started = isNode() ? initNodeBackend() : tf.ready().then(() => ({ backend: tf.getBackend() as BackendName, notes: ['tfjs default backend'] }));
  }
  return started;
}

/**
 * Name of the backend tfjs is running on now ('wasm', 'cpu', …).
 * @example backendName() // → 'wasm' (after ensureBackend() in Node)
 */
export function backendName(): string {
  return tf.getBackend() ?? 'none';
}

/**
 * Threads the running backend computes on: the WASM backend's thread count (1 unless the page is
 * cross-origin isolated, which multi-threaded WASM needs), 1 for the CPU backend, null for a GPU
 * backend (WebGL, WebGPU: the GPU's own parallelism) or none started.
 * @example backendThreads() // → 1 (after ensureBackend() in Node: WASM with SIMD, one thread)
 */
export function backendThreads(): number | null {
  const name = tf.getBackend();
  if (name === 'wasm') return getThreadsCount();
  return name === 'cpu' ? 1 : null;
}

/**
 * Node: WASM from the package's own `dist/` folder, CPU as the fallback (or `prefer: 'cpu'`).
 * `wasmDir` overrides the folder (a bundled CLI that moved the files).
 * @example await initNodeBackend({ prefer: 'cpu' }) // → { backend: 'cpu', notes: ['cpu: ok in 2 ms'] }
 */
export function initNodeBackend(options: { prefer?: 'wasm' | 'cpu'; wasmDir?: string; timeoutMs?: number } = {}): Promise<BackendChoice> {
  // PROD only silences tfjs's console chatter (its "install tfjs-node" banner cannot apply:
  // tfjs-node does not install here), which would otherwise interleave with CLI output.
  tf.env().set('PROD', true);
  started = (async () => {
    const notes: string[] = [];
    const order: BackendName[] = options.prefer === 'cpu' ? ['cpu'] : ['wasm', 'cpu'];
    for (const name of order) {
      if (name === 'wasm') {
        try {
          setWasmPaths(options.wasmDir ?? (await nodeWasmDir()));
        } catch (error) {
          notes.push(`wasm: could not locate the .wasm files (${String(error)})`);
          continue;
        }
      }
      if (await tryBackend(name, options.timeoutMs ?? BACKEND_TIMEOUT_MS, notes)) return { backend: name, notes };
    }
    throw new Error(`No TensorFlow.js backend started in Node: ${notes.join('; ')}`);
  })();
  return started;
}

/**
 * Browser (main thread or worker): picks the first working backend of WebGPU → WebGL → WASM →
 * CPU, or `prefer` first when given. GPU backends on a software renderer are skipped; with
 * `probe: true` a GPU backend must also beat WASM on a timed 256 × 256 matmul.
 * `wasmPaths` is the file map of the three WASM binaries (import them with Vite's `?url` in
 * the app, never in src/lib, which must also run in Node).
 * @example await initBrowserBackend({ wasmPaths: { 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': threaded } })
 *   // on a machine without a GPU → { backend: 'wasm', notes: ['webgpu: no adapter', 'webgl: software renderer (…SwiftShader…)', 'wasm: ok in 98 ms'] }
 */
export function initBrowserBackend(options: {
  wasmPaths: WasmFileMap;
  prefer?: BackendName | 'auto';
  probe?: boolean;
  timeoutMs?: number;
}): Promise<BackendChoice> {
  started = (async () => {
    const notes: string[] = [];
    const timeout = options.timeoutMs ?? BACKEND_TIMEOUT_MS;
    setWasmPaths({ ...options.wasmPaths });
    const software = await softwareRenderers(notes);
    const order = backendOrder(options.prefer ?? 'auto', software);
    let probeMs: number | undefined;
    for (const name of order) {
      if (name === 'webgpu') {
        try {
          await import('@tensorflow/tfjs-backend-webgpu');
        } catch (error) {
          notes.push(`webgpu: module failed to load (${String(error)})`);
          continue;
        }
      }
      if (!(await tryBackend(name, timeout, notes))) continue;
      if (!options.probe || (name !== 'webgpu' && name !== 'webgl')) return { backend: name, notes };
      const gpuMs = await probeMatMul();
      if (probeMs === undefined && (await tryBackend('wasm', timeout, notes))) probeMs = await probeMatMul();
      notes.push(`probe: ${name} ${gpuMs.toFixed(1)} ms, wasm ${probeMs?.toFixed(1) ?? 'n/a'} ms`);
      if (probeMs === undefined || gpuMs < probeMs) {
        await tryBackend(name, timeout, notes);
        return { backend: name, notes };
      }
      return { backend: 'wasm', notes };
    }
    throw new Error(`No TensorFlow.js backend started: ${notes.join('; ')}`);
  })();
  return started;
}

/**
 * The order in which to try backends: WebGPU → WebGL → WASM → CPU without the GPU backends
 * named in `software`; an explicit `prefer` goes first even when software-rendered (the
 * user's choice wins).
 * @example backendOrder('auto', new Set(['webgl'])) // → ['webgpu', 'wasm', 'cpu']
 */
export function backendOrder(prefer: BackendName | 'auto', software: ReadonlySet<BackendName>): BackendName[] {
  const auto: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
  const order = auto.filter((name) => !software.has(name));
  if (prefer === 'auto') return order;
  return [prefer, ...order.filter((name) => name !== prefer)];
}

/**
 * True when a GPU renderer or adapter description names a software implementation
 * (SwiftShader, llvmpipe, Microsoft Basic Render Driver, a "fallback" adapter).
 * @example isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))') // → true
 */
export function isSoftwareRenderer(description: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render|fallback/i.test(description);
}

/** Most threads asked of the WASM backend (tfjs itself caps them at 8 and at half the logical cores). */
export const MAX_WASM_THREADS = 4;

/**
 * True where SharedArrayBuffer and WASM threads are allowed: a cross-origin-isolated page or
 * worker (served with COOP `same-origin` and COEP `require-corp`); false in Node (tfjs's WASM
 * backend has no threads there) and on a host that does not send the headers.
 * @example crossOriginIsolated() // → true under `vite` / `vite preview`, false on GitHub Pages
 */
export function crossOriginIsolated(): boolean {
  return !isNode() && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/**
 * Threads asked of the WASM backend: the logical cores (`navigator.hardwareConcurrency`), at most
 * `MAX_WASM_THREADS`, when `crossOriginIsolated()`; 1 otherwise. tfjs-backend-wasm 4.22 grants at
 * most half the logical cores (it assumes two hyper-threads a core), so a 2-core machine gets 1
 * thread even on the threaded binary; `backendThreads()` reports what it granted.
 * @example wasmThreads() // → 4 on an 8-core isolated page, 1 when not isolated
 */
export function wasmThreads(): number {
  if (!crossOriginIsolated()) return 1;
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores));
}

async function tryBackend(name: BackendName, timeoutMs: number, notes: string[]): Promise<boolean> {
  const t0 = performance.now();
  try {
    if (name === 'wasm') {
      // The threaded-SIMD binary needs SharedArrayBuffer, so cross-origin isolation; without it tfjs must not try it.
      const isolated = crossOriginIsolated();
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', isolated);
      setThreadsCount(wasmThreads());
      if (!isolated && !isNode()) notes.push(`wasm: ${SINGLE_THREAD_NOTE}`);
    }
    const ok = await withTimeout(tf.setBackend(name), timeoutMs, `${name} backend initialisation`);
    if (!ok) {
      notes.push(`${name}: setBackend returned false`);
      return false;
    }
    await tf.ready();
    notes.push(`${name}: ok in ${Math.round(performance.now() - t0)} ms`);
    return true;
  } catch (error) {
    notes.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Which GPU backends run on a software renderer here (by adapter info and WebGL renderer string). */
async function softwareRenderers(notes: string[]): Promise<Set<BackendName>> {
  const software = new Set<BackendName>();
  try {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    const adapter = gpu ? await withTimeout(gpu.requestAdapter(), 3000, 'WebGPU adapter') : null;
    if (!adapter) {
      software.add('webgpu');
      notes.push('webgpu: no adapter');
    } else {
      const info = adapter.info;
      const text = [info?.vendor, info?.architecture, info?.description, (info as { isFallbackAdapter?: boolean })?.isFallbackAdapter ? 'fallback' : ''].join(
        ' ',
      );
      if (isSoftwareRenderer(text)) {
        software.add('webgpu');
        notes.push(`webgpu: software adapter (${text.trim()})`);
      }
    }
  } catch (error) {
    software.add('webgpu');
    notes.push(`webgpu: ${String(error)}`);
  }
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : undefined;
    const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
    if (!gl) {
      software.add('webgl');
      notes.push('webgl: no context');
    } else {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      if (isSoftwareRenderer(renderer)) {
        software.add('webgl');
        notes.push(`webgl: software renderer (${renderer})`);
      }
    }
  } catch (error) {
    software.add('webgl');
    notes.push(`webgl: ${String(error)}`);
  }
  return software;
}

/** Median time (ms) of three 256 × 256 matmuls on the current backend, after one warm-up. */
async function probeMatMul(): Promise<number> {
  const a = tf.randomUniform([256, 256], 0, 1, 'float32', 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const c = tf.matMul(a, a);
      await c.data();
      c.dispose();
      if (i > 0) times.push(performance.now() - t0);
    }
  } finally {
    a.dispose();
  }
  return times.sort((x, y) => x - y)[1];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** `node_modules/@tensorflow/tfjs-backend-wasm/dist/`, found by Node's resolver from this file. */
async function nodeWasmDir(): Promise<string> {
  const specifier = 'node:module'; // hidden from bundlers: this branch only runs in Node
  const { createRequire } = (await import(/* @vite-ignore */ specifier)) as typeof import('node:module');
  const main = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return main.slice(0, Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
}
