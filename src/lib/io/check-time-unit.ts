import type { Data } from 'apache-arrow';
import type { EpochUnit } from './column-mapping';
import type { ColumnInput } from './find-column';
import { formatTime } from './format-cell';
import { unitOfMagnitude } from './infer-epoch-unit';
import { InputError } from './input-error';
import { REMEDY_PHRASES } from './load-remedies';
import { readNumbers, sampleNumbers } from './read-numbers';

const MS_PER_UNIT: Record<EpochUnit, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
const MAX_MS = 8.64e15;

/**
 * Checks a time column's unit against its values: when more than half of its first 10,000
 * values lie in another unit's 1973–2286 range (`unitOfMagnitude`), the declared unit is wrong — epoch seconds in a Timestamp[ms] land in January 1970,
 * nanoseconds beyond the year 275,760. A unit the file's type declares (`explicit` false) is then
 * an InputError ('time-unit-implausible') with the values' range read both ways and the unit to
 * declare; a unit the user declared (`explicit` true) is kept, and the same text comes back as a
 * warning. Null when the unit fits (or no other unit does: data of 1970–1973 stays as declared).
 *
 * @example
 * checkTimeUnit(findColumn([secondsAsMs], 'occurred_at', 'time'), 'ms', false)
 * // throws "time column 'occurred_at' in file 'p.arrow' holds values 1519479000 … 1546300800 (median 1.53e9):
 * //   read as ms they fall on 1970-01-18T14:04:39.000 … 1970-01-18T21:31:40.800, as epoch s on
 * //   2018-02-24T13:30:00.000 … 2019-01-01T00:00:00.000: declare the unit s with the time unit setting (mapping.time.unit)"
 */
export function checkTimeUnit(inputs: readonly ColumnInput[], declared: EpochUnit, explicit: boolean): string | null {
  const chunks = inputs.flatMap((input) => input.vector.data as Data[]);
  const sample = sampleNumbers(chunks, 10_000).map(Math.abs);
  const inUnit = new Map<EpochUnit | null, number>();
  for (const v of sample) inUnit.set(unitOfMagnitude(v), (inUnit.get(unitOfMagnitude(v)) ?? 0) + 1);
  const fits = [...inUnit].find(([unit, n]) => unit !== null && n > sample.length / 2)?.[0] ?? null;
  if (fits === null || fits === declared) return null;
  sample.sort((a, b) => a - b);
  const median = sample[sample.length >> 1];
  let min = Infinity;
  let max = -Infinity;
  for (const data of chunks) {
    const values = new Float64Array(data.length);
    readNumbers(data, values, 0);
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const { field, source } = inputs[0];
  const span = (unit: EpochUnit): string => `${show(min * MS_PER_UNIT[unit])} … ${show(max * MS_PER_UNIT[unit])}`;
  const text =
    `time column '${field.name}' in file '${source.name}' holds values ${min} … ${max} (median ${median.toPrecision(3)}): ` +
    `read as ${declared} they fall on ${span(declared)}, as epoch ${fits} on ${span(fits)}`;
  if (explicit) return `${text}: kept as ${declared} because the mapping declares it; is the unit ${fits}?`;
  // The setting in its neutral phrase, which each shell words as its own control (the CLI's --time-unit, the app's field).
  throw new InputError(`${text}: declare the unit ${fits} ${REMEDY_PHRASES.declareUnit} (mapping.time.unit)`, {
    code: 'time-unit-implausible',
    file: source.name,
    column: field.name,
    field: 'mapping.time.unit',
  });
}

function show(ms: number): string {
  return Math.abs(ms) <= MAX_MS ? formatTime(ms, 'wall') : `beyond the year 275,760 (${ms.toExponential(2)} ms)`;
}
