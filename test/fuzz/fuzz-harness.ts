/**
 * The fuzz suite's engine: seeded mutations of small real Arrow files fed through the whole load
 * path (readArrow → column detection as the CLI does it → loadIncidents → binIncidents at H3
 * resolution 5 by month), with every case's outcome classified. A case passes when it loads with
 * exact row accounting (read = kept + dropped, and read = the 300 rows the file holds) or ends in
 * Hexcast's own error naming the file; anything else — a foreign exception, rows lost without a
 * word — is a failure that names the case so it can be rerun alone (FUZZ_CASE=slice:index).
 */
import { readFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import { HexcastError, InputError } from '../../src/lib/base/hexcast-error';
import { mappingFromFlags, type MappingFlags } from '../../src/cli/mapping-flags';
import { binIncidents } from '../../src/lib/grid/bin-incidents';
import { DROP_REASONS } from '../../src/lib/io/incidents';
import { loadIncidents } from '../../src/lib/io/load-incidents';
import { readArrow } from '../../src/lib/io/read-arrow';
import { random, type Random } from '../../src/lib/base/random';
import { batchLengthAt, bodyLengthAt, buffersAt, fieldNodesAt, footerOf, messagesOf, type MessageAt } from '../fixtures/io/ipc-layout';
import { BATCH_ROWS, compressedSeedName, realSlice, SLICE_ROWS, type SliceName } from '../fixtures/io/real-slices';

/** The kinds of mutation, each drawn equally often. */
export const MUTATIONS = ['truncate', 'flip-schema', 'flip-footer', 'flip-metadata', 'flip-body', 'length', 'structure'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** One seed file: a real slice in one IPC format, compressed or not. */
export interface Seed {
  readonly name: string;
  readonly format: 'file' | 'stream';
  readonly codec: 'none' | 'lz4' | 'zstd';
  readonly bytes: Uint8Array;
  readonly flags: MappingFlags;
  readonly messages: readonly MessageAt[];
}

/** A case that did not end in exact accounting or Hexcast's own error. */
export class FuzzFailure extends Error {}

const COMPRESSED: Record<SliceName, readonly ['lz4' | 'zstd', 'file' | 'stream'][]> = {
  chicago: [
    ['lz4', 'stream'],
    ['zstd', 'file'],
  ],
  'chicago-epoch': [
    ['lz4', 'file'],
    ['zstd', 'stream'],
  ],
  'chicago-iso': [
    ['lz4', 'stream'],
    ['zstd', 'file'],
  ],
  portland: [
    ['lz4', 'file'],
    ['zstd', 'stream'],
  ],
};

/**
 * The four seeds of a slice: uncompressed as an IPC file and a stream (apache-arrow's writer),
 * and the committed LZ4 and ZSTD copies (one a file, the other a stream).
 */
export function seedsOf(slice: SliceName): Seed[] {
  const flags: MappingFlags = slice === 'portland' ? { crs: 'EPSG:2913' } : {};
  const table = realSlice(slice);
  const seeds: Omit<Seed, 'messages'>[] = (['file', 'stream'] as const).map((format) => ({
    name: `${slice}-${format}`,
    format,
    codec: 'none',
    bytes: tableToIPC(table, format),
    flags,
  }));
  for (const [codec, format] of COMPRESSED[slice]) {
    const name = compressedSeedName(slice, codec, format);
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/io/compressed/${name}`, import.meta.url)));
    seeds.push({ name: `${slice}-${codec}-${format}`, format, codec, bytes, flags });
  }
  return seeds.map((seed) => ({ ...seed, messages: messagesOf(seed.bytes, seed.format) }));
}

/** How one case ended. */
export interface Outcome {
  /** 'loaded', 'loaded (bin skipped: …)', 'InputError <code>' or 'HexcastError <code>' (binning). */
  readonly kind: string;
  readonly mutation: Mutation;
  readonly ms: number;
}

/** Months a binned span may cover before the case skips binning (see `runPipeline`). */
const MAX_MONTHS = 1200;

/**
 * Runs case `index` of a slice: picks a seed and a mutation from the index (deterministic),
 * damages a copy of the seed's bytes and sends them through the load path. Throws a FuzzFailure
 * (or lets a foreign error through) when the case neither loads exactly nor fails with Hexcast's
 * own error naming the file.
 */
export function runCase(seeds: readonly Seed[], slice: SliceName, index: number): Outcome {
  const rng = random(hashSeed(slice, index));
  const seed = seeds[index % seeds.length];
  const mutation = MUTATIONS[Math.floor(index / seeds.length) % MUTATIONS.length];
  const { bytes, rows } = mutate(seed, mutation, rng);
  const name = `fuzz-${slice}-${index}.${seed.format === 'file' ? 'arrow' : 'arrows'}`;
  const t0 = performance.now();
  let kind: string;
  try {
    kind = runPipeline(bytes, name, seed.flags, rows);
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (error instanceof InputError) {
      if (!error.message.includes(name) && error.file !== name) throw new FuzzFailure(`an InputError that does not name the file: ${error.message}`);
      kind = `InputError ${error.code}`;
    } else if (error instanceof HexcastError && error.code !== 'internal') {
      kind = `HexcastError ${error.code}`;
    } else {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new FuzzFailure(`a foreign exception: ${text}`, { cause: error });
    }
  }
  return { kind, mutation, ms: performance.now() - t0 };
}

/** readArrow → mapping (as `hexcast inspect` detects it) → loadIncidents → binIncidents(res 5, month). */
function runPipeline(bytes: Uint8Array, name: string, flags: MappingFlags, rows: number): string {
  const source = readArrow(bytes, name);
  const incidents = loadIncidents([source], mappingFromFlags([source], flags));
  const { read, kept, dropped } = incidents.report;
  const total = kept + DROP_REASONS.reduce((sum, reason) => sum + dropped[reason], 0);
  if (read !== total) throw new FuzzFailure(`row accounting broken: read ${read}, kept + dropped ${total}`);
  if (read !== rows) throw new FuzzFailure(`rows lost or invented without a word: the reader read ${read} of the file's ${rows} rows`);
  if (incidents.length === 0) return 'loaded (no row kept)';
  let min = Infinity;
  let max = -Infinity;
  for (const t of incidents.time) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  // Out of this suite's area: binning enumerates every period of the span before checking its
  // size (the hostile-data work bounds it); a damaged time can span millions of months.
  if ((max - min) / (30.4 * 86_400_000) > MAX_MONTHS) return 'loaded (bin skipped: time span over 100 years)';
  const { report } = binIncidents(incidents, { res: 5, unit: 'month' });
  if (report.binned + report.trimmedFirst + report.trimmedLast !== incidents.length) {
    throw new FuzzFailure(`bin accounting broken: ${report.binned} + ${report.trimmedFirst} + ${report.trimmedLast} ≠ ${incidents.length}`);
  }
  return 'loaded';
}

/** A 32-bit seed from the slice name and case index (FNV-1a), so every case is reproducible alone. */
function hashSeed(slice: string, index: number): number {
  let h = 0x811c9dc5;
  for (const c of `${slice}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * A damaged copy of the seed's bytes, and the rows the copy holds if it is still a valid file: 300,
 * except for a stream with a record batch removed or repeated (a valid stream of 200 or 400 rows).
 */
function mutate(seed: Seed, mutation: Mutation, rng: Random): { bytes: Uint8Array; rows: number } {
  if (mutation === 'structure') return restructure(seed, seed.bytes.slice(), rng);
  return { bytes: damage(seed, mutation, rng), rows: SLICE_ROWS };
}

function damage(seed: Seed, mutation: Exclude<Mutation, 'structure'>, rng: Random): Uint8Array {
  const bytes = seed.bytes.slice();
  const batches = seed.messages.filter((m) => m.headerType !== 1);
  const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
  switch (mutation) {
    case 'truncate': {
      const boundaries = [...seed.messages.map((m) => m.start), ...seed.messages.map((m) => m.body + m.bodyLength)];
      const cut = rng.next() < 0.5 ? pick(boundaries) + rng.int(9) - 4 : rng.int(bytes.length);
      return bytes.slice(0, Math.max(0, Math.min(bytes.length - 1, cut)));
    }
    case 'flip-schema': {
      const schema = seed.messages.find((m) => m.headerType === 1);
      const [start, end] = schema ? [schema.start, schema.body] : footerRange(bytes);
      return flip(bytes, start, end, rng);
    }
    case 'flip-footer': {
      const [start, end] = seed.format === 'file' ? footerRange(bytes) : [bytes.length - 8, bytes.length];
      return flip(bytes, start, end + (seed.format === 'file' ? 10 : 0), rng);
    }
    case 'flip-metadata': {
      const message = pick(batches);
      return flip(bytes, message.start, message.body, rng);
    }
    case 'flip-body': {
      const message = pick(batches.filter((m) => m.bodyLength > 0));
      return flip(bytes, message.body, message.body + message.bodyLength, rng);
    }
    case 'length':
      return corruptLength(seed, bytes, pick(batches), rng);
  }
}

function footerRange(bytes: Uint8Array): [number, number] {
  const footer = footerOf(bytes);
  return [footer.start, footer.start + footer.length];
}

/** 1–4 bytes in [start, end) set to random values or with one bit flipped. */
function flip(bytes: Uint8Array, start: number, end: number, rng: Random): Uint8Array {
  for (let k = 1 + rng.int(4); k > 0; k--) {
    const at = start + rng.int(Math.max(1, end - start));
    if (at >= bytes.length) continue;
    bytes[at] = rng.next() < 0.5 ? rng.int(256) : bytes[at] ^ (1 << rng.int(8));
  }
  return bytes;
}

/** Values a damaged length tends to take: off by one, zero, −1, the int32 and 2^53 edges, huge. */
function interesting(current: bigint, rng: Random): bigint {
  const choices = [0n, 1n, -1n, current - 1n, current + 1n, current * 2n, current / 2n, 2n ** 31n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 62n, -(2n ** 63n)];
  return rng.next() < 0.85 ? choices[rng.int(choices.length)] : BigInt(rng.int(2 ** 31));
}

/** One length field set to an `interesting` value: a message's length prefix or body length, a batch's rows, a node, a buffer, a compressed prefix or a footer block. */
function corruptLength(seed: Seed, bytes: Uint8Array, message: MessageAt, rng: Random): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int64 = (at: number) => view.setBigInt64(at, BigInt.asIntN(64, interesting(view.getBigInt64(at, true), rng)), true);
  const where = rng.int(seed.format === 'file' ? 7 : 6);
  if (where === 0) {
    view.setInt32(message.start + 4, Number(BigInt.asIntN(32, interesting(BigInt(view.getInt32(message.start + 4, true)), rng))), true);
  } else if (where === 1 && bodyLengthAt(bytes, message) !== 0) {
    int64(bodyLengthAt(bytes, message));
  } else if (message.headerType !== 3) {
    flip(bytes, message.metadata, message.body, rng); // dictionary batches: their nested lengths by flips
  } else if (where === 2) {
    int64(batchLengthAt(bytes, message));
  } else if (where === 3) {
    const nodes = fieldNodesAt(bytes, message);
    int64(nodes[rng.int(nodes.length)] + 8 * rng.int(2));
  } else if (where === 4 || (where === 5 && seed.codec === 'none')) {
    const buffers = buffersAt(bytes, message);
    int64(buffers[rng.int(buffers.length)] + 8 * rng.int(2));
  } else if (where === 5) {
    const buffer = pickFrom(
      rng,
      buffersAt(bytes, message).filter((at) => view.getBigInt64(at + 8, true) >= 8n),
    );
    if (buffer !== undefined) int64(message.body + Number(view.getBigInt64(buffer, true)));
  } else {
    const footer = footerOf(bytes);
    const count = view.getUint32(footer.recordBatches, true);
    const block = footer.recordBatches + 4 + 24 * rng.int(count);
    const field = rng.int(3);
    if (field === 1) view.setInt32(block + 8, Number(BigInt.asIntN(32, interesting(BigInt(view.getInt32(block + 8, true)), rng))), true);
    else int64(block + (field === 0 ? 0 : 16));
  }
  return bytes;
}

function pickFrom<T>(rng: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[rng.int(items.length)];
}

/** Whole messages moved: an end-of-stream marker injected, a batch removed or repeated, the footer's batch count changed. */
function restructure(seed: Seed, bytes: Uint8Array, rng: Random): { bytes: Uint8Array; rows: number } {
  const batches = seed.messages.filter((m) => m.headerType === 3);
  const batch = batches[rng.int(batches.length)];
  const end = batch.body + batch.bodyLength;
  switch (rng.int(seed.format === 'file' ? 4 : 3)) {
    case 0:
      bytes.fill(0, batch.start + 4, batch.start + 8); // metadata length 0: an end-of-stream marker
      return { bytes, rows: SLICE_ROWS };
    case 1:
      return { bytes: concat(bytes.subarray(0, batch.start), bytes.subarray(end)), rows: SLICE_ROWS - BATCH_ROWS };
    case 2:
      return { bytes: concat(bytes.subarray(0, end), bytes.subarray(batch.start, end), bytes.subarray(end)), rows: SLICE_ROWS + BATCH_ROWS };
    default: {
      const footer = footerOf(bytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      view.setUint32(footer.recordBatches, view.getUint32(footer.recordBatches, true) + (rng.next() < 0.5 ? -1 : 1), true);
      return { bytes, rows: SLICE_ROWS };
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
