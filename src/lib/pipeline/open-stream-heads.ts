import { Table } from 'apache-arrow';
import { isPanelSource } from '../grid/panel-file';
import type { ByteSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import { loadIncidentsStream } from '../io/load-incidents-stream';
import type { ArrowSource } from '../io/read-arrow';
import { arrowBatches, arrowBatchSource } from '../io/read-arrow-stream';
import { fileHashes } from '../io/file-hashes';
import { createSha256 } from '../io/sha256-stream';
import { headSampler, type HeadSampler } from './head-sampler';
import { openStreams, rowsOnly, streamable, type LoadedIncidents, type Opened, type OpenStreamsOptions } from './load';
import { arrowReadFormat, inputFormatOf, sniffedInput, type InputFormat, type SniffedInput } from './input-format';
import type { Sha256Factory } from '../io/sha256-stream';

// The app's streamed path for big Arrow incident files: one pass at open that fingerprints and
// counts them, keeping a bounded sample of each for the mapping screen, and a second streamed pass
// at each load (or category filter) that decodes them batch by batch.

/** Files opened for a streamed load (`openStreamHeads`): the fingerprints and row counts, and each file's head. */
export interface OpenedHeads {
  /** Sources that keep no rows (a table of the file's row count and no columns), the digests `openFiles` gives. */
  readonly opened: Opened;
  /**
   * Each file's head (`headSampler`): its schema, its first rows copied out of its record batches
   * (`HEAD_ROWS`, more while a column detection reads lacks values, at most `HEAD_MAX_ROWS`), and
   * each column's share of rows with a value over the whole file (`complete`) — what the preview,
   * detection and CRS ranking see; null when the files were read whole.
   */
  readonly heads: readonly ArrowSource[] | null;
}

/**
 * Total size from which `openStreamHeads` streams Arrow incident files (256 MiB). Below it the
 * files are held whole: decoding a held table is about twice as fast as reading the file again
 * batch by batch (Chicago's 69 MB: 0.6 s against 1.4 s), and detection sees every row; above it
 * memory, not time, is what stops a load.
 */
export const STREAM_FROM_BYTES = 256 * 2 ** 20;

export { HEAD_MAX_ROWS, HEAD_ROWS } from './head-sampler';

/** How `openStreamHeads` opens files, decided before any is read: each file's format, from one sniff, and whether they are held whole. */
export interface OpenPlan {
  /** Each input's format (`inputFormat`: its first 4 KiB, read once). */
  readonly formats: readonly InputFormat[];
  /** True when the files are read whole (`openStreams`): under `streamFrom` bytes in all, or not all Arrow. */
  readonly held: boolean;
}

/** Options of `openStreamHeads`. */
export interface OpenStreamHeadsOptions extends OpenStreamsOptions {
  /** Total size from which Arrow incident files are streamed; default `STREAM_FROM_BYTES`. */
  readonly streamFrom?: number;
  /**
   * Chooses the SHA-256 the files are read with once the plan is known and before any byte is
   * read past the sniff (the app's worker defers the hash of held Arrow IPC files); default `sha256`.
   */
  readonly sha256For?: (plan: OpenPlan) => Sha256Factory | Promise<Sha256Factory>;
}

/**
 * Sniffs each input once (`inputFormat`) and decides whether `openStreamHeads` holds the files
 * whole: below `streamFrom` bytes in all, or when one is not Arrow IPC; else they stream.
 * @example (await planOpen([bytesSource('a.csv', csv)], 0)).held // → true (not Arrow)
 */
export async function planOpen(inputs: readonly ByteSource[], streamFrom: number = STREAM_FROM_BYTES): Promise<OpenPlan> {
  return (await sniffPlan(inputs, streamFrom)).plan;
}

/** `planOpen`, with each input's first bytes as sniffed (`sniffedInput`), which the read then compares. */
async function sniffPlan(inputs: readonly ByteSource[], streamFrom: number): Promise<{ plan: OpenPlan; sniffed: SniffedInput[] }> {
  const sniffed: SniffedInput[] = [];
  for (const input of inputs) sniffed.push(await sniffedInput(input));
  const formats = sniffed.map((s) => s.format);
  const size = inputs.reduce((sum, input) => sum + input.size, 0);
  return { plan: { formats, held: inputs.length === 0 || size < streamFrom || formats.includes('other') }, sniffed };
}

/**
 * `openStreams` for a shell that loads later, with a mapping chosen after the open (the app):
 * Arrow incident files that reach `streamFrom` bytes in all (default `STREAM_FROM_BYTES`)
 * are read once, record batch by record batch, for their fingerprints
 * (one hash per file and one over all, as `openFiles`), row counts and each column's null count,
 * keeping only each file's head (`headSampler`: its first rows across batches, empty ones too,
 * as many as detection reads values from, copied) and dropping every batch as it passes; `loadOpenedStreams` then decodes them in a
 * second streamed pass. Smaller files, files in another format, pre-binned panels, or a file
 * without rows come back as `openStreams` gives them (`heads` null), to be loaded whole. Which
 * it is, is decided once, before the read (`planOpen`: each file sniffed once, its format given
 * to the reader so it is not sniffed again); `sha256For` may choose the hash from that plan.
 * `ms` counts from the sniff.
 * @example const { opened, heads } = await openStreamHeads([blobSource(file, file.name)]) // heads: samples, or null
 */
export async function openStreamHeads(inputs: readonly ByteSource[], options: OpenStreamHeadsOptions = {}): Promise<OpenedHeads> {
  const t0 = performance.now();
  const { plan, sniffed } = await sniffPlan(inputs, options.streamFrom ?? STREAM_FROM_BYTES);
  const sha256 = (await options.sha256For?.(plan)) ?? options.sha256 ?? createSha256;
  const whole = async (): Promise<OpenedHeads> => {
    const opened = await openStreams(inputs, { ...options, sha256, sniffed });
    return { opened: { ...opened, ms: performance.now() - t0 }, heads: null };
  };
  if (plan.held) return whole();
  const hashes = fileHashes(inputs.length, sha256);
  const heads: ArrowSource[] = [];
  const sources: ArrowSource[] = [];
  for (const [i, input] of inputs.entries()) {
    const hash = hashes.forFile(i);
    const stream = arrowBatches(input, {
      hash,
      signal: options.signal,
      onProgress: (progress) => options.onProgress?.(i, progress),
      format: arrowReadFormat(plan.formats[i]),
      first: sniffed[i].first,
    });
    let sampler: HeadSampler | undefined;
    let rows = 0;
    for await (const batch of stream) {
      if (!sampler) {
        // A pre-binned panel (or incidents mixed with one) is read whole: stop at its first batch.
        if (isPanelSource({ name: input.name, bytes: input.size, table: new Table(batch), format: 'stream' })) return whole();
        sampler = headSampler(batch.schema);
      }
      sampler.add(batch);
      rows += batch.numRows;
    }
    if (!sampler || rows === 0) return whole(); // the whole read says what is wrong
    const format = stream.format() ?? 'stream';
    heads.push({ name: input.name, bytes: input.size, table: sampler.head(), format, complete: sampler.complete() });
    sources.push({ ...rowsOnly(input, rows), format });
  }
  const { each, all } = hashes.digests();
  return { opened: { kind: 'incidents', sources, sha256: all, hashes: each, ms: performance.now() - t0 }, heads };
}

/**
 * Loads files opened by `openStreamHeads` with `mapping` in one streamed pass
 * (`loadIncidentsStream`: each record batch decoded into the compact per-row arrays and
 * released; `onProgress` after each batch with the rows decoded; `signal` checked between
 * batches), without hashing again. Null when the load would decide something from the first
 * batch that the whole-file load decides from every row (`streamable`): the shell then reads
 * the files whole (`headFormats` says how, without sniffing them again). Each file is read in the
 * format its head was read in (no sniff); one that changed since fails as such (`checkedSource`).
 * Equal to `loadMapped` on the whole files, number for number.
 * @example (await loadOpenedStreams(inputs, heads, mapping))?.incidents.report.read // → rows in all files
 */
export async function loadOpenedStreams(
  inputs: readonly ByteSource[],
  heads: readonly ArrowSource[],
  mapping: ColumnMapping,
  options: Omit<OpenStreamsOptions, 'sha256'> = {},
): Promise<LoadedIncidents | null> {
  if (!streamable(heads, mapping)) return null;
  const t0 = performance.now();
  const formats = headFormats(heads);
  const files = await Promise.all(
    inputs.map((input, i) =>
      arrowBatchSource(input, {
        signal: options.signal,
        onProgress: (progress) => options.onProgress?.(i, progress),
        format: arrowReadFormat(formats[i].format),
      }),
    ),
  );
  const incidents = await loadIncidentsStream(files, mapping);
  if (options.signal?.aborted) throw options.signal.reason;
  return { kind: 'incidents', mapping, incidents, ms: performance.now() - t0 };
}

/**
 * The formats streamed files were read in at the open (their heads'), for reading them again
 * whole (`openStreams`' `sniffed`) without sniffing them again.
 * @example await openStreams(inputs, { sniffed: headFormats(heads) })
 */
export function headFormats(heads: readonly ArrowSource[]): SniffedInput[] {
  return heads.map((head) => ({ format: inputFormatOf(head.format) }));
}
