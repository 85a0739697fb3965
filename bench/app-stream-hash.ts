/**
 * The app worker's fingerprint of a streamed file: the WebAssembly incremental SHA-256
 * (`wasmSha256`, hash-wasm's; what the worker uses: Web Crypto has no incremental digest) and the
 * pure-TypeScript `createSha256` (its fallback) fed 1 MiB chunks,
 * against Web Crypto's one-shot digest of the whole buffer (what the app did before, and what
 * cannot work for a file larger than one ArrayBuffer) and node:crypto's incremental hash, on the
 * same bytes in the same run. Default file: the 1.3 M-row Chicago file (69 MB); another with
 * `HEXCAST_HASH_FILE=path`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSha256 } from '../src/lib/io/sha256-stream';
import { wasmSha256 } from '../src/lib/io/wasm-sha256';
import { emit } from './measure';

const path = process.env.HEXCAST_HASH_FILE ?? fileURLToPath(new URL('../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url));
const bytes = new Uint8Array(readFileSync(path));
const CHUNK = 1 << 20;

async function time(run: () => Promise<string> | string): Promise<{ ms: number; cpuMs: number; hex: string }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const hex = await run();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, hex };
}

const pure = await time(() => {
  const h = createSha256();
  for (let at = 0; at < bytes.length; at += CHUNK) h.update(bytes.subarray(at, at + CHUNK));
  return h.hex();
});
const makeWasm = await wasmSha256();
const wasm = await time(() => {
  const h = makeWasm();
  for (let at = 0; at < bytes.length; at += CHUNK) h.update(bytes.subarray(at, at + CHUNK));
  return h.hex();
});
const webcrypto = await time(async () => Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex'));
const node = await time(() => {
  const h = createHash('sha256');
  for (let at = 0; at < bytes.length; at += CHUNK) h.update(bytes.subarray(at, at + CHUNK));
  return h.digest('hex');
});
if (pure.hex !== webcrypto.hex || wasm.hex !== webcrypto.hex || node.hex !== webcrypto.hex) throw new Error('the SHA-256 digests differ');
const mb = bytes.length / 1e6;
for (const [name, r] of [
  ['wasmSha256 (hash-wasm, incremental; the app worker)', wasm],
  ['createSha256 (pure TS, incremental; the fallback)', pure],
  ['Web Crypto digest (whole buffer; the app before)', webcrypto],
  ['node:crypto (incremental; the CLI)', node],
] as const)
  emit({
    name: `sha256 of ${mb.toFixed(0)} MB: ${name}`,
    ms: Math.round(r.ms),
    cpuMs: Math.round(r.cpuMs),
    mbPerS: Math.round(mb / (r.ms / 1000)),
    ratioToWebCrypto: +(r.ms / webcrypto.ms).toFixed(2),
  });
