#!/usr/bin/env node
// Runs a TypeScript entry point (benchmarks, notebooks) under Node with tsx: `node bin/run-ts.js FILE.ts [args…]`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run-ts.js FILE.ts [args…]');
  process.exit(2);
}
register();
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(resolve(file)).href);
