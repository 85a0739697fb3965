import type { RecordBatch } from 'apache-arrow';
import { concatBytes } from './concat-bytes';
import { csvBatchToArrow } from './csv-batch-to-arrow';
import { csvColumnEvidence, csvColumnTypes, observeCsvBatch, type CsvColumnEvidence, type CsvColumnTypes } from './csv-column-types';
import { CsvParser, type CsvBadRecord, type CsvRawBatch } from './csv-parser';
import { detectDelimiter, type DelimiterChoice } from './detect-delimiter';
import type { DroppedRow } from './incidents';
import { InputError } from './input-error';
import type { SourceDrops } from './read-arrow';

/** How much of the start of a file the delimiter is chosen from. */
const HEAD_BYTES = 1 << 16;

/** Options of `CsvStreamer` (and `readCsv`, `streamCsv`). */
export interface CsvStreamOptions {
  /** 'auto' (default): the first line is a header unless a field of it is a number or starts with a digit. */
  readonly header?: 'auto' | boolean;
  /** Rows per record batch (65,536 by default); the first batch's values choose the column types. */
  readonly batchRows?: number;
  /** Column types to use instead of choosing them (the second pass after a `retype`). */
  readonly types?: CsvColumnTypes;
}

/** What a CSV stream ends with: how the file was read, its malformed records, and whether the types must change. */
export interface CsvStreamEnd {
  /** Bytes of CSV text read. */
  readonly bytes: number;
  /** Rows yielded. */
  readonly rows: number;
  /** How the file was read (delimiter, header, number formats, blank lines, malformed records). */
  readonly notes: readonly string[];
  /** Malformed records by reason with examples (absent when every record is a row). */
  readonly dropped?: SourceDrops;
  /** 0-based indices, among the file's records, of the malformed ones, ascending. */
  readonly skipped?: Int32Array;
  /**
   * Set when a value after the first batch does not fit the type the first batch chose (text in
   * a number column, an integer beyond Int32, another decimal separator): the batches given are
   * wrong and must be discarded; read the file again with `types: retype`, the types all its
   * values give (exactly those `readCsv` of the whole file gives).
   */
  readonly retype?: CsvColumnTypes;
}

/**
 * CSV bytes pushed chunk by chunk in, Arrow record batches of one fixed schema out, with the
 * whole-file reader's detection and accounting: the first 64 KiB choose the delimiter
 * (`detectDelimiter`), `CsvParser` splits records (RFC 4180), the first batch of records
 * chooses each column's type (`csvColumnTypes`), and every later batch is typed the same way
 * while its values keep narrowing the evidence. If at the end the evidence of all values gives
 * other types than the first batch did, `end().retype` says so (the caller reads again with
 * those types), so the batches, once accepted, equal the whole-file reading number for number,
 * whatever the chunk sizes. Only the current batch's raw text is held.
 *
 * @example
 * const s = new CsvStreamer('a.csv'); [...s.push(bytes('a,b\n1,2\n')), ...s.finish()][0].numRows // → 1
 */
export class CsvStreamer {
  private readonly held: Uint8Array[] = [];
  private heldBytes = 0;
  private size = 0;
  private parser: CsvParser | null = null;
  private choice: DelimiterChoice = { delimiter: ',', reason: '' };
  private evidence: CsvColumnEvidence | null = null;
  private types: CsvColumnTypes | null;
  /** True once a later batch made the first batch's types impossible: batches are no longer made. */
  private contradicted = false;
  private rows = 0;

  constructor(
    private readonly name: string,
    private readonly options: CsvStreamOptions = {},
  ) {
    this.types = options.types ?? null;
  }

  /** Parses one chunk; returns the record batches it completed (often none). */
  push(given: Uint8Array): RecordBatch[] {
    // A plain view: Node's Buffer makes every subarray dearer.
    const chunk = new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
    this.size += chunk.length;
    if (this.parser) return this.typed(this.parser.push(chunk));
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    return this.heldBytes >= HEAD_BYTES ? this.start(false) : [];
  }

  /** Ends the input: the last batches. Throws the InputError of a file without columns or rows. */
  finish(): RecordBatch[] {
    const out = this.parser ? [] : this.start(true);
    const parser = this.parser as CsvParser;
    out.push(...this.typed(parser.finish()));
    const names = parser.header?.names ?? [];
    if (names.length === 0)
      throw new InputError(`file '${this.name}' holds no CSV records: expected a header line and incident rows`, { code: 'no-columns', file: this.name });
    if (this.rows === 0) throw noRows(this.name, names, parser, this.choice.reason);
    return out;
  }

  /** After `finish`: notes, drops and, when the first batch's types were wrong, the right ones. */
  end(): CsvStreamEnd {
    const parser = this.parser as CsvParser;
    const names = parser.header?.names ?? [];
    const final = this.options.types ?? csvColumnTypes(names, this.evidence ?? csvColumnEvidence(names.length), this.choice.delimiter);
    const same = this.types !== null && !this.contradicted && samePlans(this.types, final);
    const { bad } = parser;
    const notes = [`delimiter: ${this.choice.reason}`, parser.header?.reason ?? '', ...final.notes];
    if (parser.blankLines > 0) notes.push(`${parser.blankLines.toLocaleString('en-US')} blank line${parser.blankLines === 1 ? '' : 's'} skipped`);
    if (bad.count > 0)
      notes.push(`${bad.count.toLocaleString('en-US')} malformed record${bad.count === 1 ? '' : 's'} not read as rows (first on line ${bad.examples[0].line})`);
    return {
      bytes: this.size,
      rows: this.rows,
      notes,
      ...(bad.count > 0 && { dropped: csvDrops(this.name, bad, names), skipped: Int32Array.from(bad.records) }),
      ...(!same && { retype: final }),
    };
  }

  private start(whole: boolean): RecordBatch[] {
    const head = new TextDecoder().decode(concatBytes(this.held).subarray(0, HEAD_BYTES));
    this.choice = detectDelimiter(head, whole);
    this.parser = new CsvParser({ delimiter: this.choice.delimiter, header: this.options.header, batchRows: this.options.batchRows });
    const out: RecordBatch[] = [];
    for (const chunk of this.held) out.push(...this.typed(this.parser.push(chunk)));
    this.held.length = 0;
    return out;
  }

  /** Observes each raw batch's values, chooses the types from the first, and types each batch (until contradicted). */
  private typed(raw: readonly CsvRawBatch[]): RecordBatch[] {
    const out: RecordBatch[] = [];
    for (const batch of raw) {
      this.rows += batch.rows;
      if (this.options.types) {
        out.push(csvBatchToArrow(batch, this.options.types.plans, this.options.types.schema));
        continue;
      }
      const names = this.parser?.header?.names ?? [];
      this.evidence ??= csvColumnEvidence(names.length);
      observeCsvBatch(this.evidence, batch);
      this.types ??= csvColumnTypes(names, this.evidence, this.choice.delimiter);
      if (!this.contradicted && !fits(this.types, this.evidence)) this.contradicted = true;
      if (!this.contradicted) out.push(csvBatchToArrow(batch, this.types.plans, this.types.schema));
    }
    return out;
  }
}

/**
 * False once some number column's values no longer all read in the format (or fit the width) its
 * plan chose; a text column stays text (a column blank in the first batch is checked at the end).
 */
function fits(types: CsvColumnTypes, evidence: CsvColumnEvidence): boolean {
  return types.plans.every(
    (plan, k) => plan.format === null || ((evidence.masks[k] & plan.format) !== 0 && (plan.kind !== 'int32' || evidence.int32[k] === 1)),
  );
}

function samePlans(a: CsvColumnTypes, b: CsvColumnTypes): boolean {
  return a.plans.length === b.plans.length && a.plans.every((plan, k) => plan.kind === b.plans[k].kind && plan.format === b.plans[k].format);
}

/** The InputError of a file with a header but no row: all records malformed, or none at all. */
function noRows(name: string, names: readonly string[], parser: CsvParser, delimiterReason: string): InputError {
  const { bad } = parser;
  if (bad.count > 0) {
    const first = bad.examples[0];
    return new InputError(
      `file '${name}' has no readable CSV row: all ${bad.count.toLocaleString('en-US')} records are malformed, the first on line ${first.line} (${describeBad(first, names)}); ` +
        `expected every record to have the header's ${names.length} fields (delimiter: ${delimiterReason})`,
      { code: 'csv-malformed', file: name, row: first.record, ...(first.field !== undefined && { column: names[first.field - 1] ?? `field ${first.field}` }) },
    );
  }
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  return new InputError(`file '${name}' has ${names.length} CSV columns (${shown}) but zero rows: expected at least one incident`, {
    code: 'no-rows',
    file: name,
  });
}

function csvDrops(name: string, bad: CsvParser['bad'], names: readonly string[]): SourceDrops {
  const examples = bad.examples.map((record): DroppedRow => ({
    file: name,
    row: record.record,
    reason: 'record-malformed',
    values: { line: String(record.line), problem: describeBad(record, names) },
  }));
  return { counts: { 'record-malformed': bad.count }, examples };
}

/** "4 fields, expected 5" or "the quote opening field 3 ('description') never closes: the last 12 lines were read into it". */
function describeBad(record: CsvBadRecord, names: readonly string[]): string {
  if (record.kind === 'fields') return `${record.found} field${record.found === 1 ? '' : 's'}, expected ${record.expected}`;
  const column = names[(record.field ?? 1) - 1];
  const lines = record.lines ?? 1;
  return (
    `the quote opening field ${record.field}${column ? ` ('${column}')` : ''} never closes before the end of the file` +
    (lines > 1 ? `: the last ${lines.toLocaleString('en-US')} lines were read into it` : '')
  );
}
