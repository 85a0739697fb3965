import { DataType, type Field, type Schema } from 'apache-arrow';
import { isTimeZone } from '../base/time-zone';
import type { TimeMapping } from './column-mapping';
import { scoreName } from './column-tokens';
import { timeFamily } from './decode-time';
import type { Clock } from './incidents';
import { EPOCH_VALUES, inferEpochUnit } from './infer-epoch-unit';
import { timeZoneHint, type MetadataHint } from './metadata-hints';
import { IsoKind, parseIsoString } from './parse-iso-time';
import { parseSlashString } from './parse-slash-time';
import type { ArrowSource } from './read-arrow';

/** A possible time column, with the mapping to use, its clock (if known), a score and why. */
export interface TimeCandidate {
  readonly mapping: TimeMapping;
  readonly clock: Clock | null;
  readonly score: number;
  readonly reason: string;
  /** The zone the file declares for the column and where (the Timestamp type or its metadata); `reason` ends with it. */
  readonly declaredZone?: MetadataHint;
}

/** Name words and how strongly each says "the time of the incident" (negative: another time). */
const TIME_WORDS: Readonly<Record<string, number>> = {
  date: 2,
  time: 2,
  datetime: 2,
  timestamp: 2,
  ts: 1,
  dt: 1,
  when: 1,
  occurred: 2,
  occ: 1,
  occurrence: 2,
  incident: 1,
  offense: 1,
  offence: 1,
  event: 1,
  crime: 1,
  start: 1,
  reported: -1,
  report: -1,
  received: -1,
  dispatch: -1,
  end: -1,
  created: -2,
  closed: -2,
  cleared: -2,
  updated: -3,
  modified: -3,
  year: -2,
  month: -2,
  dow: -2,
  weekday: -2,
  hour: -1,
  week: -1,
};

/**
 * Ranks the columns that could hold the incident time, best first: Timestamp and Date columns
 * (score 3 + name), ISO-8601 string columns whose first 200 values mostly parse (2 + name), and
 * numeric columns named like a time whose magnitude gives an epoch unit (1 + name). The name
 * score adds the weights of words such as 'date' (+2), 'occurred' (+2) or 'updated' (−3). The
 * zone comes from the Timestamp type or the file's metadata (`timeZoneHint`). Without `source`
 * (a bare schema) values are not examined. With `only`, just the column of that name is
 * examined (a mapping that names its time column: the other columns' values are never parsed).
 *
 * @example
 * suggestTime(chicago.table.schema, chicago)[0].mapping
 * // → { column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' }
 */
export function suggestTime(schema: Schema, source: ArrowSource | null, only?: string): TimeCandidate[] {
  const candidates: TimeCandidate[] = [];
  schema.fields.forEach((field, index) => {
    if (only !== undefined && field.name !== only) return;
    const family = timeFamily(field.type);
    if (family === null) return;
    const name = scoreName(field.name, TIME_WORDS);
    const named = name.words.length > 0 ? `, named '${field.name}' (${name.words.join(', ')})` : '';
    const data = source?.table.getChildAt(index)?.data ?? null;
    let mapping: TimeMapping = { column: field.name, encoding: 'auto' };
    let clock: Clock | null = null;
    let score = name.score;
    let reason = `${String(field.type)} column${named}`;
    if (family === 'zoned timestamp' || family === 'wall-clock timestamp or date') {
      score += 3;
      clock = family === 'zoned timestamp' ? 'instant' : 'wall';
      reason += family === 'zoned timestamp' ? ': instants' : ': wall-clock readings';
    } else if (family === 'numeric epoch') {
      if (name.score <= 0) return;
      if (data) {
        const { unit, median } = inferEpochUnit(data);
        if (unit === null) return;
        mapping = { ...mapping, encoding: 'epoch', unit };
        reason += `: values look like epoch ${unit} (median ${median.toPrecision(3)})`;
      } else {
        mapping = { ...mapping, encoding: 'epoch' };
        reason += ': numbers, possibly an epoch (declare the unit)';
      }
      clock = 'instant';
      score += 1;
    } else {
      if (source) {
        const share = isoShare(source, index);
        if (share.parsed < 0.9) return;
        clock = share.instant ? 'instant' : 'wall';
        reason += `: ${Math.round(share.parsed * 100)} % of the first values parse as ISO-8601${share.instant ? ' with an offset' : ''}`;
        score += 2;
      } else if (name.score <= 0) return;
      mapping = { ...mapping, encoding: 'iso' };
    }
    const zone = declaredZone(schema, index);
    if (zone) {
      mapping = { ...mapping, timeZone: zone.value };
      reason += declaredZoneText(zone);
    }
    candidates.push({ mapping, clock, score, reason, ...(zone && { declaredZone: zone }) });
  });
  return candidates.sort((a, b) => b.score - a.score);
}

/** Leading non-null values of a string column that `suggestTime` parses as ISO-8601. */
export const ISO_VALUES = 200;

/**
 * How many of a column's leading values `suggestTime` reads: `EPOCH_VALUES` finite numbers of a
 * numeric column named like a time (whose epoch unit it infers), `ISO_VALUES` non-null strings of a
 * string column, and none of any other column (a Timestamp or Date is known by its type).
 * @example timeValuesRead(new Field('occurred_epoch', new Int64())) // → 10000; timeValuesRead(new Field('date', new Utf8())) // → 200
 */
export function timeValuesRead(field: Field): number {
  const family = timeFamily(field.type);
  if (family === 'numeric epoch') return scoreName(field.name, TIME_WORDS).score > 0 ? EPOCH_VALUES : 0;
  return family === 'ISO-8601 strings' ? ISO_VALUES : 0;
}

/**
 * How a time candidate's reason names the zone its file declares.
 * @example declaredZoneText({ value: 'America/Chicago', source: "schema metadata 'occurred_at'" }) // → "; zone America/Chicago from schema metadata 'occurred_at'"
 */
export function declaredZoneText(zone: MetadataHint): string {
  return `; zone ${zone.value} from ${zone.source}`;
}

function declaredZone(schema: Schema, index: number): MetadataHint | null {
  const field = schema.fields[index];
  if (DataType.isTimestamp(field.type) && field.type.timezone && isTimeZone(field.type.timezone)) {
    return { value: field.type.timezone, source: 'the Timestamp type' };
  }
  return timeZoneHint(schema, field);
}

/** Share of the first 200 non-null values that parse as ISO-8601, and whether they carry offsets. */
function isoShare(source: ArrowSource, index: number): { parsed: number; instant: boolean } {
  const vector = source.table.getChildAt(index);
  let seen = 0;
  let parsed = 0;
  let instants = 0;
  for (let i = 0; vector && i < vector.length && seen < ISO_VALUES; i++) {
    const value: unknown = vector.get(i);
    if (value === null || value === undefined) continue;
    seen++;
    const result = parseIsoString(String(value)) ?? parseSlashString(String(value));
    if (result) {
      parsed++;
      if (result.kind === IsoKind.Instant) instants++;
    }
  }
  return { parsed: seen === 0 ? 0 : parsed / seen, instant: instants > parsed / 2 };
}
