import { DataType, type Data } from 'apache-arrow';
import { InputError } from '../base/hexcast-error';
import type { ExternalKind } from '../evaluate/external-model';
import { decodeCategory } from '../io/decode-category';
import { decodeLocation } from '../io/decode-location';
import { decodeTime } from '../io/decode-time';
import { findColumn } from '../io/find-column';
import { DROP_REASONS, type Clock } from '../io/incidents';
import type { ArrowSource } from '../io/read-arrow';
import { readNumbers } from '../io/read-numbers';
import { validityOf } from '../io/validity';
import { detectForecastColumns, type ForecastColumns } from './detect-forecast-columns';
import { FORECAST_DROP_CODE } from './forecast-drop-reasons';

/** How to read a forecast file: what it holds, and what the file cannot say itself. */
export interface ForecastFileOptions {
  /** 'count', 'score' or 'flags'; default: detected when matched (`resolveKind`). */
  readonly kind?: ExternalKind;
  /** CRS of x/y columns (an EPSG code, proj4 or WKT, loaded with `loadCrs` first); default: the file's own. */
  readonly crs?: string;
  /** Side of the square box each flagged point stands for, in metres (PredPol's 500 ft = 152.4 m); default: the point's cell only. */
  readonly boxSide?: number;
}

/** A forecast file decoded once: its columns by role, one entry per row, and the rows already unusable. */
export interface ForecastFile {
  readonly source: ArrowSource;
  readonly columns: ForecastColumns;
  readonly options: ForecastFileOptions;
  readonly rows: number;
  /** Period start of each row (epoch ms on `clock`). */
  readonly period: Float64Array;
  readonly clock: Clock;
  /** When each forecast was made (a fold's cutoff), if the file says. */
  readonly cutoff: Float64Array | null;
  /** H3 index of each row (per-cell shape), null where missing. */
  readonly cell: readonly (string | null)[] | null;
  /** WGS84 location of each row (point and flag shapes). */
  readonly lat: Float64Array | null;
  readonly lng: Float64Array | null;
  /** The forecast value of each row (NaN where null); null for flags. */
  readonly value: Float64Array | null;
  /** `FORECAST_DROP_CODE` of each row found while decoding (0 = usable so far). */
  readonly reasons: Uint8Array;
  readonly warnings: readonly string[];
}

/**
 * Reads a forecast file made elsewhere: detects its columns (`detectForecastColumns`), decodes
 * the period (and cutoff) with the incident loader's `decodeTime` — every time encoding it
 * accepts — the place as H3 text or 64-bit integers, or with `decodeLocation` (x/y through the
 * CRS given or the file's), and the value as numbers. Rows with a null or unparseable time, a
 * null place, or (unless flags) a null or non-finite value are marked with their reason;
 * nothing else is decided before the panel is known (`matchForecastFile`). Throws an
 * InputError naming the file and column for a column of the wrong type, x/y without a CRS, or
 * no rows.
 */
export function readForecastFile(source: ArrowSource, options: ForecastFileOptions = {}): ForecastFile {
  const columns = detectForecastColumns(source);
  const rows = source.table.numRows;
  if (rows === 0) throw new InputError(`forecast file '${source.name}' has no rows`, { code: 'no-rows', file: source.name });
  if (options.boxSide !== undefined && !(options.boxSide > 0 && Number.isFinite(options.boxSide))) {
    throw new InputError(`box side must be a positive number of metres, got ${options.boxSide}`, { code: 'external-kind', field: 'external.boxSide' });
  }
  const sources = [source];
  const incidentCodes = new Uint8Array(rows);
  const reasons = new Uint8Array(rows);
  const period = new Float64Array(rows);
  const decoded = decodeTime(findColumn(sources, columns.period, 'period'), { column: columns.period }, period, incidentCodes);
  translate(incidentCodes, reasons);
  const warnings = [...decoded.warnings];
  let cutoff: Float64Array | null = null;
  if (columns.cutoff) {
    cutoff = new Float64Array(rows);
    const codes = new Uint8Array(rows);
    decodeTime(findColumn(sources, columns.cutoff, 'cutoff'), { column: columns.cutoff, clock: decoded.clock }, cutoff, codes);
    for (let i = 0; i < rows; i++) if (codes[i] !== 0 && reasons[i] === 0) reasons[i] = FORECAST_DROP_CODE['cutoff-unparseable'];
  }
  let cell: (string | null)[] | null = null;
  let lat: Float64Array | null = null;
  let lng: Float64Array | null = null;
  if (columns.cell) {
    cell = readCells(source, columns.cell);
    for (let i = 0; i < rows; i++) if (cell[i] === null && reasons[i] === 0) reasons[i] = FORECAST_DROP_CODE['cell-null'];
  } else if (columns.location) {
    let mapping = columns.location;
    if (mapping.kind === 'xy') {
      const crs = options.crs ?? mapping.crs;
      if (!crs) {
        throw new InputError(
          `forecast file '${source.name}': x/y columns '${mapping.x}', '${mapping.y}' need a CRS (an EPSG code such as EPSG:2913, or proj4)`,
          {
            code: 'crs-unknown',
            file: source.name,
            column: mapping.x,
            field: 'external.crs',
          },
        );
      }
      mapping = { ...mapping, crs };
    }
    lat = new Float64Array(rows);
    lng = new Float64Array(rows);
    const codes = new Uint8Array(rows);
    const location = decodeLocation(sources, mapping as Parameters<typeof decodeLocation>[1], lat, lng, codes);
    warnings.push(...location.warnings);
    for (let i = 0; i < rows; i++)
      if (reasons[i] === 0 && codes[i] !== 0) reasons[i] = FORECAST_DROP_CODE[DROP_REASONS[codes[i] - 1] as 'location-null' | 'location-unparseable'];
  }
  let value: Float64Array | null = null;
  if (columns.value && options.kind !== 'flags') {
    value = new Float64Array(rows);
    let at = 0;
    for (const data of findColumn(sources, columns.value, 'forecast')[0].vector.data as Data[]) {
      readNumbers(data, value, at);
      at += data.length;
    }
    for (let i = 0; i < rows; i++) if (reasons[i] === 0 && !Number.isFinite(value[i])) reasons[i] = FORECAST_DROP_CODE['value-invalid'];
  }
  return { source, columns, options, rows, period, clock: decoded.clock, cutoff, cell, lat, lng, value, reasons, warnings };
}

/** H3 indexes of a text, dictionary or 64-bit integer column (lower-case hex), null where missing. */
function readCells(source: ArrowSource, column: string): (string | null)[] {
  const [input] = findColumn([source], column, 'H3 cell');
  const rows = source.table.numRows;
  const out: (string | null)[] = new Array(rows);
  const type = input.field.type;
  if (DataType.isInt(type) && type.bitWidth === 64) {
    let at = 0;
    for (const data of input.vector.data) {
      const values = data.values as BigUint64Array | BigInt64Array;
      const valid = validityOf(data);
      for (let i = 0; i < data.length; i++) out[at + i] = valid && !valid[i] ? null : BigInt.asUintN(64, BigInt(values[i])).toString(16);
      at += data.length;
    }
    return out;
  }
  if (!DataType.isUtf8(type) && !DataType.isDictionary(type)) {
    throw new InputError(`column '${column}' in forecast file '${source.name}' has type ${String(type)}: expected H3 indexes as text or 64-bit integers`, {
      code: 'column-type',
      file: source.name,
      column,
    });
  }
  const codes = new Int32Array(rows);
  const dictionary = decodeCategory([input], codes);
  for (let i = 0; i < rows; i++) out[i] = codes[i] < 0 ? null : dictionary[codes[i]].trim().toLowerCase();
  return out;
}

/** Incident drop codes of the time decoder → forecast drop codes (a time reason with no forecast twin is a bug, not a used row). */
function translate(incident: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < incident.length; i++) {
    if (incident[i] === 0 || out[i] !== 0) continue;
    const reason = DROP_REASONS[incident[i] - 1];
    const code = (FORECAST_DROP_CODE as Readonly<Record<string, number>>)[reason];
    if (code === undefined) throw new Error(`read-forecast-file: the time decoder's drop reason '${reason}' has no forecast-file counterpart`);
    out[i] = code;
  }
}
