/**
 * Nothing the app ships turns a string into code: a production build (made here, into a
 * temporary folder, so it works on a clean clone and never reuses a stale or test-hook dist/)
 * is searched, chunk by chunk — page, worker, tfjs, the EPSG registry — for eval, the Function
 * constructor and string timers. The app's CSP has no 'unsafe-eval', so such a call would fail
 * at run time on a host that sends it, and run on one that sends nothing.
 * Known occurrences in dependencies and how each is handled:
 * - apache-arrow builder/valid.mjs compiles a Builder's null test with `new Function`; the
 *   build swaps it for src/lib/io/arrow-null-test.ts (vite.config.ts, `arrowWithoutEval`).
 * tfjs, d3, h3-js, proj4, fzstd, hash-wasm and Svelte ship none in what the app bundles (checked here).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'hexcast-production-build-'));

/** String-to-code uses, by name: each pattern matches a call, not a word in a message or a method such as `evaluate(` or `makeTrainFunction(`. */
const STRING_TO_CODE: Readonly<Record<string, RegExp>> = {
  'eval(…)': /(?<![\w$.])eval\s*\(/,
  'eval by name': /\[\s*['"`]eval['"`]\s*\]/,
  'new Function': /\bnew\s+Function\b/,
  'Function(…)': /(?<![\w$.])Function\s*\(/,
  '.constructor("…")': /\.constructor\s*\(\s*['"`]/,
  'string timer': /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/,
};

/** Every match of the patterns in `code`, as 'name: …context…'. */
function stringToCode(code: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of Object.entries(STRING_TO_CODE)) {
    for (const m of code.matchAll(new RegExp(pattern.source, 'g'))) found.push(`${name}: …${code.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
  }
  return found;
}

let files: { name: string; code: string }[] = [];

beforeAll(async () => {
  // A production build, as shipped: vitest sets NODE_ENV=test, which would make Vite and Svelte
  // build for development (dev warnings, import.meta.env.DEV and so the test hooks).
  const env = { NODE_ENV: process.env.NODE_ENV, VITE_HEXCAST_TEST_HOOKS: process.env.VITE_HEXCAST_TEST_HOOKS };
  process.env.NODE_ENV = 'production';
  delete process.env.VITE_HEXCAST_TEST_HOOKS;
  try {
    await build({ root, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const assets = join(outDir, 'assets');
  files = readdirSync(assets)
    .filter((name) => name.endsWith('.js') || name.endsWith('.mjs')) // .mjs: MapLibre's worker, bundled as an asset
    .map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));
  files.push({ name: 'index.html', code: readFileSync(join(outDir, 'index.html'), 'utf8') });
}, 600_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build', () => {
  it('the search finds each kind of string-to-code use it looks for, and not look-alikes', () => {
    expect(
      stringToCode(
        'a=eval("1");b=(0,eval)(s);c=self["eval"](s);new Function("x","return x");d=Function(`x`,b);e=f.constructor("return this");setTimeout("go()",1)',
      ),
    ).toHaveLength(7);
    expect(stringToCode('m.evaluate(x);this.makeTrainFunction();o.evaluationFn();mergeFunction(e);setTimeout(() => 1);isFunction(f);"no eval here"')).toEqual(
      [],
    );
  });

  it('is the whole app: the page, the worker, the tfjs chunk and the EPSG registry chunk', () => {
    const names = files.map((f) => f.name);
    for (const chunk of [/^index-.*\.js$/, /^worker-.*\.js$/, /^tf-.*\.js$/, /^all-.*\.js$/])
      expect(
        names.some((n) => chunk.test(n)),
        String(chunk),
      ).toBe(true);
    expect(files.reduce((n, f) => n + f.code.length, 0)).toBeGreaterThan(3_000_000);
  });

  it('contains no eval, no Function constructor and no string timer in any chunk', () => {
    const found = files.flatMap((f) => stringToCode(f.code).map((hit) => `${f.name} ${hit}`));
    expect(found, 'a new string-to-code use: find the dependency, check whether the app reaches it, and remove it (see the known list above)').toEqual([]);
  });

  it('has no test hooks and no development code, and the worker installs its same-origin guard', () => {
    const hooks = files.flatMap((f) =>
      Array.from(f.code.matchAll(/__hexcastHooks|hexcast-test-crash|hexcast-test-fetch|\[svelte\] \w+/g), (m) => `${f.name}: ${m[0]}`),
    );
    expect(hooks, 'test hooks or Svelte dev warnings: a development build').toEqual([]);
    const worker = files.find((f) => f.name.startsWith('worker-'))!;
    expect(worker.code).toContain('off-origin-request');
  });
});
