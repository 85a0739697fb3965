#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks, notebooks, scripts) under Node with tsx and the
// Svelte server loader: `node bin/run-ts.js FILE.ts [args…]`.
import { register as registerModule } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run-ts.js FILE.ts [args…]');
  process.exit(2);
}
register();
registerModule('./svelte-loader.js', import.meta.url);
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(resolve(file)).href);
