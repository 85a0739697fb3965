#!/usr/bin/env node
// `npm run build:cli`: compiles the `hexcast` command (src/cli/main.ts and the src/lib it imports,
// the report's Svelte components compiled for the server renderer as bin/svelte-loader.js does)
// into dist-cli/ with esbuild, so that bin/hexcast.js starts without compiling TypeScript.
// The small pure-JavaScript packages every command loads (apache-arrow, h3-js, proj4, the Parquet
// and zstd readers, d3) are bundled in: Node resolving and parsing apache-arrow's hundreds of
// module files cost about 0.17 s of every start (`node -e "import('apache-arrow')…"` 0.33 s
// against 0.17 s for the same packages as one bundled file). Packages with native parts, wasm
// files found beside them or a loader of their own stay external (`EXTERNAL`); lazily imported
// parts (tfjs, the report's renderings) stay lazy as chunks of their own.
import { readFile } from 'node:fs/promises';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_OUTDIR = `${root}dist-cli`;

/** Packages loaded from node_modules at run time: tfjs (its wasm binaries sit beside it), DuckDB (native), Svelte (the report's server renderer), and the build and test tools. */
const EXTERNAL = ['@tensorflow/*', '@duckdb/*', 'svelte', 'svelte/*', 'tsx', 'tsx/*', 'esbuild', 'vitest', 'vitest/*'];

/**
 * The stamp files of the inputs: every project source, and for each bundled package its
 * package.json (a reinstalled or updated package makes the bundle stale, without a stat of each
 * of its module files at every start).
 * @param {string[]} inputs the metafile's input paths
 * @returns {string[]}
 */
function stampFiles(inputs) {
  const packages = new Set();
  for (const file of inputs) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (match) packages.add(`node_modules/${match[1]}/package.json`);
  }
  return [...inputs.filter((file) => !file.startsWith('node_modules/')), ...packages];
}

/** Compiles `.svelte` files with Svelte's server generator (the same options as bin/svelte-loader.js). */
const svelteServer = {
  name: 'svelte-server',
  setup(context) {
    context.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const source = await readFile(path, 'utf8');
      const { js } = compile(source, { generate: 'server', filename: path, css: 'injected' });
      return { contents: js.code, loader: 'js', resolveDir: path.slice(0, path.lastIndexOf('/')) };
    });
  },
};

/**
 * Builds the bundle into dist-cli/ and writes dist-cli/inputs.json, the source files it was
 * built from with each one's modification time and size as read (bin/hexcast.js uses the bundle
 * only while every one of them still has exactly those: an edited, restored or re-checked-out
 * source — newer or older — falls back to the sources). A source changed while the build ran is
 * recorded as stale at once.
 * `outdir` elsewhere (a test's folder inside the project, so Node still finds node_modules).
 * @param {string} [outdir]
 * @returns {Promise<string[]>} the input files, relative to the project root
 */
export async function buildCli(outdir = DEFAULT_OUTDIR) {
  rmSync(outdir, { recursive: true, force: true });
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', 'fold-thread': 'src/cli/fold-thread.ts', 'bin-thread': 'src/cli/bin-thread.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // package.json stays a file of the project (versions.ts reads the library versions from it).
    loader: { '.json': 'json' },
    plugins: [svelteServer],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = stampFiles(Object.keys(result.metafile.inputs));
  const stamps = Object.fromEntries(
    inputs.map((file) => {
      const info = statSync(join(root, file));
      return [file, info.mtimeMs >= started ? [-1, -1] : [info.mtimeMs, info.size]];
    }),
  );
  writeFileSync(`${outdir}/inputs.json`, `${JSON.stringify(stamps, null, 1)}\n`);
  return inputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const inputs = await buildCli();
  console.log(`dist-cli/main.js: ${inputs.length} source files in ${Math.round(performance.now() - t0)} ms`);
}
