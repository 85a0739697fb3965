#!/usr/bin/env node
// The `hexcast` command. The CLI is TypeScript in src/cli, one core with the app, its worker and
// the notebooks. `npm run build:cli` compiles it into dist-cli/ (bin/build-cli.js); that bundle
// runs while no source it was built from is newer than it. Otherwise — a fresh clone, an edited
// source, or a --model-file / check-model run (user TypeScript needs tsx, and must share the
// sources' module instances) — tsx compiles the sources on the fly and a small loader compiles
// the report's Svelte components for the server renderer. HEXCAST_CLI=source forces the sources.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { register as registerModule } from 'node:module';

const argv = process.argv.slice(2);
const root = new URL('..', import.meta.url);

/** The bundle's entry when it exists and is newer than every source it was built from. */
function freshBundle() {
  if (process.env.HEXCAST_CLI === 'source' || argv[0] === 'check-model' || argv.some((a) => a === '--model-file' || a.startsWith('--model-file='))) return null;
  const entry = new URL('dist-cli/main.js', root);
  const list = new URL('dist-cli/inputs.json', root);
  if (!existsSync(entry) || !existsSync(list)) return null;
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(list, 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built) ? entry : null;
  } catch {
    return null; // a source was removed or renamed: the bundle is stale
  }
}

const bundle = freshBundle();
let main;
if (bundle) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  registerModule('./svelte-loader.js', import.meta.url);
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
