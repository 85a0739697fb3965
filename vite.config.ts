import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { compactEpsgIndex } from './src/lib/io/compact-epsg-index.ts';

/**
 * The app's Content-Security-Policy: only its own origin, plus 'wasm-unsafe-eval' for the
 * TensorFlow.js WASM backend and `blob:` scripts and workers for its threaded build (tfjs starts
 * its WASM threads as workers from blob: URLs it makes of its own bundled code; a blob: URL can
 * only be made by a script of the page's own origin); inline styles for Svelte's style attributes; data:/blob: images
 * for the PNG export. Served as a header by `vite` and `vite preview` (so it covers the worker
 * too) and as a meta tag in the built index.html for static hosting.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The CSP as a meta tag in the built index.html (static hosting has no headers of ours). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'hexcast-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Compacts the EPSG registry (`epsg-index/all.json`, 8 MB with WKT) to the fields Hexcast uses
 * (`compactEpsgIndex`, ~2 MB, ~350 kB gzipped) when a build or test imports it; `loadEpsgRegistry`
 * imports it lazily, so it is a chunk of its own that only a CRS lookup or search fetches.
 */
function epsgRegistry(): Plugin {
  return {
    name: 'hexcast-epsg-registry',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]epsg-index[\\/]all\.json(?:\?|$)/.test(id)) return null;
      return { code: JSON.stringify(compactEpsgIndex(JSON.parse(code) as Record<string, unknown>)), map: null };
    },
  };
}

/**
 * Swaps apache-arrow's builder/valid.mjs, which compiles a Builder's null test with
 * `new Function`, for `src/lib/io/arrow-null-test.ts` (same contract, no code generation), so
 * nothing in the built app turns a string into code (`test/no-eval-in-build.test.ts` checks).
 */
function arrowWithoutEval(): Plugin {
  const replacement = new URL('./src/lib/io/arrow-null-test.ts', import.meta.url).pathname;
  return {
    name: 'hexcast-arrow-without-eval',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './builder/valid.mjs' && importer && /[\\/]apache-arrow[\\/]builder\.mjs$/.test(importer)) return replacement;
      return null;
    },
  };
}

/**
 * Cross-origin isolation (`crossOriginIsolated`, so SharedArrayBuffer and the threaded-SIMD tfjs
 * WASM backend): COOP `same-origin` and COEP `require-corp`. Every resource the app loads is of its
 * own origin (scripts, workers, the bundled samples and context files, the .wasm binaries) or a
 * blob: URL it made (a dropped PMTiles basemap is read from IndexedDB, never fetched), so
 * `require-corp` blocks nothing, and it is the value every browser with SharedArrayBuffer knows
 * (`credentialless` is Chromium and Firefox only). Static hosts need the same two headers:
 * docs/hosting.md; without them the app runs WASM single-threaded and says so.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/**
 * Makes tfjs's threaded-SIMD WASM factory safe to minify. tfjs starts its WASM threads from a
 * blob: script made of the factory's source text (`factory.toString()`), where the factory's
 * enclosing closure is gone; its one outside name, `_scriptDir`, is read only behind a `typeof`
 * guard — which the minifier drops, because in the bundle the name is plainly declared. The
 * threads then die with "e is not defined". Dropping the enclosing declaration leaves a free name
 * the guard must stay for (tfjs always passes the script itself as `mainScriptUrlOrBlob`, so the
 * value was never used in a browser worker).
 */
function tfjsThreadsMinifiable(): Plugin {
  const declaration =
    "var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;\n  if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;";
  return {
    name: 'hexcast-tfjs-threads-minifiable',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/.test(id)) return null;
      if (!code.includes(declaration)) this.error(`tfjs's threaded WASM factory changed: the _scriptDir declaration was not found in ${id}`);
      return { code: code.replace(declaration, ''), map: null };
    },
  };
}

const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...ISOLATION_HEADERS };

/**
 * Every package the app and its worker import, the lazy ones included (tfjs and its backends load
 * only when a learned model is offered or run; the worker is not crawled by Vite's dependency
 * scan at all). Pre-bundled when the dev server starts, so that the first step that needs one
 * does not make Vite re-optimise and reload the page (a fresh install lost the user's place on
 * the first "Next: experiment →"); test/browser/first-run.test.ts starts from an empty cache.
 * A new runtime dependency goes here too (test/start-command.test.ts checks the list).
 */
export const PREBUNDLED = [
  '@protomaps/basemaps',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
  'apache-arrow',
  // read-arrow-stream.ts reads an IPC file's footer with apache-arrow's own Footer class (not exported at the top level).
  'apache-arrow/ipc/metadata/file',
  'd3',
  'fzstd',
  'h3-js',
  // The worker's SHA-256 (io/wasm-sha256.ts).
  'hash-wasm',
  'hyparquet',
  'hyparquet-compressors',
  'maplibre-gl',
  'pmtiles',
  'proj4',
];

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicy(), epsgRegistry(), arrowWithoutEval(), tfjsThreadsMinifiable()],
  worker: { format: 'es', plugins: () => [epsgRegistry(), arrowWithoutEval(), tfjsThreadsMinifiable()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  // HEXCAST_VITE_CACHE: another dependency cache (a test's empty one); `open: false`: `npm start` prints the URL and opens nothing.
  cacheDir: process.env.HEXCAST_VITE_CACHE || 'node_modules/.vite',
  optimizeDeps: { include: PREBUNDLED },
  server: { headers, open: false },
  preview: { headers },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'notebooks/**/*.test.ts'],
          exclude: ['**/*.svelte.test.ts', 'test/browser/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        // In a git worktree node_modules is a symlink: testing-library's setup file then resolves
        // to a path outside the project, which Vite's file-serving guard would refuse.
        server: { fs: { strict: false } },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.svelte.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // After the unit and component tests, alone: the long tasks they record (for `npm run bench -- browser-long-tasks`;
          // no test asserts a duration) are then the least disturbed.
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
