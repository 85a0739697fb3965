import { DataType, Dictionary, Int32, TimestampMillisecond, Utf8, makeData, makeVector, type Data, type Vector } from 'apache-arrow';
import type { BinReport } from './bin-incidents';
import { areaOf, isCell, resolutionOf } from './h3';
import type { Panel } from './panel';
import { BUCKET_UNITS, timeBucket, type BucketSpec, type BucketUnit } from './time-bucket';
import { dropScratch, takeInt32 } from '../base/scratch-memory';
import { isTimeZone } from '../base/time-zone';
import { arrowTableBytes, arrowTableChunks, vectorOfValues } from '../io/arrow-table-bytes';
import { decodeCategory } from '../io/decode-category';
import { decodeTime } from '../io/decode-time';
import { findColumn } from '../io/find-column';
import { InputError } from '../io/input-error';
import type { ArrowSource } from '../io/read-arrow';
import { readNumbers } from '../io/read-numbers';
import { validityOf } from '../io/validity';

const META_KEY = 'hexcast.panel';
const ORIGIN_KEY = 'hexcast.origin';

/**
 * Where a panel written by `hexcast bin` came from — the incident files, their fingerprint,
 * the row accounting (`read === kept + Σ dropped`) and the binning report (incidents in
 * partial first/last periods that were trimmed, with a note naming each) — so a panel file
 * still accounts for every row of its source. Same fields as a report's `data` section.
 */
export interface PanelOrigin {
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly rows: number }[];
  readonly sha256: string;
  readonly rows: { readonly read: number; readonly kept: number; readonly dropped: Readonly<Record<string, number>> };
  readonly mapping?: unknown;
  readonly binning?: BinReport;
}

/** Why a row of a pre-binned panel file was not used. */
export type PanelDropReason = 'cell-null' | 'cell-invalid' | 'period-null' | 'count-invalid';

/** Row accounting for a panel file: `read === used + Σ dropped`. */
export interface PanelFileReport {
  readonly read: number;
  readonly used: number;
  readonly dropped: Readonly<Record<PanelDropReason, number>>;
  /** Rows that repeated a (cell, period) pair already seen; their counts were added. */
  readonly duplicates: number;
  readonly warnings: readonly string[];
}

/**
 * Writes a panel as a long Arrow table — `cell` (H3 index as text), `period` (bucket start:
 * a zoned timestamp for instants, a zone-less one for wall-clock data), `count`, `area_m2` —
 * with one row per non-zero count (plus a zero row for a cell that is empty throughout, so no
 * cell is lost). Schema metadata `hexcast.panel` keeps the resolution, bucket and the exact
 * period span, so periods without any incident survive a round trip; `hexcast.origin`, when
 * `origin` is given, keeps where the panel came from (`PanelOrigin`, read by `panelFileOrigin`).
 */
export function panelFileBytes(panel: Panel, origin?: PanelOrigin): Uint8Array {
  return arrowTableBytes(...panelColumns(panel, origin));
}

/**
 * `panelFileBytes` as the Arrow writer's pieces in order (`arrowTableChunks`), for writing to
 * disk piece by piece: the same file, without a copy of every column into one buffer. One or two
 * pieces may be views of SharedArrayBuffers (the scratch memory of `takeInt32`): Node's file
 * writes take them; a browser's Blob, TextDecoder or Web Crypto would need a copy.
 * @example await writeFile('panel.arrow', panelFileChunks(panel, origin)) // same bytes as panelFileBytes(panel, origin)
 */
export function panelFileChunks(panel: Panel, origin?: PanelOrigin): AsyncIterable<Uint8Array> {
  return arrowTableChunks(...panelColumns(panel, origin));
}

/** The panel file's columns and schema metadata (`panelFileBytes`). */
function panelColumns(panel: Panel, origin?: PanelOrigin): [Record<string, Vector>, Record<string, string>] {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const { counts } = panel;
  // Two passes over the counts, the second writing each column's final buffer (dictionary keys,
  // int64 words, Int32 or Float32 counts) directly: a conversion pass per column took fresh
  // memory (faulted in page by page, slow on a VM) and a cold loop each.
  const seen = new Uint8Array(C);
  let rows = 0;
  let integral = true;
  for (let p = 0, i = 0; p < P; p++) {
    for (let c = 0; c < C; c++, i++) {
      const v = counts[i];
      if (v !== 0) {
        rows++;
        seen[c] = 1;
        if (integral && !Number.isInteger(v)) integral = false;
      }
    }
  }
  const empty = P > 0 ? seen.reduce((sum, s) => sum + (s ? 0 : 1), 0) : 0;
  const n = rows + empty;
  // The cell column's dictionary keys, numbered in order of first appearance as arrow-js's dictionary builder numbers them.
  const key = new Int32Array(C).fill(-1);
  const values: string[] = [];
  // Keys and counts in row-sized memory the binning gave back (`takeInt32`); the rest is let go.
  const keys = takeInt32(n);
  const count = integral ? takeInt32(n) : new Float32Array(n);
  dropScratch();
  const words = new Uint32Array(2 * n); // each period's int64 milliseconds, low word first
  const area = new Float64Array(n);
  const cellArea = panel.area;
  const put = (r: number, c: number, start: number): void => {
    if (key[c] < 0) {
      key[c] = values.length;
      values.push(panel.cells[c]);
    }
    keys[r] = key[c];
    const high = Math.floor(start / 4294967296);
    words[2 * r] = start - high * 4294967296;
    words[2 * r + 1] = high;
    area[r] = cellArea[c];
  };
  let r = 0;
  for (let p = 0; p < P; p++) {
    const base = p * C;
    const start = panel.periods[p];
    for (let c = 0; c < C; c++) {
      const v = counts[base + c];
      if (v !== 0) {
        put(r, c, start);
        count[r++] = v;
      }
    }
  }
  for (let c = 0; c < C && P > 0; c++) if (!seen[c]) put(r++, c, panel.periods[0]);
  return [
    {
      cell: cellDictionary(keys, values),
      period: timestampVector(words, panel.bucket.clock === 'instant' ? panel.bucket.timeZone : null),
      count: makeVector(count),
      area_m2: makeVector(area),
    },
    {
      'hexcast.format': 'panel',
      [META_KEY]: JSON.stringify({ version: 1, res: panel.res, bucket: panel.bucket, first: panel.periods[0], periods: P, end: panel.end }),
      ...(origin && {
        [ORIGIN_KEY]: JSON.stringify({ files: origin.files, sha256: origin.sha256, rows: origin.rows, mapping: origin.mapping, binning: origin.binning }),
      }),
    },
  ];
}

/** The `cell` column as a dictionary vector of `keys` into `values` (no string per row). */
function cellDictionary(keys: Int32Array, values: readonly string[]): Vector<Dictionary<Utf8, Int32>> {
  // Dictionary id 0, stated: arrow-js otherwise numbers each new Dictionary type from a counter
  // shared by the whole process, and the file's bytes would depend on what ran before.
  const type = new Dictionary(new Utf8(), new Int32(), 0);
  return makeVector(makeData({ type, length: keys.length, nullCount: 0, data: keys, dictionary: vectorOfValues(values, new Utf8()) }));
}

/** Millisecond timestamps (zoned, or zone-less for `zone` null) as a vector over their int64 words (low word first). */
function timestampVector(words: Uint32Array, zone: string | null): Vector<TimestampMillisecond> {
  const type = new TimestampMillisecond(zone);
  return makeVector(makeData({ type, length: words.length / 2, nullCount: 0, data: new BigInt64Array(words.buffer) }));
}

/**
 * The origin `hexcast bin` recorded in a panel file (`PanelOrigin`), or null when the file has
 * none (written elsewhere, or by an older Hexcast); throws an InputError when it is unreadable.
 */
export function panelFileOrigin(source: ArrowSource): PanelOrigin | null {
  const text = source.table.schema.metadata.get(ORIGIN_KEY);
  if (!text) return null;
  try {
    const origin = JSON.parse(text);
    if (Array.isArray(origin.files) && typeof origin.rows?.read === 'number') return origin as PanelOrigin;
  } catch {
    // fall through to the error
  }
  throw new InputError(`panel file '${source.name}' has unreadable '${ORIGIN_KEY}' metadata`, { code: 'panel-metadata', file: source.name });
}

/** True when a source looks like a pre-binned panel: it has `cell`, `period` and `count` columns. */
export function isPanelSource(source: ArrowSource): boolean {
  const names = new Set(source.table.schema.fields.map((f) => f.name));
  return names.has('cell') && names.has('period') && names.has('count');
}

/** True when a source carries Hexcast's panel metadata (written by `panelFileBytes`, i.e. `hexcast bin`), which fixes its resolution, bucket and span. */
export function hasPanelMetadata(source: ArrowSource): boolean {
  return source.table.schema.metadata.has(META_KEY);
}

/** Options for reading a panel made elsewhere (without Hexcast's metadata). */
export interface PanelFileOptions {
  /** Bucket unit; default: the file's metadata, else inferred from the spacing of periods. */
  readonly unit?: BucketUnit;
  /** IANA zone; default: the file's metadata, the period column's zone, else UTC. */
  readonly timeZone?: string;
}

/**
 * Reads a pre-binned panel — written by `hexcast bin`, or by a bigger engine (DuckDB, Spark
 * with their H3 functions) as a long table of `cell` (H3 index as text or as a 64-bit
 * integer), `period` (bucket start: Timestamp, Date or ISO text) and `count`. Periods must lie
 * on bucket boundaries; the panel is made dense (missing cell-periods are 0) over every
 * period from the first to the last. Rows with a null or invalid cell, a null period or a
 * missing/negative count are counted as dropped; repeated (cell, period) rows are summed and
 * counted. Several files are read as one.
 */
export function readPanelFile(sources: readonly ArrowSource[], options: PanelFileOptions = {}): { panel: Panel; report: PanelFileReport } {
  const name = sources.map((s) => s.name).join(', ');
  const rows = sources.reduce((n, s) => n + s.table.numRows, 0);
  if (rows === 0) throw new InputError(`panel file ${name} has no rows`, { code: 'panel-no-rows', file: sources[0]?.name });
  const meta = metadataOf(sources[0]);
  // Cells: text or 64-bit integers.
  const cellInputs = findColumn(sources, 'cell', 'H3 cell');
  const cellText: (string | null)[] = new Array(rows);
  for (const input of cellInputs) {
    const type = input.field.type;
    let at = input.start;
    if (DataType.isInt(type) && type.bitWidth === 64) {
      // An engine's file repeats each cell on every period: convert each distinct id once, looked up by its two 32-bit words (no BigInt per row).
      const texts = new Map<number, Map<number, string>>();
      for (const data of input.vector.data) {
        const values = data.values as BigUint64Array | BigInt64Array;
        const words = new Uint32Array(values.buffer, values.byteOffset, data.length * 2);
        const valid = validityOf(data);
        for (let i = 0; i < data.length; i++) {
          if (valid && !valid[i]) {
            cellText[at + i] = null;
            continue;
          }
          const hi = words[2 * i + 1];
          let byLow = texts.get(hi);
          if (byLow === undefined) texts.set(hi, (byLow = new Map()));
          let text = byLow.get(words[2 * i]);
          if (text === undefined) byLow.set(words[2 * i], (text = BigInt.asUintN(64, BigInt(values[i])).toString(16)));
          cellText[at + i] = text;
        }
        at += data.length;
      }
    } else {
      const codes = new Int32Array(input.source.table.numRows);
      const dictionary = decodeCategory([{ ...input, start: 0 }], codes);
      for (let i = 0; i < codes.length; i++) cellText[at + i] = codes[i] < 0 ? null : dictionary[codes[i]];
    }
  }
  // Periods and counts.
  const periodOut = new Float64Array(rows);
  const periodReasons = new Uint8Array(rows);
  const decoded = decodeTime(findColumn(sources, 'period', 'period'), { column: 'period' }, periodOut, periodReasons);
  const counts = new Float64Array(rows);
  for (const input of findColumn(sources, 'count', 'count')) {
    if (!DataType.isInt(input.field.type) && !DataType.isFloat(input.field.type)) {
      throw new InputError(`column 'count' in file '${input.source.name}' has type ${String(input.field.type)}: expected integers or floats`, {
        code: 'column-type',
        file: input.source.name,
        column: 'count',
      });
    }
    let at = input.start;
    for (const data of input.vector.data as Data[]) {
      readNumbers(data, counts, at);
      at += data.length;
    }
  }

  const dropped: Record<PanelDropReason, number> = { 'cell-null': 0, 'cell-invalid': 0, 'period-null': 0, 'count-invalid': 0 };
  const use = new Uint8Array(rows);
  let res = meta?.res ?? -1;
  // Each distinct cell is checked once: its resolution, or -1 when it is no H3 cell.
  const resolutions = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const cell = cellText[i];
    let cellRes = cell === null ? -1 : resolutions.get(cell);
    if (cell !== null && cellRes === undefined) resolutions.set(cell, (cellRes = isCell(cell) ? resolutionOf(cell) : -1));
    if (cell === null) dropped['cell-null']++;
    else if (cellRes === -1) dropped['cell-invalid']++;
    else if (periodReasons[i] !== 0 || !Number.isFinite(periodOut[i])) dropped['period-null']++;
    else if (!(counts[i] >= 0) || !Number.isFinite(counts[i])) dropped['count-invalid']++;
    else {
      const r = cellRes!;
      if (res < 0) res = r;
      if (r !== res) {
        throw new InputError(`panel file ${name} mixes H3 resolutions: row ${i} has cell '${cell}' at resolution ${r}, earlier rows are at ${res}`, {
          code: 'panel-mixed-resolutions',
          file: sources[0].name,
          row: i,
          column: 'cell',
        });
      }
      use[i] = 1;
    }
  }
  const usedRows = use.reduce((n, v) => n + v, 0);
  if (usedRows === 0) throw new InputError(`panel file ${name}: no row has a valid cell, period and count`, { code: 'panel-no-rows', file: sources[0].name });

  const clock = meta?.bucket.clock ?? decoded.clock;
  const timeZone = options.timeZone ?? meta?.bucket.timeZone ?? decoded.declaredZone?.value ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw new InputError(`unknown time zone '${timeZone}' for panel file ${name}`, { code: 'time-zone-unknown', field: 'panel.timeZone' });
  const unit = options.unit ?? meta?.bucket.unit ?? inferUnit(periodOut, use, name, timeZone, clock);
  const spec: BucketSpec = { unit, timeZone, clock };
  const bucket = timeBucket(spec);
  let min = Infinity;
  let max = -Infinity;
  const onGrid = new Set<number>(); // periods already found on a bucket start: each distinct period is floored once
  for (let i = 0; i < rows; i++) {
    if (!use[i]) continue;
    const t = periodOut[i];
    if (!onGrid.has(t) && bucket.floor(t) !== t) {
      throw new InputError(
        `panel file ${name}, row ${i}: period ${new Date(t).toISOString()} is not the start of a ${unit} bucket in ${timeZone}` +
          (unit === 'week' ? ' (weeks start on Monday)' : ''),
        { code: 'panel-bucket-unknown', file: sources[0].name, column: 'period', row: i, field: 'panel.unit' },
      );
    }
    onGrid.add(t);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const first = meta && meta.first <= min ? meta.first : min;
  let periods = bucket.range(first, max + 1);
  if (meta && meta.periods > periods.length) {
    const all: number[] = [];
    for (let t = first, p = 0; p < meta.periods; p++, t = bucket.offset(t, 1)) all.push(t);
    periods = Float64Array.from(all);
  }
  const end = bucket.offset(periods[periods.length - 1], 1);
  const cells = [...new Set(cellText.filter((_cell, i): _cell is string => use[i] === 1))].sort();
  const position = new Map(cells.map((c, i) => [c, i]));
  const C = cells.length;
  const P = periods.length;
  const panelCounts = new Float32Array(P * C);
  const filled = new Uint8Array(P * C);
  let duplicates = 0;
  const periodIndex = new Map<number, number>();
  periods.forEach((t, p) => periodIndex.set(t, p));
  for (let i = 0; i < rows; i++) {
    if (!use[i]) continue;
    const k = periodIndex.get(periodOut[i])! * C + position.get(cellText[i]!)!;
    if (filled[k]) duplicates++;
    filled[k] = 1;
    panelCounts[k] += counts[i];
  }
  const warnings = [...decoded.warnings];
  if (duplicates) warnings.push(`${duplicates} rows repeated a (cell, period) pair; their counts were added together`);
  const panel: Panel = { res, bucket: spec, cells, area: Float64Array.from(cells, areaOf), periods, end, counts: panelCounts };
  return { panel, report: { read: rows, used: usedRows, dropped, duplicates, warnings } };
}

function metadataOf(source: ArrowSource): { res: number; bucket: BucketSpec; first: number; periods: number; end: number } | null {
  const text = source.table.schema.metadata.get(META_KEY);
  if (!text) return null;
  try {
    const meta = JSON.parse(text);
    if (typeof meta.res === 'number' && BUCKET_UNITS.includes(meta.bucket?.unit) && typeof meta.first === 'number') return meta;
  } catch {
    // fall through: treat as a panel without metadata
  }
  throw new InputError(`panel file '${source.name}' has unreadable '${META_KEY}' metadata`, { code: 'panel-metadata', file: source.name });
}

/**
 * The bucket unit of a panel made elsewhere: the smallest gap between distinct periods bounds
 * it from above (a gap under a day → hours; under a week → days; under 28 days → weeks), and
 * the coarsest unit at or below that bound on whose grid every period lies is taken — so a
 * daily panel with missing days is still daily.
 */
function inferUnit(periods: Float64Array, use: Uint8Array, name: string, timeZone: string, clock: BucketSpec['clock']): BucketUnit {
  const distinct = [...new Set(Array.from(periods).filter((_, i) => use[i]))].sort((a, b) => a - b);
  if (distinct.length < 2)
    throw new InputError(`panel file ${name} has a single period: state the bucket unit (hour, day, week or month)`, {
      code: 'panel-bucket-unknown',
      field: 'panel.unit',
    });
  let gap = Infinity;
  for (let i = 1; i < distinct.length; i++) gap = Math.min(gap, distinct[i] - distinct[i - 1]);
  const hours = gap / 3_600_000;
  const bound = hours < 23 ? 0 : hours < 7 * 24 - 1 ? 1 : hours < 28 * 24 - 1 ? 2 : 3;
  for (let u = bound; u >= 0; u--) {
    const bucket = timeBucket({ unit: BUCKET_UNITS[u], timeZone, clock });
    if (distinct.every((t) => bucket.floor(t) === t)) return BUCKET_UNITS[u];
  }
  throw new InputError(`panel file ${name}: its periods lie on no hour, day, week or month grid in ${timeZone}; state the bucket unit and zone`, {
    code: 'panel-bucket-unknown',
    field: 'panel.unit',
  });
}
