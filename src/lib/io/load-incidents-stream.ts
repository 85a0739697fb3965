import { Table, type RecordBatch } from 'apache-arrow';
import type { ColumnMapping } from './column-mapping';
import { categoryDecoder, type CategoryDecoder } from './decode-category';
import { isoClock, type IsoSeen } from './decode-iso-time';
import { locationColumns, readLocationColumn } from './decode-location';
import { checkTimeColumns, decodeTimeChunk, finishTime, timePlan, type TimePlan } from './decode-time';
import { DROP_CODE } from './drop-codes';
import { rawExampleValues } from './drop-examples';
import { findColumn, type ColumnInput } from './find-column';
import { candidateText, columnsOf, repeatedByColumns, schemaKeys, type CandidatePlace } from './find-duplicates';
import type { Clock, DropReason, Incidents } from './incidents';
import { changedWhileRead } from './checked-source';
import { InputError } from './input-error';
import { checkLoadMapping, completeLoad, newRowArrays, settleLoad, type LoadedFile, type RowArrays } from './load-incidents';
import type { ArrowSource } from './read-arrow';

/**
 * One incident file for a streamed load: its record batches from any producer — the Arrow
 * reader (`arrowBatches`), a CSV or Parquet reader — in row order, re-readable: `batches` is
 * called once with 'decode' and, only when the load must quote raw values of a few rows (drop
 * examples, whole-row duplicate checks), once more with 'quote'. Row numbers in messages are
 * batch rows counted from the file's first; records the reader could not make rows of (a CSV
 * record with the wrong field count) are reported by `after`, read after the decode pass.
 */
export interface BatchSource {
  readonly name: string;
  readonly bytes: number;
  /** Rows in the file if known before reading (an Arrow IPC file's footer): the per-row arrays are then allocated once. */
  readonly rows?: number;
  batches(pass: 'decode' | 'quote'): AsyncIterable<RecordBatch>;
  /** The reader's own drops and where its skipped records were (`ArrowSource.dropped`, `.skipped`), once the decode pass is done. */
  after?(): Pick<ArrowSource, 'dropped' | 'skipped'>;
  /** True when the quote pass will yield batches held in memory anyway (kept from the decode pass), so holding their columns until the pass ends costs nothing. */
  quoteHeld?(): boolean;
  /** Lets go of what was kept for a quote pass that will not run for this file. */
  release?(): void;
}

/**
 * `loadIncidents` over record batches as they stream in: each batch is decoded into the compact
 * per-row arrays (time, raw coordinates, category and place codes, drop reasons) and released —
 * the loop keeps no reference to past batches — and the rules that look at every row (time and
 * location outliers, projection and CRS placement, filters, the duplicate finder's first stage)
 * run afterwards on those arrays (`settleLoad`), exactly as in the whole-file load. The few raw
 * values the report quotes (drop examples) and compares (every column of the rows whose decoded
 * key repeats, taken as each batch passes unless the source holds its batches anyway,
 * `BatchSource.quoteHeld`) are read in a second pass over the batches that hold them. The result equals
 * `loadIncidents` on the same files, number for number, except: the epoch unit check (and an
 * inferred unit) and the day/month order of date strings look at each file's first record batch,
 * not at the whole column, and ISO strings mixing offsets across batches are named by their
 * first value in each batch.
 * @example
 * await loadIncidentsStream([arrowBatchSource(fileByteSource('big.arrow'))], mapping) // → Incidents, as loadIncidents gives
 */
export async function loadIncidentsStream(files: readonly BatchSource[], mapping: ColumnMapping, watch?: CoordinateWatch): Promise<Incidents> {
  if (files.length === 0) throw new InputError('no incident files given: expected at least one Arrow file', { code: 'no-files' });
  checkLoadMapping(mapping);
  const rows = new GrowingRows(
    files.reduce((sum, file) => sum + (file.rows ?? 0), 0),
    mapping,
    watch?.allocate,
  );
  const moves = files.some((file) => file.rows === undefined); // the arrays grow as batches arrive
  const category = mapping.category ? categoryDecoder() : null;
  const place = mapping.place ? categoryDecoder() : null;
  const time = new StreamedTime(mapping);
  const counted: LoadedFile[] = [];
  const schemas: RecordBatch['schema'][] = [];
  const unparsed: number[] = [];
  for (const file of files) {
    let fileRows = 0;
    for await (const batch of file.batches('decode')) {
      if (fileRows === 0) schemas.push(batch.schema);
      const source: ArrowSource = { name: file.name, bytes: file.bytes, table: new Table(batch), format: 'stream' };
      decodeBatch(source, mapping, rows.take(batch.numRows), fileRows, time, category, place, watch, moves, unparsed);
      fileRows += batch.numRows;
    }
    counted.push({ name: file.name, bytes: file.bytes, table: { numRows: fileRows }, ...file.after?.() });
  }
  const arrays = rows.done();
  const decodedTime = time.finish(arrays.time, arrays.reasons);
  const settled = settleLoad(mapping, {
    ...arrays,
    values: category?.values() ?? [],
    placeValues: place?.values() ?? [],
    decodedTime,
    unparsed,
  });
  const quoted = await quoteRows(files, counted, schemas, mapping, settled.candidates, settled.picks);
  return completeLoad(counted, mapping, settled, quoted.repeated, quoted.raw);
}

/**
 * What a shell may watch of a streamed load while it decodes (the CLI's binning thread looks up
 * the points' H3 cells as the batches arrive): `allocate` makes the time, lat and lng arrays (e.g.
 * on a SharedArrayBuffer, so another thread reads them without a copy; the kept rows stay views of
 * them unless fewer than three in four are kept) and `batch` is called with each
 * record batch's raw coordinates as read (views into those arrays; y/x for a projected mapping,
 * rows to be dropped included). The load's result does not depend on either.
 */
export interface CoordinateWatch {
  readonly allocate?: (rows: number) => Float64Array;
  /**
   * `moves`: the arrays viewed may still be replaced by bigger ones (the row count was not known up
   * front), so a reference kept past the call holds a whole superseded array alive — keep a copy.
   */
  readonly batch: (lat: Float64Array, lng: Float64Array, moves: boolean) => void;
}

/** The per-row arrays of one batch (views into the whole load's arrays) and its first row's global index. */
interface BatchRows extends RowArrays {
  readonly start: number;
}

/** One record batch decoded into `rows`: time, raw coordinates, category and place codes; `fileRow` is its first row's index in its file; rows whose location text is no number are appended to `unparsed` (global rows). */
function decodeBatch(
  source: ArrowSource,
  mapping: ColumnMapping,
  rows: BatchRows,
  fileRow: number,
  time: StreamedTime,
  category: CategoryDecoder | null,
  place: CategoryDecoder | null,
  watch: CoordinateWatch | undefined,
  moves: boolean,
  unparsed: number[],
): void {
  // The coordinates first, so a watching thread works on them while the rest is decoded; an
  // error in the location columns is still thrown after one in the time column, as before.
  let locationError: unknown = null;
  try {
    const [first, second] = locationColumns([source], mapping.location);
    const local: number[] = [];
    readLocationColumn(first, rows.lat, local);
    readLocationColumn(second, rows.lng, local);
    for (const row of local) unparsed.push(rows.start + row);
  } catch (error) {
    locationError = error;
  }
  if (locationError === null) watch?.batch(rows.lat, rows.lng, moves);
  time.decode(findColumn([source], mapping.time.column, 'time'), rows);
  if (locationError !== null) throw locationError;
  if (category && mapping.category) category.decode(findColumn([source], mapping.category, 'category'), rows.codes, fileRow);
  if (place && mapping.place && rows.placeCodes) place.decode(findColumn([source], mapping.place, 'place'), rows.placeCodes, fileRow);
}

/**
 * The time column decoded batch by batch: the plan (unit, date order) from the first batch,
 * the type family checked against each file's first batch, and what the whole-column checks
 * need kept as met (the first unparseable value, the ISO strings' clock).
 */
class StreamedTime {
  private plan: TimePlan | null = null;
  private first: ColumnInput | null = null;
  private unparseable: { text: string; file: string; row: number } | null = null;
  private clock: { clock: Clock; where: string } | null = null;
  private fileStart = 0;
  private lastFile = '';

  constructor(private readonly mapping: ColumnMapping) {}

  decode(inputs: ColumnInput[], rows: BatchRows): void {
    const input = inputs[0];
    if (input.source.name !== this.lastFile || this.first === null) {
      checkTimeColumns(this.first ? [this.first, input] : [input], this.mapping.time);
      this.lastFile = input.source.name;
      this.fileStart = rows.start;
    }
    this.first ??= input;
    this.plan ??= timePlan([input], this.mapping.time);
    const seen: IsoSeen = { instants: [], walls: [] };
    let at = 0;
    for (const data of input.vector.data) {
      decodeTimeChunk(this.plan, data, rows.time, at, rows.reasons, seen);
      at += data.length;
    }
    if (this.plan.family !== 'ISO-8601 strings') return;
    const local = rows.start - this.fileStart;
    const clock = isoClock(seen, inputs);
    const kinds = seen.instants.length + seen.walls.length;
    if (kinds > 0) {
      const row = (seen.instants[0] ?? seen.walls[0]) as number;
      const where = `file '${input.source.name}' row ${local + row}: '${String(input.vector.get(row))}'`;
      if (this.clock && this.clock.clock !== clock) {
        const [withOffset, without] = clock === 'instant' ? [where, this.clock.where] : [this.clock.where, where];
        throw new InputError(
          `time column '${input.field.name}' mixes ISO-8601 strings with an offset (${withOffset}) and without one ` +
            `(${without}): expected all instants (with Z or ±hh:mm) or all wall-clock times (without); fix the export or split the file`,
          { code: 'time-mixed-offsets', column: input.field.name },
        );
      }
      this.clock ??= { clock, where };
    }
    if (this.unparseable) return;
    const bad = rows.reasons.indexOf(DROP_CODE['time-unparseable']);
    if (bad >= 0) this.unparseable = { text: String(input.vector.get(bad)), file: input.source.name, row: local + bad };
  }

  finish(out: Float64Array, reasons: Uint8Array): ReturnType<typeof finishTime> {
    if (!this.plan || !this.first) throw new InputError('no rows in the incident files: expected at least one incident', { code: 'no-rows' });
    const warnings = [...this.plan.warnings];
    if (this.plan.family === 'ISO-8601 strings') {
      const warning = this.unparseable && unparseableWarning(this.first.field.name, reasons, this.unparseable);
      if (warning) warnings.push(warning);
    }
    return finishTime(this.plan, this.first, this.mapping.time, out, reasons, this.clock?.clock ?? 'wall', warnings);
  }
}

/** `decodeTime`'s warning when half or more of the time texts could not be parsed, from the counts and the first bad value kept as met. */
function unparseableWarning(column: string, reasons: Uint8Array, first: { text: string; file: string; row: number }): string | null {
  let count = 0;
  let valued = 0;
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] !== DROP_CODE['time-null']) valued++;
    if (reasons[i] === DROP_CODE['time-unparseable']) count++;
  }
  if (count === 0 || count * 2 < valued) return null;
  return (
    `${count.toLocaleString('en-US')} value${count === 1 ? '' : 's'} of time column '${column}' could not be read as a date-time ` +
    `(the first: file '${first.file}' row ${first.row}, '${first.text}'): expected ISO-8601 (2018-01-31, 2018-01-31T23:59:00, ` +
    'optionally with Z or ±hh:mm) or a date with the year last (01/31/2018 11:59:00 PM as US portals export, 31.01.2018 23:59)'
  );
}

/**
 * Per-row arrays handed out batch by batch: allocated once when the files' row counts are known
 * up front, else grown by half again as batches arrive (the old arrays copied, then dropped).
 */
class GrowingRows {
  private arrays: RowArrays;
  private used = 0;

  constructor(
    capacity: number,
    private readonly mapping: ColumnMapping,
    private readonly floats?: (rows: number) => Float64Array,
  ) {
    this.arrays = newRowArrays(capacity, mapping, floats);
  }

  take(n: number): BatchRows {
    const need = this.used + n;
    if (need > this.arrays.reasons.length) this.grow(Math.max(need, Math.ceil(this.arrays.reasons.length * 1.5), 65_536));
    const start = this.used;
    this.used = need;
    const view = <T extends Uint8Array | Float64Array | Int32Array>(array: T): T => array.subarray(start, need) as T;
    const { reasons, time, lat, lng, codes, placeCodes } = this.arrays;
    return { start, reasons: view(reasons), time: view(time), lat: view(lat), lng: view(lng), codes: view(codes), placeCodes: placeCodes && view(placeCodes) };
  }

  /** The arrays holding exactly the rows taken. */
  done(): RowArrays {
    const { used } = this;
    if (used === this.arrays.reasons.length) return this.arrays;
    const cut = <T extends Uint8Array | Float64Array | Int32Array>(array: T): T => array.subarray(0, used) as T; // no second copy at the peak
    const { reasons, time, lat, lng, codes, placeCodes } = this.arrays;
    return { reasons: cut(reasons), time: cut(time), lat: cut(lat), lng: cut(lng), codes: cut(codes), placeCodes: placeCodes && cut(placeCodes) };
  }

  private grow(capacity: number): void {
    const next = newRowArrays(capacity, this.mapping, this.floats);
    const old = this.arrays;
    const used = this.used;
    next.reasons.set(old.reasons.subarray(0, used));
    next.time.set(old.time.subarray(0, used));
    next.lat.set(old.lat.subarray(0, used));
    next.lng.set(old.lng.subarray(0, used));
    next.codes.set(old.codes.subarray(0, used));
    if (next.placeCodes && old.placeCodes) next.placeCodes.set(old.placeCodes.subarray(0, used));
    this.arrays = next;
  }
}

/**
 * The second pass: stage 2 of the duplicate finder over the candidates (`repeatedByColumns`, each
 * repeating candidate → the earlier row it repeats) and the raw values of the picked example rows,
 * read from the batches that hold them (files without such rows are not read again).
 */
async function quoteRows(
  files: readonly BatchSource[],
  counted: readonly LoadedFile[],
  schemas: readonly RecordBatch['schema'][],
  mapping: ColumnMapping,
  candidates: Int32Array,
  picks: readonly { row: number; reason: DropReason }[],
): Promise<{ repeated: Map<number, number>; raw: Map<number, Record<string, string>> }> {
  const places: CandidatePlace[] = new Array<CandidatePlace>(candidates.length);
  const raw = new Map<number, Record<string, string>>();
  const wanted = picks;
  const keys = schemaKeys(schemas);
  let start = 0;
  let c = 0; // next candidate to quote
  for (const [f, file] of files.entries()) {
    const end = start + counted[f].table.numRows;
    const needed = (c < candidates.length && candidates[c] < end) || wanted.some((pick) => pick.row >= start && pick.row < end);
    if (needed) {
      // A batch held anyway is compared column by column when all are quoted (most rows settle at
      // their first value); any other batch is let go as the pass moves on, so its candidates'
      // row texts are taken now: the pass never holds more than one batch it read.
      const held = file.quoteHeld?.() === true;
      let at = start;
      for await (const batch of file.batches('quote')) {
        const next = at + batch.numRows;
        const columns = c < candidates.length && candidates[c] < next ? columnsOf(batch) : null;
        for (; columns && c < candidates.length && candidates[c] < next; c++) {
          places[c] = held ? { key: keys[f], columns, row: candidates[c] - at } : { key: keys[f], text: candidateText(columns, candidates[c] - at) };
        }
        for (const { row, reason } of wanted) if (row >= at && row < next) raw.set(row, rawExampleValues(batch, row - at, reason, mapping));
        at = next;
        // Nothing left to quote in this file: later files' rows are read with those files.
        if (!(c < candidates.length && candidates[c] < end) && !wanted.some((pick) => pick.row >= at && pick.row < end)) break;
      }
      // Rows the first pass had and this one did not reach: candidates, or the drop examples' rows (whose values would be missing).
      if ((c < candidates.length && candidates[c] < end) || wanted.some((pick) => pick.row >= at && pick.row < end)) {
        throw changedWhileRead(file.name, `${(at - start).toLocaleString('en-US')} rows read again, ${(end - start).toLocaleString('en-US')} at first`);
      }
    } else file.release?.();
    start = end;
  }
  return { repeated: repeatedByColumns(candidates, (c) => places[c]), raw };
}
