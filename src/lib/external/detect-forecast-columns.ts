import { DataType, type Field, type Schema } from 'apache-arrow';
import { InputError } from '../base/hexcast-error';
import { timeFamily } from '../io/decode-time';
import { isNumericType } from '../io/read-numbers';
import type { ArrowSource } from '../io/read-arrow';
import { suggestLocation } from '../io/suggest-location';
import { suggestTime } from '../io/suggest-time';

/** Names (lower case, `_`/`-`/spaces removed) each role is recognised by, best first. */
const NAMES = {
  period: ['period', 'periodstart', 'forecastperiod', 'start', 'date', 'day', 'week', 'shiftstart', 'time', 'timestamp'],
  cutoff: ['cutoff', 'issued', 'issuedat', 'madeat', 'origin', 'forecastorigin'],
  cell: ['cell', 'h3', 'h3index', 'h3cell', 'hex', 'hexid', 'cellid'],
  value: [
    'forecast',
    'expected',
    'expectedcount',
    'prediction',
    'predicted',
    'value',
    'count',
    'intensity',
    'rate',
    'score',
    'risk',
    'riskscore',
    'probability',
    'prob',
    'rank',
  ],
} as const;

/** Value-column names that say "a risk score, not a count". */
export const SCORE_NAMES: readonly string[] = ['score', 'risk', 'riskscore', 'probability', 'prob', 'rank'];

/** How the columns of a forecast file were read, by role, and why. */
export interface ForecastColumns {
  readonly shape: 'cell' | 'point' | 'flag';
  readonly period: string;
  readonly cutoff: string | null;
  readonly cell: string | null;
  readonly location:
    | { readonly kind: 'latlng'; readonly lat: string; readonly lng: string }
    | { readonly kind: 'xy'; readonly x: string; readonly y: string; readonly crs: string | null }
    | null;
  readonly value: string | null;
  /** One sentence per choice. */
  readonly reason: string;
}

/** Lower case without separators: 'Period_Start' → 'periodstart'. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}

/**
 * Detects the shape of a forecast file from its column names and types, like the incident
 * loader's mapping: `period` (a time column: by name, else the incident loader's best time
 * column), an optional `cutoff` (when each forecast was made), then the place — `cell` (H3
 * index as text or 64-bit integer) for the per-cell shape, else latitude/longitude or x/y (the
 * incident loader's location rules) — and a numeric value column (`forecast`, `expected`,
 * `score`, …). Places with a value are the per-point shape; places without one are flags.
 * Throws an InputError naming the file and its columns when no period or no place is found.
 * @example detectForecastColumns(source).reason
 * // → "period: 'period' (timestamp[ms]); place: 'cell' (H3 index as Dictionary<Int32, Utf8>); value: 'forecast' (Float32)"
 */
export function detectForecastColumns(source: ArrowSource): ForecastColumns {
  const schema: Schema = source.table.schema;
  const fields = schema.fields;
  const names = fields.map((f) => f.name).join(', ');
  const byName = (role: keyof typeof NAMES, accept: (f: Field) => boolean): Field | undefined => {
    for (const wanted of NAMES[role]) {
      const field = fields.find((f) => normaliseName(f.name) === wanted && accept(f));
      if (field) return field;
    }
    return undefined;
  };
  const isTime = (f: Field) => timeFamily(f.type) !== null;
  const cutoffField = byName('cutoff', isTime);
  let periodField = byName('period', (f) => isTime(f) && f !== cutoffField);
  const parts: string[] = [];
  if (periodField) parts.push(`period: '${periodField.name}' (${String(periodField.type)}, by name)`);
  else {
    const candidate = suggestTime(schema, source).find((c) => c.mapping.column !== cutoffField?.name);
    periodField = candidate && fields.find((f) => f.name === candidate.mapping.column);
    if (periodField) parts.push(`period: '${periodField.name}' (${candidate!.reason})`);
  }
  if (!periodField) {
    throw new InputError(
      `forecast file '${source.name}' has no period column: expected a column 'period' (start of the forecast period: Timestamp, Date, epoch or ISO-8601 text); columns: ${names}`,
      { code: 'external-columns', file: source.name, column: 'period' },
    );
  }
  if (cutoffField) parts.push(`cutoff: '${cutoffField.name}' (each forecast matched to the fold with that cutoff)`);
  const cellField = byName('cell', (f) => DataType.isUtf8(f.type) || DataType.isDictionary(f.type) || (DataType.isInt(f.type) && f.type.bitWidth === 64));
  const used = new Set([periodField.name, cutoffField?.name, cellField?.name]);
  let location: ForecastColumns['location'] = null;
  if (cellField) parts.push(`place: '${cellField.name}' (H3 index as ${String(cellField.type)})`);
  else {
    const best = suggestLocation(schema, source)[0];
    if (best) {
      location = best.kind === 'latlng' ? { kind: 'latlng', lat: best.lat, lng: best.lng } : { kind: 'xy', x: best.x, y: best.y, crs: best.crs };
      used.add(best.kind === 'latlng' ? best.lat : best.x);
      used.add(best.kind === 'latlng' ? best.lng : best.y);
      parts.push(`place: ${best.reason}`);
    }
  }
  if (!cellField && !location) {
    throw new InputError(
      `forecast file '${source.name}' has no place: expected a column 'cell' (H3 index as text or 64-bit integer), or latitude/longitude or x/y columns; columns: ${names}`,
      { code: 'external-columns', file: source.name, column: 'cell' },
    );
  }
  const valueField = byName('value', (f) => isNumericType(f.type) && !used.has(f.name));
  if (valueField) parts.push(`value: '${valueField.name}' (${String(valueField.type)})`);
  else parts.push('value: none (no numeric forecast, expected, score… column): each row flags a place');
  const shape = !valueField ? 'flag' : cellField ? 'cell' : 'point';
  return {
    shape,
    period: periodField.name,
    cutoff: cutoffField?.name ?? null,
    cell: cellField?.name ?? null,
    location,
    value: valueField?.name ?? null,
    reason: parts.join('; '),
  };
}
