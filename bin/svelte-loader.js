// Node module hook: compiles .svelte files for the server renderer on the fly, so the CLI can
// render the same Svelte components the app uses (the HTML report) without a build step.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.endsWith('.svelte')) return nextLoad(url, context);
  const { compile } = await import('svelte/compiler');
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const { js } = compile(source, { generate: 'server', filename, css: 'injected' });
  return { format: 'module', source: js.code, shortCircuit: true };
}
