import { CsvColumnBuilder, type CsvColumnChunk } from './csv-column-builder';
import { classifyNumber } from './number-format';

/** A batch of parsed CSV records, column by column (raw text; `typeCsvColumns` makes them Arrow). */
export interface CsvRawBatch {
  readonly rows: number;
  readonly columns: readonly CsvColumnChunk[];
}

/** A record that is not a row: wrong field count, or a quote still open at the end of the file. */
export interface CsvBadRecord {
  /** 0-based index among the data records (rows and bad records alike). */
  readonly record: number;
  /** 1-based line the record starts on. */
  readonly line: number;
  readonly kind: 'fields' | 'quote';
  readonly expected: number;
  readonly found: number;
  /** For 'quote': the 1-based field whose opening quote never closes, and how many lines it swallowed. */
  readonly field?: number;
  readonly lines?: number;
}

/** The header as decided from the first record, and why. */
export interface CsvHeader {
  readonly names: readonly string[];
  /** True when the first record named the columns; false when it was data (columns are named column_1 …). */
  readonly fromFile: boolean;
  readonly reason: string;
}

/** Options of `CsvParser`. */
export interface CsvParserOptions {
  /** The field delimiter (one ASCII character). */
  readonly delimiter: string;
  /** Rows per batch; 65,536 by default. */
  readonly batchRows?: number;
  /** 'auto' (default) decides from the first record; true or false says whether it is a header. */
  readonly header?: 'auto' | boolean;
  /** How many bad records to keep as examples; 5 by default. */
  readonly examples?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * An incremental RFC 4180 CSV parser: push byte chunks of any size (`push`), get batches of up
 * to `batchRows` records column by column, then `finish`. Fields may be quoted with `"`; a
 * quoted field may hold the delimiter, line breaks and doubled quotes (`""` → `"`). Records end
 * at LF, CRLF or CR; a UTF-8 byte-order mark is skipped; blank lines are skipped. A record whose
 * field count differs from the header's is not a row: it is counted in `bad` with its line, and
 * so is a record whose quote is still open at the end of the file. An empty unquoted field is
 * null; `""` is an empty string. The bytes of a chunk are copied, never kept.
 * The batches do not depend on how the bytes were split into chunks.
 *
 * @example
 * const parser = new CsvParser({ delimiter: ',' });
 * [...parser.push(bytes('a,b\n1,"x,y"\n')), ...parser.finish()][0].rows // → 1
 */
export class CsvParser {
  private readonly delimiter: number;
  private readonly batchRows: number;
  private readonly headerOption: 'auto' | boolean;
  private readonly maxExamples: number;
  private columns: CsvColumnBuilder[] = [];
  private readonly overflow = new CsvColumnBuilder(1);
  private width = -1;
  private state = FIELD_START;
  private quoted = false;
  private skipLF = false;
  private bomSeen = 0;
  private field = 0;
  private rows = 0;
  private line = 1;
  private recordLine = 1;
  private quoteField = 0;
  private records = 0;
  private decided: CsvHeader | null = null;
  /** Bad records: their number, each one's index among the data records (ascending), and the first few. */
  readonly bad: { count: number; records: number[]; examples: CsvBadRecord[] } = { count: 0, records: [], examples: [] };
  /** Blank lines skipped. */
  blankLines = 0;

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1) throw new RangeError(`CsvParser: the delimiter must be one character, got '${options.delimiter}'`);
    this.delimiter = options.delimiter.charCodeAt(0);
    this.batchRows = options.batchRows ?? 65_536;
    this.headerOption = options.header ?? 'auto';
    this.maxExamples = options.examples ?? 5;
  }

  /** The header once the first record is read (null before). */
  get header(): CsvHeader | null {
    return this.decided;
  }

  /** Lines read so far (1-based number of the line being read). */
  get lines(): number {
    return this.line;
  }

  /** Parses `chunk` and returns the batches it completed (often none). */
  push(chunk: Uint8Array): CsvRawBatch[] {
    const out: CsvRawBatch[] = [];
    let i = 0;
    while (this.bomSeen < 3 && i < chunk.length && chunk[i] === BOM[this.bomSeen]) {
      this.bomSeen++;
      i++;
    }
    if (i < chunk.length) this.bomSeen = 3;
    const n = chunk.length;
    const delimiter = this.delimiter;
    let runStart = this.state === UNQUOTED || this.state === QUOTED ? i : -1;
    for (; i < n; i++) {
      let c = chunk[i];
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) continue;
      }
      switch (this.state) {
        case FIELD_START:
          if (c === QUOTE) {
            this.state = QUOTED;
            this.quoted = true;
            this.quoteField = this.field;
            runStart = i + 1;
          } else if (c === delimiter) this.endField(false);
          else if (c === LF || c === CR) {
            if (this.field === 0) this.blankLine(c);
            else this.endRecord(out, c, false);
          } else {
            this.state = UNQUOTED;
            runStart = i;
          }
          break;
        case UNQUOTED: {
          for (; i < n; i++) {
            c = chunk[i];
            if (c === delimiter || c === LF || c === CR) break;
          }
          if (i === n) break;
          this.target().append(chunk, runStart, i);
          if (c === delimiter) this.endField(true);
          else this.endRecord(out, c, true);
          break;
        }
        case QUOTED: {
          for (; i < n; i++) {
            c = chunk[i];
            if (c === QUOTE) break;
            if (c === LF) this.line++;
          }
          if (i === n) break;
          this.target().append(chunk, runStart, i);
          this.state = QUOTE_IN_QUOTED;
          break;
        }
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.state = QUOTED;
            runStart = i; // the second quote of a pair is the field's text
          } else if (c === delimiter) this.endField(true);
          else if (c === LF || c === CR) this.endRecord(out, c, true);
          else {
            this.state = UNQUOTED; // text after a closing quote is kept as it stands
            runStart = i;
          }
          break;
      }
    }
    if ((this.state === UNQUOTED || this.state === QUOTED) && runStart >= 0 && runStart < n) this.target().append(chunk, runStart, n);
    return out;
  }

  /** Ends the input: the last record (without a final line break) and the last batch. */
  finish(): CsvRawBatch[] {
    const out: CsvRawBatch[] = [];
    if (this.state === QUOTED) {
      const lines = this.line - this.recordLine + 1;
      if (this.width < 0) this.decideHeader();
      this.badRecord({ kind: 'quote', expected: this.width, found: this.field + 1, field: this.quoteField + 1, lines });
      this.resetRecord();
    } else if (this.state !== FIELD_START || this.field > 0) {
      this.endRecord(out, LF, this.state !== FIELD_START);
    }
    if (this.width < 0 && this.decided === null) this.decided = { names: [], fromFile: false, reason: 'the file holds no records' };
    if (this.rows > 0) out.push(this.takeBatch());
    return out;
  }

  private target(): CsvColumnBuilder {
    if (this.field < this.columns.length) return this.columns[this.field];
    if (this.width < 0) {
      this.columns.push(new CsvColumnBuilder(this.batchRows));
      return this.columns[this.field];
    }
    return this.overflow;
  }

  private endField(present: boolean): void {
    const column = this.target();
    if (column === this.overflow) column.rollback(0);
    else column.commit(present || this.quoted);
    this.field++;
    this.state = FIELD_START;
    this.quoted = false;
  }

  private endRecord(out: CsvRawBatch[], c: number, present: boolean): void {
    this.endField(present);
    const found = this.field;
    if (this.width < 0) this.decideHeader();
    else if (found !== this.width) this.badRecord({ kind: 'fields', expected: this.width, found });
    else {
      this.rows++;
      this.records++;
    }
    this.resetRecord();
    if (this.rows === this.batchRows) out.push(this.takeBatch());
    this.newLine(c);
  }

  private blankLine(c: number): void {
    this.blankLines++;
    this.newLine(c);
  }

  private newLine(c: number): void {
    this.line++;
    this.recordLine = this.line;
    if (c === CR) this.skipLF = true;
  }

  private resetRecord(): void {
    for (const column of this.columns) if (column.rows > this.rows) column.rollback(this.rows);
    this.field = 0;
    this.state = FIELD_START;
    this.quoted = false;
  }

  private badRecord(record: Omit<CsvBadRecord, 'record' | 'line'>): void {
    this.bad.count++;
    this.bad.records.push(this.records);
    if (this.bad.examples.length < this.maxExamples) this.bad.examples.push({ record: this.records, line: this.recordLine, ...record });
    this.records++;
  }

  /** Decides from the first record (row 0 of the columns) whether it names the columns. */
  private decideHeader(): void {
    this.width = this.columns.length;
    const fields = this.columns.map((column) => column.field(0));
    const texts = fields.map((bytes) => new TextDecoder().decode(bytes).trim());
    const dataLike = fields.findIndex((bytes) => bytes.length > 0 && (classifyNumber(bytes, 0, bytes.length) !== 0 || (bytes[0] >= 48 && bytes[0] <= 57)));
    const isHeader = this.headerOption === 'auto' ? dataLike < 0 : this.headerOption;
    if (isHeader) {
      const names = uniqueNames(texts);
      const reason =
        this.headerOption === true
          ? 'the first line is the header (as asked)'
          : `the first line is the header: none of its ${names.length} fields is a number or starts with a digit`;
      this.decided = { names, fromFile: true, reason };
      for (const column of this.columns) column.rollback(0);
    } else {
      const names = texts.map((_, k) => `column_${k + 1}`);
      const reason =
        this.headerOption === false
          ? 'no header line (as asked): columns named column_1 …'
          : `no header line: the first line's field ${dataLike + 1} ('${texts[dataLike]}') is data, so columns are named column_1 …`;
      this.decided = { names, fromFile: false, reason };
      this.rows = 1;
      this.records = 1;
    }
  }

  private takeBatch(): CsvRawBatch {
    const batch = { rows: this.rows, columns: this.columns.map((column) => column.take()) };
    this.rows = 0;
    return batch;
  }
}

/** Header names made unique and non-empty: '' → column_k, a repeat → name_2. */
function uniqueNames(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text, k) => {
    let name = text === '' ? `column_${k + 1}` : text;
    for (let n = 2; seen.has(name); n++) name = `${text}_${n}`;
    seen.add(name);
    return name;
  });
}
