/**
 * `npm run notebooks [-- NAME… [--quick]]`: runs the notebooks (all, or the named ones) one
 * after another, each in its own process; their Markdown lands in notebooks/output/NAME/.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'notebook.ts'].includes(f) && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));
for (const name of named.length ? named : all) {
  if (!all.includes(name)) throw new Error(`no notebook '${name}' (notebooks: ${all.join(', ')})`);
  console.log(`▶ ${name}`);
  execFileSync(process.execPath, ['bin/run-ts.js', `notebooks/${name}.ts`, ...flags], { stdio: 'inherit' });
}
