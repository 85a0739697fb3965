import { DataType, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { isStringType } from '../io/decode-iso-time';
import { panelTotal, type Panel } from '../grid/panel';
import { wallTimeOf } from '../grid/wall-time';
import type { BucketUnit } from '../grid/time-bucket';
import type { ColumnMapping } from '../io/column-mapping';
import type { Clock, Incidents } from '../io/incidents';
import { InputError } from '../io/input-error';
import { loadIncidents } from '../io/load-incidents';
import { hasPanelMetadata, isPanelSource, readPanelFile, type PanelFileOptions, type PanelFileReport } from '../grid/panel-file';
import type { RowPreview } from '../io/preview-rows';
import type { ArrowSource } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { readSource } from '../io/read-source';
import { collectSource, streamSource } from '../io/stream-source';
import type { ByteSource } from '../io/byte-source';
import { arrowBatchSource, readArrowStream, type StreamProgress } from '../io/read-arrow-stream';
import { loadIncidentsStream, type CoordinateWatch } from '../io/load-incidents-stream';
import { createSha256, type Sha256Factory } from '../io/sha256-stream';
import { fileHashes } from '../io/file-hashes';
import { readHead, type HeldRead } from './head-sampler';
import { arrowReadFormat, inputFormat, sniffedInput, type SniffedInput } from './input-format';
import { checkedSource } from '../io/checked-source';

// The load stage of the pipeline: bytes → Arrow sources (open), then sources → incidents with a
// column mapping, or → a panel for pre-binned files (load). The CLI, the worker and the notebooks
// all come through here.

/** A file's name and bytes, however the shell got them (disk, a dropped File, a fetch). */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Files opened: incident files, or pre-binned panel files, with their fingerprints. */
export interface Opened {
  readonly kind: 'incidents' | 'panel';
  readonly sources: readonly ArrowSource[];
  /** SHA-256 of all files' bytes in order (the report's data fingerprint). */
  readonly sha256: string;
  /** SHA-256 of each file. */
  readonly hashes: readonly string[];
  readonly ms: number;
}

/**
 * Opens incident or panel files (any format `readSource` takes, in order) and fingerprints them: each file's
 * SHA-256 and one over all bytes in order (for one file, the two are equal). Throws an
 * InputError for no files, a file in no format Hexcast reads, or panel and incident files mixed.
 * `onHashing` is called when reading is done and hashing starts (seconds for a large file).
 * @example (await openFiles([{ name: 'p.arrow', bytes }])).kind // → 'incidents'
 */
export async function openFiles(files: readonly NamedBytes[], onHashing: () => void = () => {}): Promise<Opened> {
  if (files.length === 0) throw new InputError('No files given: choose one or more Arrow, CSV or GeoJSON files', { code: 'no-files' });
  const t0 = performance.now();
  const sources = await Promise.all(files.map((file) => readSource(file.bytes, file.name)));
  const kind = isPanelInput(sources) ? 'panel' : 'incidents';
  onHashing();
  const hashes = await Promise.all(files.map((file) => sha256Hex(file.bytes)));
  const sha256 = files.length === 1 ? hashes[0] : await sha256Hex(files.map((file) => file.bytes));
  return { kind, sources, sha256, hashes, ms: performance.now() - t0 };
}

/**
 * Opened sources whose bytes were fingerprinted elsewhere (`sha256` over all of them).
 * @example openedSources([readArrow(bytes, 'a.arrow')], sha).kind // → 'incidents'
 */
export function openedSources(sources: readonly ArrowSource[], sha256: string): Opened {
  return { kind: isPanelInput(sources) ? 'panel' : 'incidents', sources, sha256, hashes: [], ms: 0 };
}

/**
 * True when every source is a pre-binned panel file, false when none is; throws an
 * InputError naming the panel files when the two kinds are mixed.
 * @example isPanelInput([readArrow(panelFileBytes(panel), 'p.arrow')]) // → true
 */
export function isPanelInput(sources: readonly ArrowSource[]): boolean {
  const panelFiles = sources.filter(isPanelSource);
  if (panelFiles.length === 0) return false;
  if (panelFiles.length !== sources.length) {
    throw new InputError(
      `${panelFiles.map((s) => s.name).join(', ')} ${panelFiles.length === 1 ? 'is a' : 'are'} pre-binned panel file(s) and cannot be loaded together with incident files`,
      { code: 'mixed-inputs' },
    );
  }
  return true;
}

/** Incident files decoded with a mapping. */
export interface LoadedIncidents {
  readonly kind: 'incidents';
  readonly mapping: ColumnMapping;
  readonly incidents: Incidents;
  readonly ms: number;
}

/** Pre-binned panel files as read. */
export interface LoadedPanel {
  readonly kind: 'panel';
  readonly input: PanelInput;
  readonly ms: number;
}

/** Incidents decoded with a mapping, or a pre-binned panel file as read. */
export type Loaded = LoadedIncidents | LoadedPanel;

/**
 * Decodes opened incident files with `mapping` (`loadIncidents`: row accounting, the mapping's
 * category filter). Panel files are an InputError that says how they load.
 * @example loadMapped(opened, mapping).incidents.report.read // → rows in all files
 */
export function loadMapped(opened: Opened, mapping: ColumnMapping): LoadedIncidents {
  if (opened.kind === 'panel')
    throw new InputError(`${namesOf(opened)}: a pre-binned panel file (cell, period, count) is read as a panel, without a column mapping`, { code: 'usage' });
  const t0 = performance.now();
  const incidents = loadIncidents(opened.sources, mapping);
  return { kind: 'incidents', mapping, incidents, ms: performance.now() - t0 };
}

/**
 * Reads opened pre-binned panel files with bucket and zone overrides (`readPanelInput`).
 * Incident files are an InputError that says how they load.
 * @example loadPanelFiles(opened, {}).input.summary.res // → the file's resolution
 */
export function loadPanelFiles(opened: Opened, options: PanelFileOptions): LoadedPanel {
  if (opened.kind !== 'panel')
    throw new InputError(`${namesOf(opened)}: incident files are loaded with a column mapping, not read as a panel`, { code: 'usage' });
  const t0 = performance.now();
  const input = readPanelInput(opened.sources, options);
  return { kind: 'panel', input, ms: performance.now() - t0 };
}

function namesOf(opened: Opened): string {
  return opened.sources.map((s) => s.name).join(', ');
}

/** A pre-binned panel as read: its grid and span, and where its bucket unit and zone came from. */
export interface PanelSummary {
  readonly res: number;
  readonly unit: BucketUnit;
  readonly timeZone: string;
  readonly clock: Clock;
  readonly cells: number;
  readonly periods: number;
  /** Start of the first and of the last period, and the end of the last (wall-clock readings, `wallTimeOf`). */
  readonly first: number;
  readonly last: number;
  readonly end: number;
  /** The sum of the counts. */
  readonly incidents: number;
  /** True for a file written by `hexcast bin`: its metadata fixes resolution, bucket and span, and overrides are ignored. */
  readonly metadata: boolean;
  /** Where the bucket unit came from: the file's metadata, the caller's override, or the spacing of the periods. */
  readonly unitFrom: 'metadata' | 'override' | 'periods';
  /** Where the zone came from: the file's metadata, the caller's override, the period column's type, or nowhere (UTC). */
  readonly zoneFrom: 'metadata' | 'override' | 'column' | 'none';
  /** False when nothing declares the zone of wall-clock periods (they are then labelled UTC internally). */
  readonly zoneDeclared: boolean;
}

/** A pre-binned panel as read: the panel, its row accounting and summary. */
export interface PanelInput {
  readonly panel: Panel;
  readonly report: PanelFileReport;
  readonly summary: PanelSummary;
}

/**
 * Reads pre-binned panel files: `readPanelFile` with the caller's bucket unit and zone overrides
 * when the first file carries no Hexcast metadata — a file written by `hexcast bin` records how
 * it was binned, so overrides are ignored for it — and a summary that says where the unit and
 * zone came from. Wall-clock periods whose zone nothing declares (no override, a zone-less
 * period column, or Hexcast metadata saying 'UTC') are flagged `zoneDeclared: false`.
 * @example readPanelInput([duckdbDaily], { timeZone: 'America/Chicago' }).summary.zoneFrom // → 'override'
 */
export function readPanelInput(sources: readonly ArrowSource[], options: PanelFileOptions = {}): PanelInput {
  const metadata = sources.length > 0 && hasPanelMetadata(sources[0]);
  const applied: PanelFileOptions = metadata ? {} : options;
  const { panel, report } = readPanelFile(sources, applied);
  const { unit, timeZone, clock } = panel.bucket;
  const P = panel.periods.length;
  const zoneFrom: PanelSummary['zoneFrom'] = metadata ? 'metadata' : applied.timeZone ? 'override' : periodColumnZone(sources[0]) ? 'column' : 'none';
  const zoneDeclared = clock === 'instant' || zoneFrom === 'override' || zoneFrom === 'column' || (zoneFrom === 'metadata' && timeZone !== 'UTC');
  return {
    panel,
    report,
    summary: {
      res: panel.res,
      unit,
      timeZone,
      clock,
      cells: panel.cells.length,
      periods: P,
      first: wallTimeOf(panel.periods[0], panel.bucket),
      last: wallTimeOf(panel.periods[P - 1], panel.bucket),
      end: wallTimeOf(panel.end, panel.bucket),
      incidents: panelTotal(panel),
      metadata,
      unitFrom: metadata ? 'metadata' : applied.unit ? 'override' : 'periods',
      zoneFrom,
      zoneDeclared,
    },
  };
}

/** The zone a source's `period` column declares in its Arrow type (zoned timestamps), else null. */
function periodColumnZone(source: ArrowSource | undefined): string | null {
  const type = source?.table.schema.fields.find((f) => f.name === 'period')?.type;
  return type && DataType.isTimestamp(type) ? (type.timezone ?? null) : null;
}

/**
 * A panel file's preview with 64-bit integer `cell` values shown as H3 indexes (hexadecimal),
 * as DuckDB and Spark store them, instead of as decimal integers; other files pass unchanged.
 * @example panelPreview({ columns: ['cell'], rows: [{ cell: '617668575944245247' }] }, duckdbFile).rows[0].cell
 *   // → '892664c1a9bffff'
 */
export function panelPreview(preview: RowPreview, source: ArrowSource): RowPreview {
  const type = source.table.schema.fields.find((f) => f.name === 'cell')?.type;
  if (!type || !DataType.isInt(type) || type.bitWidth !== 64) return preview;
  const hex = (text: string): string => (/^-?\d+$/.test(text) ? BigInt.asUintN(64, BigInt(text)).toString(16) : text);
  return { columns: preview.columns, rows: preview.rows.map((row) => ({ ...row, cell: hex(row.cell) })) };
}

/** Options of `openStreams`: the shell's incremental SHA-256 and progress. */
export interface OpenStreamsOptions {
  /** Makes an incremental SHA-256 (the CLI injects node:crypto's); default the pure-TypeScript `createSha256`. */
  readonly sha256?: Sha256Factory;
  /** Called after each record batch of each file, with the file's index. */
  readonly onProgress?: (file: number, progress: StreamProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * For `loadStreams`: fingerprints the files elsewhere while the load decodes them (the CLI reads
   * and hashes them on its binning thread): each file's SHA-256 and the one over all in order, the
   * digests the load would compute. When given, the streamed load hashes nothing itself; it falls
   * back to hashing as it reads only where it does not stream (`openStreams`).
   */
  readonly fingerprints?: (inputs: readonly ByteSource[]) => Promise<{ readonly each: readonly string[]; readonly all: string }>;
  /** For `loadStreams`: watches each record batch's raw coordinates as the load decodes them (`CoordinateWatch`). */
  readonly coordinates?: CoordinateWatch;
  /**
   * For `loadStreams`: up to this many bytes of decoded record batches, shared by the load's Arrow
   * files, are kept from the decode pass for the quote pass (`arrowBatchSource`, `KeepBudget`)
   * instead of being read again; default 0 (none: a browser tab's memory is the tighter bound there).
   */
  readonly keepBatchBytes?: number;
  /** For `openStreams`: each input's format, already sniffed (`sniffedInput`), so its first bytes are not read again (those sniffed are compared as it is read). */
  readonly sniffed?: readonly SniffedInput[];
  /**
   * For `openStreams`: called once per Arrow file, when its first compressed (LZ4, ZSTD) message
   * is seen, before the reader decodes it (`ReadStreamOptions.onCompressed`); awaited.
   */
  readonly onCompressed?: (file: number) => void | Promise<void>;
}

/**
 * `openFiles` for files streamed from disk or a browser File instead of held whole: each Arrow
 * file is read record batch by record batch (`readArrowStream`), CSV (also gzipped) chunk by
 * chunk and Parquet row group by row group (`streamSource`: told apart by the first bytes), the
 * batches collected into the file's `ArrowSource`; GeoJSON is read whole. Each file is
 * fingerprinted as its bytes stream past (Parquet, read by ranges, in one more pass) — one hash
 * per file and one over all files in order, the same digests as `openFiles` — so no file is ever
 * one buffer (no 2 GiB `readFile` limit).
 * @example (await openStreams([fileByteSource('chicago.arrow')], { sha256: nodeSha256 })).sha256 // → same as openFiles
 */
export async function openStreams(inputs: readonly ByteSource[], options: OpenStreamsOptions = {}): Promise<Opened> {
  if (inputs.length === 0) throw new InputError('No files given: choose one or more incident files', { code: 'no-files' });
  const t0 = performance.now();
  const hashes = fileHashes(inputs.length, options.sha256 ?? createSha256);
  const sources: ArrowSource[] = [];
  for (const [i, input] of inputs.entries()) {
    const hash = hashes.forFile(i);
    const { format, first } = options.sniffed?.[i] ?? (await sniffedInput(input));
    if (format !== 'other') {
      sources.push(
        await readArrowStream(input, {
          hash,
          signal: options.signal,
          onProgress: (progress) => options.onProgress?.(i, progress),
          format: arrowReadFormat(format),
          first,
          onCompressed: options.onCompressed && (() => options.onCompressed?.(i)),
        }),
      );
    } else {
      const checked = checkedSource(input, first);
      const hashed = hashedOnce(checked, hash, options.signal, (bytes) => options.onProgress?.(i, { bytes, size: input.size, rows: 0, batches: 0 }));
      sources.push(await collectSource(await streamSource(hashed.source)));
      if (!hashed.done()) for await (const chunk of hashed.source.chunks()) void chunk;
    }
  }
  const kind = isPanelInput(sources) ? 'panel' : 'incidents';
  const { each, all } = hashes.digests();
  return { kind, sources, sha256: all, hashes: each, ms: performance.now() - t0 };
}

/**
 * The input with its first full pass over `chunks()` hashed (later passes, a CSV read again, are
 * not); `done()` says whether that pass happened (a file that changes while it is read: `input`
 * a `checkedSource`). Every chunk and range read first checks `signal` (a cancel stops a CSV or Parquet
 * read between chunks, as it stops an Arrow one between batches), and the first pass reports
 * the bytes read so far to `onBytes`.
 */
function hashedOnce(
  input: ByteSource,
  hash: { update(bytes: Uint8Array): unknown },
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
): { source: ByteSource; done(): boolean } {
  let hashed = false;
  let started = false;
  const check = (): void => {
    if (signal?.aborted) throw signal.reason;
  };
  const source: ByteSource = {
    name: input.name,
    size: input.size,
    slice: (start, end) => (check(), input.slice(start, end)),
    async *chunks() {
      if (started) {
        for await (const chunk of input.chunks()) yield (check(), chunk);
        return;
      }
      started = true;
      let at = 0;
      for await (const chunk of input.chunks()) {
        check();
        onBytes?.(at + chunk.length);
        at += chunk.length;
        hash.update(chunk);
        yield chunk;
      }
      hashed = true;
    },
  };
  return { source, done: () => hashed };
}

/** Digests taken elsewhere (`OpenStreamsOptions.fingerprints`), pending. */
type Fingerprints = ReturnType<NonNullable<OpenStreamsOptions['fingerprints']>>;

/** A SHA-256 that hashes nothing: files read again, or read while their digests come from elsewhere. */
export const NO_HASH = (): { update(bytes: Uint8Array): void; hex(): string } => ({ update: () => {}, hex: () => '' });

/** What `loadStreams` gives: the files opened (fingerprints; for a streamed load, sources that keep no rows) and, for incident files loaded as they streamed, the load. */
export interface StreamedLoad {
  readonly opened: Opened;
  /** Absent when the files were opened whole (`openStreams`: panel files, or a format read whole): load them as before. */
  readonly loaded?: LoadedIncidents;
}

/**
 * Opens and loads incident files in one streamed pass, never holding more than a few record
 * batches of raw rows (beyond those `keepBatchBytes` allows to be kept for the quote pass): each Arrow file's head is read (`readHead`: its first rows across record
 * batches, as many as detection reads values from, copied; each column's % filled over the
 * batches read), from which `mappingFor` decides the mapping, then `loadIncidentsStream` decodes every batch as it streams past the
 * fingerprint and drops it. The result's `opened.sources` keep no rows (a table of the file's
 * row count and no columns, for the report's file list): a later load with another mapping
 * must open the files again. Files in another format, or pre-binned panels, come back opened
 * whole by `openStreams`, without `loaded`; so do files whose load would decide something from
 * the data on the head alone (`streamable`). Digests equal `openFiles`'.
 * @example const { opened, loaded } = await loadStreams([fileByteSource('big.arrow')], () => mapping, { sha256: nodeSha256 })
 */
export async function loadStreams(
  inputs: readonly ByteSource[],
  mappingFor: (heads: readonly ArrowSource[]) => ColumnMapping | Promise<ColumnMapping>,
  options: OpenStreamsOptions = {},
): Promise<StreamedLoad> {
  if (inputs.length === 0) throw new InputError('No files given: choose one or more incident files', { code: 'no-files' });
  const t0 = performance.now();
  const heads: ArrowSource[] = [];
  // With the fingerprints taken elsewhere nothing is hashed here, so the decode pass goes on with each head's read (`HeldRead`).
  const held: HeldRead[] = [];
  const opened = async (printed?: Fingerprints): Promise<StreamedLoad> => {
    await Promise.all(held.map((read) => read.close()));
    if (!printed) return { opened: await openStreams(inputs, options) };
    // Digests already asked for elsewhere: the files are read here without hashing them again,
    // and hashed as read only if those digests fail.
    const [whole, digests] = await Promise.all([openStreams(inputs, { ...options, sha256: NO_HASH }), printed.catch(() => null)]);
    if (!digests) return { opened: await openStreams(inputs, options) };
    return { opened: { ...whole, sha256: digests.all, hashes: [...digests.each] } };
  };
  try {
    for (const [i, input] of inputs.entries()) {
      if ((await inputFormat(input)) === 'other') return await opened();
      const hold = options.fingerprints && { to: (read: HeldRead) => (held[i] = read), onProgress: (p: StreamProgress) => options.onProgress?.(i, p) };
      const head = await readHead(input, { signal: options.signal, hold });
      if (!head) return await opened(); // no batch: the whole read says why
      heads.push(head);
    }
    if (isPanelInput(heads)) return await opened();
    // Asked for before the mapping is made: the hashing thread (the CLI's) is idle then, while
    // asked for later its hash would go after the batches' warm and the load's end would wait for
    // it. A mapping that then does not stream takes them too, for the files it reads whole.
    const printed = options.fingerprints?.(inputs);
    printed?.catch(() => {}); // awaited in `loadHeld` or `opened`; a load that fails first must not leave it unhandled
    const mapping = await mappingFor(heads);
    if (!streamable(heads, mapping)) return await opened(printed);
    return await loadHeld(inputs, mapping, options, held, printed, t0);
  } finally {
    await Promise.all(held.map((read) => read.close())); // reads a failed load left open
  }
}

/** `loadStreams` once the mapping is known and the files stream: each file decoded as read (going on with `held`, the heads' reads, where there are), the digests `printed` elsewhere or hashed as read. */
async function loadHeld(
  inputs: readonly ByteSource[],
  mapping: ColumnMapping,
  options: OpenStreamsOptions,
  held: readonly (HeldRead | undefined)[],
  printed: Fingerprints | undefined,
  t0: number,
): Promise<StreamedLoad> {
  const hashes = printed ? null : fileHashes(inputs.length, options.sha256 ?? createSha256);
  const keep = options.keepBatchBytes ? { left: options.keepBatchBytes } : undefined;
  const files = await Promise.all(
    inputs.map((input, i) =>
      arrowBatchSource(input, {
        hash: hashes?.forFile(i),
        signal: options.signal,
        onProgress: (progress) => options.onProgress?.(i, progress),
        keep,
        held: held[i]?.batches,
      }),
    ),
  );
  const incidents = await loadIncidentsStream(files, mapping, options.coordinates);
  const { each, all } = printed ? await printed : hashes!.digests();
  const sources = inputs.map((input, i) => rowsOnly(input, incidents.report.files[i].rows));
  const ms = performance.now() - t0;
  return {
    opened: { kind: 'incidents', sources, sha256: all, hashes: [...each], ms },
    loaded: { kind: 'incidents', mapping, incidents, ms },
  };
}

/**
 * True when a streamed load decides nothing from the head (a file's first rows, `readHead`) that
 * the whole-file load decides from every row, so the two give the same result: every head has rows,
 * the files have distinct names and the same columns of the same types, and the time column is
 * an Arrow timestamp or date, or numbers with a declared unit. ISO and other date strings (whose
 * day/month order is read from the values) and epoch numbers without a unit (whose unit is
 * inferred from their median) are decided over the whole column, so such files are read whole;
 * so are files whose location columns are text (their number format is decided over the whole
 * column, `textNumberFormat`).
 * @example streamable([chicagoHead], { time: { column: 'occurred_at' }, … }) // → true (timestamp[ms])
 */
export function streamable(heads: readonly ArrowSource[], mapping: ColumnMapping): boolean {
  if (heads.some((head) => head.table.numRows === 0)) return false;
  if (new Set(heads.map((head) => head.name)).size !== heads.length) return false;
  const shape = (head: ArrowSource): string => head.table.schema.fields.map((f) => `${f.name}:${String(f.type)}`).join('|');
  if (heads.some((head) => shape(head) !== shape(heads[0]))) return false;
  const fields = heads[0].table.schema.fields;
  const location = mapping.location.kind === 'xy' ? [mapping.location.x, mapping.location.y] : [mapping.location.lat, mapping.location.lng];
  if (fields.some((f) => location.includes(f.name) && isStringType(f.type))) return false;
  const type = fields.find((f) => f.name === mapping.time.column)?.type;
  if (!type) return false;
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return true;
  return (DataType.isInt(type) || DataType.isFloat(type)) && mapping.time.unit !== undefined;
}

/** A source that keeps only its name, size and row count: a table of `rows` rows and no columns. */
export function rowsOnly(input: ByteSource, rows: number): ArrowSource {
  const empty = new Schema([]);
  const table = new Table([new RecordBatch(empty, makeData({ type: new Struct([]), length: rows, nullCount: 0, children: [] }))]);
  return { name: input.name, bytes: input.size, table, format: 'stream' };
}
