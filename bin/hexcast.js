#!/usr/bin/env node
// The `hexcast` command. The CLI is TypeScript in src/cli; tsx compiles it on the fly and a
// small loader compiles the report's Svelte components for the server renderer, so the
// command needs no build step and shares one core with the app, its worker and the notebooks.
import { register as registerModule } from 'node:module';
import { register } from 'tsx/esm/api';

register();
registerModule('./svelte-loader.js', import.meta.url);
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
