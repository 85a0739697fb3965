import { Table } from 'apache-arrow';
import { concatBytes } from './concat-bytes';
import { csvBatchToArrow } from './csv-batch-to-arrow';
import { csvColumnEvidence, csvColumnTypes, observeCsvBatch } from './csv-column-types';
import { CsvParser, type CsvBadRecord, type CsvRawBatch } from './csv-parser';
import { detectDelimiter, type DelimiterChoice } from './detect-delimiter';
import type { DroppedRow } from './incidents';
import { InputError } from './input-error';
import type { ArrowSource, SourceDrops } from './read-arrow';

/** How much of the start of a file the delimiter is chosen from. */
const HEAD_BYTES = 1 << 16;

/** Options of `readCsv`: the header and the batch size, both detected or defaulted. */
export interface ReadCsvOptions {
  /** 'auto' (default): the first line is a header unless a field of it is a number or starts with a digit. */
  readonly header?: 'auto' | boolean;
  /** Rows per record batch (65,536 by default). */
  readonly batchRows?: number;
}

/**
 * Reads CSV (or TSV, ';'- or '|'-delimited) text into an Arrow table, the source every other
 * stage takes: the delimiter is chosen from the first records (`detectDelimiter`), the first
 * line is the header unless it holds data, records are parsed by `CsvParser` (RFC 4180 quotes,
 * CRLF or LF, a UTF-8 BOM), and each column becomes Int32, Float64 (decimal point, or decimal
 * comma with '.' or space thousands as European portals export) or Utf8 text from all its values
 * (`csvColumnTypes`). Times stay text for the time decoder. Records with another field count than
 * the header, and one whose quote never closes, are not rows: `dropped` counts them as
 * 'record-malformed' with their line; `notes` says how the file was read and why.
 * Fails with an InputError when no record is a row (`csv-malformed` naming the first bad line,
 * or `no-rows`).
 *
 * @example
 * readCsv(bytes('id;lat\n1;41,88\n'), 'a.csv').table.getChild('lat')?.get(0) // → 41.88
 */
export function readCsv(bytes: Uint8Array, name: string, options: ReadCsvOptions = {}): ArrowSource {
  return readCsvChunks([bytes], name, options);
}

/**
 * `readCsv` over the file's bytes in chunks, in order (any split gives the same table): the
 * first 64 KiB choose the delimiter, then each chunk is parsed as it comes.
 *
 * @example
 * readCsvChunks([bytes.subarray(0, 7), bytes.subarray(7)], 'a.csv').table.numRows // → readCsv(bytes, 'a.csv').table.numRows
 */
export function readCsvChunks(chunks: Iterable<Uint8Array>, name: string, options: ReadCsvOptions = {}): ArrowSource {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let size = 0;
  let parser: CsvParser | null = null;
  let choice: DelimiterChoice = { delimiter: ',', reason: '' };
  const raw: CsvRawBatch[] = [];
  const start = (whole: boolean): CsvParser => {
    const head = new TextDecoder().decode(concatBytes(held).subarray(0, HEAD_BYTES));
    choice = detectDelimiter(head, whole);
    const started = new CsvParser({ delimiter: choice.delimiter, header: options.header, batchRows: options.batchRows });
    for (const chunk of held) raw.push(...started.push(chunk));
    held.length = 0;
    return started;
  };
  for (const given of chunks) {
    // A plain view: Node's Buffer makes every subarray dearer.
    const chunk = new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
    size += chunk.length;
    if (parser) {
      raw.push(...parser.push(chunk));
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= HEAD_BYTES) parser = start(false);
  }
  parser ??= start(true);
  raw.push(...parser.finish());
  return csvSource(name, size, parser, raw, choice);
}

/** The Arrow source of a parsed CSV file: typed columns, drops and notes; the errors when nothing is a row. */
function csvSource(
  name: string,
  size: number,
  parser: CsvParser,
  raw: readonly CsvRawBatch[],
  { delimiter, reason: delimiterReason }: DelimiterChoice,
): ArrowSource {
  const header = parser.header;
  const names = header?.names ?? [];
  if (names.length === 0)
    throw new InputError(`file '${name}' holds no CSV records: expected a header line and incident rows`, { code: 'no-columns', file: name });
  const rows = raw.reduce((sum, batch) => sum + batch.rows, 0);
  const { bad } = parser;
  if (rows === 0 && bad.count > 0) {
    const first = bad.examples[0];
    throw new InputError(
      `file '${name}' has no readable CSV row: all ${bad.count.toLocaleString('en-US')} records are malformed, the first on line ${first.line} (${describeBad(first, names)}); ` +
        `expected every record to have the header's ${names.length} fields (delimiter: ${delimiterReason})`,
      { code: 'csv-malformed', file: name, row: first.record, ...(first.field !== undefined && { column: names[first.field - 1] ?? `field ${first.field}` }) },
    );
  }
  if (rows === 0) {
    const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
    throw new InputError(`file '${name}' has ${names.length} CSV columns (${shown}) but zero rows: expected at least one incident`, {
      code: 'no-rows',
      file: name,
    });
  }
  const evidence = csvColumnEvidence(names.length);
  for (const batch of raw) observeCsvBatch(evidence, batch);
  const types = csvColumnTypes(names, evidence, delimiter);
  const table = new Table(
    types.schema,
    raw.map((batch) => csvBatchToArrow(batch, types.plans, types.schema)),
  );
  const notes = [`delimiter: ${delimiterReason}`, header?.reason ?? '', ...types.notes];
  if (parser.blankLines > 0) notes.push(`${parser.blankLines.toLocaleString('en-US')} blank line${parser.blankLines === 1 ? '' : 's'} skipped`);
  if (bad.count > 0)
    notes.push(`${bad.count.toLocaleString('en-US')} malformed record${bad.count === 1 ? '' : 's'} not read as rows (first on line ${bad.examples[0].line})`);
  return {
    name,
    bytes: size,
    table,
    format: 'csv',
    notes,
    ...(bad.count > 0 && { dropped: csvDrops(name, bad, names), skipped: Int32Array.from(bad.records) }),
  };
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
