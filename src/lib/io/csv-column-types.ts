import { Field, Float64, Int32, Schema, Utf8, type DataType } from 'apache-arrow';
import type { CsvRawBatch } from './csv-parser';
import { ANY_NUMBER, NUMBER_FORMAT_TEXT, NumberFormat, chooseNumberFormat, classifyNumber, parseNumber } from './number-format';

/** The schema metadata key under which a CSV table keeps its delimiter. */
export const CSV_DELIMITER_KEY = 'hexcast:csv-delimiter';

/**
 * The delimiter of the CSV file a table was read from (`CSV_DELIMITER_KEY`), or '' for a table
 * that is no CSV (Arrow, Parquet, GeoJSON).
 * @example csvDelimiter(readCsv(bytes('a;b\n1;2\n'), 'x.csv').table.schema) // → ';'
 */
export function csvDelimiter(schema: Schema): string {
  return schema.metadata.get(CSV_DELIMITER_KEY) ?? '';
}

/** How one CSV column becomes Arrow: text (Utf8), or numbers in a `NumberFormat` as Int32 or Float64. */
export interface CsvColumnPlan {
  readonly name: string;
  readonly kind: 'utf8' | 'int32' | 'float64';
  /** The `NumberFormat` numbers are read in (null for text). */
  readonly format: number | null;
}

/** The column plans, the Arrow schema they give, and one note per numeric column saying how it was read. */
export interface CsvColumnTypes {
  readonly plans: readonly CsvColumnPlan[];
  readonly schema: Schema;
  readonly notes: readonly string[];
}

/** The running masks of a file's columns: `observeCsvBatch` narrows them batch by batch. */
export interface CsvColumnEvidence {
  /** Per column: the AND of `classifyNumber` over its values (`ANY_NUMBER` while all are blank). */
  readonly masks: Int32Array;
  /** Per column: whether any value is not blank. */
  readonly seen: Uint8Array;
  /** Per column: whether every integer value fits Int32. */
  readonly int32: Uint8Array;
}

/**
 * Empty evidence for `width` columns.
 * @example csvColumnEvidence(2).masks // → Int32Array [63, 63]
 */
export function csvColumnEvidence(width: number): CsvColumnEvidence {
  return { masks: new Int32Array(width).fill(ANY_NUMBER), seen: new Uint8Array(width), int32: new Uint8Array(width).fill(1) };
}

/**
 * Narrows each column's number formats by the values of one batch (blank values fit all).
 * A column stops being checked once no format is left.
 * @example observeCsvBatch(evidence, batch) // evidence.masks[k] & NumberFormat.Comma → the column reads as decimal comma so far
 */
export function observeCsvBatch(evidence: CsvColumnEvidence, batch: CsvRawBatch): void {
  batch.columns.forEach(({ bytes, offsets }, k) => {
    let mask = evidence.masks[k];
    for (let i = 0; i < batch.rows && mask !== 0; i++) {
      const start = offsets[i];
      const end = offsets[i + 1];
      if (start === end) continue;
      const kind = classifyNumber(bytes, start, end);
      if (kind < 0) continue;
      evidence.seen[k] = 1;
      mask &= kind;
      if ((mask & NumberFormat.Int) !== 0 && evidence.int32[k] === 1) {
        const value = parseNumber(bytes, start, end, NumberFormat.Int);
        if (value < -2147483648 || value > 2147483647) evidence.int32[k] = 0;
      }
    }
    evidence.masks[k] = mask;
  });
}

/**
 * Chooses each column's Arrow type from the evidence of all its values: a column whose every
 * non-blank value is a number in one format (`chooseNumberFormat`) becomes Int32 (integers that
 * fit) or Float64 (other numbers; integers beyond Int32 are exact up to 2^53); others stay Utf8
 * text (times too: the time decoder parses them). A column of blanks only is Utf8.
 *
 * @example
 * csvColumnTypes(['id', 'lat', 'type'], evidence, ';').notes // → ["column 'lat': numbers with a decimal comma"]
 */
export function csvColumnTypes(names: readonly string[], evidence: CsvColumnEvidence, delimiter: string): CsvColumnTypes {
  const notes: string[] = [];
  const plans = names.map((name, k): CsvColumnPlan => {
    const format = evidence.seen[k] === 1 ? chooseNumberFormat(evidence.masks[k], delimiter) : null;
    if (format === null) return { name, kind: 'utf8', format: null };
    if (format === NumberFormat.Int && evidence.int32[k] === 1) return { name, kind: 'int32', format };
    // Another reading of the same text that gives other numbers: the other decimal separator.
    const alternatives = OTHER_DECIMAL[format].filter((other) => (evidence.masks[k] & other) !== 0).slice(0, 1); // the first such reading: the others give the same numbers
    if (format !== NumberFormat.Int && (format !== NumberFormat.Point || alternatives.length > 0)) {
      const also =
        alternatives.length > 0
          ? ` (its values also read as ${alternatives.map((f) => NUMBER_FORMAT_TEXT[f]).join(' or ')}; chosen for a ${delimiter === '\t' ? 'tab' : `'${delimiter}'`}-delimited file)`
          : '';
      notes.push(`column '${name}': numbers with ${NUMBER_FORMAT_TEXT[format]}${also}`);
    }
    return { name, kind: 'float64', format };
  });
  // The delimiter travels with the table: a text column of numbers is read later in the format it decides (`textNumberFormat`).
  const schema = new Schema(
    plans.map((plan) => new Field(plan.name, arrowType(plan), true)),
    new Map([[CSV_DELIMITER_KEY, delimiter]]),
  );
  return { plans, schema, notes };
}

const POINTS = [NumberFormat.Point, NumberFormat.PointCommaGroups];
const COMMAS = [NumberFormat.Comma, NumberFormat.CommaPointGroups, NumberFormat.CommaSpaceGroups];
const OTHER_DECIMAL: Readonly<Record<number, readonly number[]>> = {
  [NumberFormat.Int]: [],
  [NumberFormat.Point]: COMMAS,
  [NumberFormat.PointCommaGroups]: COMMAS,
  [NumberFormat.Comma]: POINTS,
  [NumberFormat.CommaPointGroups]: POINTS,
  [NumberFormat.CommaSpaceGroups]: POINTS,
};

function arrowType(plan: CsvColumnPlan): DataType {
  return plan.kind === 'int32' ? new Int32() : plan.kind === 'float64' ? new Float64() : new Utf8();
}
