#!/usr/bin/env node
// The `hexcast` command. The CLI is TypeScript in src/cli, one core with the app, its worker and
// the notebooks. `npm run build:cli` compiles it into dist-cli/ (bin/build-cli.js); that bundle
// runs while every source it was built from is unchanged (modification time and size as built). Otherwise — a fresh clone, an edited
// source, or a --model-file / check-model run (user TypeScript needs tsx, and must share the
// sources' module instances) — tsx compiles the sources on the fly and a small loader compiles
// the report's Svelte components for the server renderer. HEXCAST_CLI=source forces the sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from './bundle-stamps.js';
import { register as registerModule } from 'node:module';
import { endWithParent, hugePagesEnv, runWithHugePages } from './huge-pages.js';

const argv = process.argv.slice(2);
const root = new URL('..', import.meta.url);

/** The bundle's entry when it exists and every source it was built from is unchanged (`bundleIsCurrent`). */
function freshBundle() {
  if (process.env.HEXCAST_CLI === 'source' || argv[0] === 'check-model' || argv.some((a) => a === '--model-file' || a.startsWith('--model-file='))) return null;
  const entry = new URL('dist-cli/main.js', root);
  return existsSync(entry) && bundleIsCurrent(fileURLToPath(new URL('dist-cli/inputs.json', root)), fileURLToPath(root)) ? entry : null;
}

/** The command's `main`, from the bundle when it is current, else from the sources under tsx. */
async function loadMain() {
  const bundle = freshBundle();
  if (bundle) return (await import(bundle.href)).main;
  const { register } = await import('tsx/esm/api');
  register();
  registerModule('./svelte-loader.js', import.meta.url);
  return (await import('../src/cli/main.ts')).main;
}

/** The exit code of a second start with glibc's huge pages on, or null when there is none or it could not start (bin/huge-pages.js). */
async function withHugePages() {
  const huge = hugePagesEnv(argv, process.env, process.platform, undefined, process.execArgv);
  if (!huge) return null;
  try {
    return await runWithHugePages(fileURLToPath(import.meta.url), argv, huge);
  } catch {
    return null; // no second process (EAGAIN, ENOMEM): run here, with 4 KiB pages
  }
}

endWithParent();
process.exitCode = (await withHugePages()) ?? (await (await loadMain())(argv));
