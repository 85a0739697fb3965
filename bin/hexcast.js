#!/usr/bin/env node
// The `hexcast` command. The CLI is TypeScript in src/cli; tsx compiles it on the fly so the
// command needs no build step (one pure core, shared with the app, the worker and notebooks).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
