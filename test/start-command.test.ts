/**
 * `npm start`, the README's first command: the dev server on the bundled sample, its URL printed
 * and no browser opened (`vite --open=false` opened one at …/false), and every runtime package
 * pre-bundled at start-up (`PREBUNDLED`; test/browser/first-run.test.ts shows why).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { PREBUNDLED } from '../vite.config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Every file under `dir` with one of the extensions. */
function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name) && !/\.test\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('npm start', () => {
  it("runs plain `vite`, whose resolved dev server opens no browser (an --open value would be taken as the browser's name)", async () => {
    expect(packageJson.scripts.start).toBe('vite');
    const config = await resolveConfig({ root, logLevel: 'silent' }, 'serve');
    expect(config.server.open).toBe(false);
  });

  it('prints the URL and opens nothing, even with a BROWSER set', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'hexcast-start-'));
    const opened = join(scratch, 'opened.txt');
    // Vite runs a BROWSER that ends in .js with the URL: it would write the file if the server opened a browser.
    writeFileSync(join(scratch, 'browser.js'), `require('node:fs').writeFileSync(${JSON.stringify(opened)}, process.argv.at(-1));\n`);
    const port = await freePort();
    const child = spawn('npm', ['start', '--', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      cwd: root,
      detached: true,
      env: { ...process.env, BROWSER: join(scratch, 'browser.js'), HEXCAST_VITE_CACHE: join(scratch, 'vite-cache'), NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 120 s:\n${output}`)), 120_000);
        const read = (chunk: Buffer): void => {
          output += chunk.toString();
          if (/Local:\s+http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      expect(output).toContain(`Local:   http://127.0.0.1:${port}/`);
      // Long enough for Vite to have asked for a browser: it does so right after printing the URLs.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(existsSync(opened)).toBe(false);
    } finally {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      // Vite's dependency optimiser may still be writing into its cache as the server stops
      // (ENOTEMPTY on rmdir, seen once in CI): retry the removal as Node does for those errors.
      rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });

  it('pre-bundles every package the app and its worker import (PREBUNDLED), lazy imports included', () => {
    const sources = [...filesUnder(join(root, 'src/app'), /\.(ts|svelte)$/), ...filesUnder(join(root, 'src/lib'), /\.ts$/), join(root, 'src/main.ts')];
    const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    const packages = new Set<string>();
    // A module deep inside a package (apache-arrow/ipc/metadata/file) is optimised on its own: it must be listed as it is imported.
    const deep = new Set<string>();
    for (const file of sources) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      // `from` then a space: a module named like '../stream-from' is no import of a package.
      for (const [, spec] of code.matchAll(/(?:\bfrom\s+|\bimport\(\s*)'([^'.][^']*)'/g)) {
        if (spec.startsWith('node:') || /\?url$|\.json$/.test(spec)) continue;
        packages.add(packageOf(spec));
        if (spec !== packageOf(spec) && !file.endsWith('.test.ts') && !/\.css$/.test(spec) && !spec.startsWith('svelte/')) deep.add(spec);
      }
    }
    // Svelte is pre-bundled by its own Vite plugin.
    packages.delete('svelte');
    expect([...packages].filter((name) => !PREBUNDLED.includes(name)).sort()).toEqual([]);
    expect([...deep].filter((spec) => !PREBUNDLED.includes(spec)).sort()).toEqual([]);
    expect(packages.size).toBeGreaterThanOrEqual(new Set(PREBUNDLED.map(packageOf)).size);
  });
});
