/**
 * Reading CSV: the Chicago file (1,306,393 rows, 14 columns) written as CSV in this run, read
 * by `readCsv` (delimiter, header and number detection, RFC 4180 parsing, typed Arrow columns)
 * against a plain baseline in the same run: decode the bytes, split lines and commas (no quote
 * handling) and parse the two coordinate columns with `Number` — the least a reader must do.
 * Best of three each; rows/s and the ratio are what to compare across machines. Also the same
 * CSV gzipped through `readSource` (DecompressionStream), both streamed in 1 MiB chunks as
 * `openStreams` reads them (`streamSource`), and the Arrow file for reference.
 */
import { gzipSync } from 'node:zlib';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { readArrow } from '../src/lib/io/read-arrow';
import { readCsv } from '../src/lib/io/read-csv';
import { readSource } from '../src/lib/io/read-source';
import { bytesSource } from '../src/lib/io/byte-source';
import { collectSource, streamSource } from '../src/lib/io/stream-source';
import { emit, readShared, timed } from './measure';

/** A fast CSV writer for the bench (columns read once as arrays; text quoted when it must be). */
function toCsv(table: Table): Uint8Array {
  const fields = table.schema.fields;
  const columns = fields.map((field) => {
    const values = table.getChild(field.name)!.toArray() as ArrayLike<unknown>;
    const nulls = table.getChild(field.name)!;
    const isTime = DataType.isTimestamp(field.type);
    const isText = !DataType.isInt(field.type) && !DataType.isFloat(field.type) && !DataType.isBool(field.type) && !isTime;
    return (row: number): string => {
      if (!nulls.isValid(row)) return '';
      const value = isText ? String(nulls.get(row)) : values[row];
      if (isTime) return new Date(Number(value)).toISOString().slice(0, 19);
      const text = String(value);
      return isText && /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
  });
  const parts: string[] = [fields.map((f) => f.name).join(',')];
  for (let row = 0; row < table.numRows; row++) parts.push(columns.map((cell) => cell(row)).join(','));
  return new TextEncoder().encode(parts.join('\n') + '\n');
}

function baseline(bytes: Uint8Array): number {
  const lines = new TextDecoder().decode(bytes).split('\n');
  const header = lines[0].split(',');
  const lat = header.indexOf('latitude');
  const lng = header.indexOf('longitude');
  let sum = 0;
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const fields = lines[i].split(',');
    sum += Number(fields[lat]) + Number(fields[lng]);
    rows++;
  }
  return sum === sum ? rows : rows; // the sum keeps the parsing from being optimised away
}

const arrowBytes = readShared('chicago-crimes-2014-2018.arrow');
const [csv, writeMs] = await timed(() => toCsv(tableFromIPC(arrowBytes)));
const gz = new Uint8Array(gzipSync(csv, { level: 6 }));
const best = async (work: () => unknown): Promise<number> => {
  let ms = Infinity;
  for (let run = 0; run < 3; run++) ms = Math.min(ms, (await timed(work))[1]);
  return ms;
};
const rows = readCsv(csv, 'chicago.csv').table.numRows;
const readCsvMs = await best(() => readCsv(csv, 'chicago.csv'));
const baselineMs = await best(() => baseline(csv));
const gzipMs = await best(() => readSource(gz, 'chicago.csv.gz'));
const arrowMs = await best(() => readArrow(arrowBytes, 'chicago.arrow'));
// Streamed as openStreams reads a disk file: 1 MiB chunks, batches collected (the streamed CSV and gzip route).
const streamedMs = await best(async () => collectSource(await streamSource(bytesSource('chicago.csv', csv))));
const streamedGzipMs = await best(async () => collectSource(await streamSource(bytesSource('chicago.csv.gz', gz))));
emit({
  name: 'read Chicago as CSV',
  rows,
  csvMegabytes: csv.length / 1e6,
  gzipMegabytes: gz.length / 1e6,
  writeMs,
  readCsvMs,
  readCsvRowsPerSecond: Math.round(rows / (readCsvMs / 1000)),
  baselineSplitMs: baselineMs,
  baselineRowsPerSecond: Math.round(rows / (baselineMs / 1000)),
  readCsvOverBaseline: readCsvMs / baselineMs,
  gzipCsvMs: gzipMs,
  streamedCsvMs: streamedMs,
  streamedGzipCsvMs: streamedGzipMs,
  arrowMs,
  readCsvOverArrow: readCsvMs / arrowMs,
  streamedCsvOverArrow: streamedMs / arrowMs,
  streamedCsvOverWhole: streamedMs / readCsvMs,
});
