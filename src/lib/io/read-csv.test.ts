import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../test/fixtures/table-to-csv';
import { InputError } from './input-error';
import { readArrow } from './read-arrow';
import { readCsv, readCsvChunks } from './read-csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readCsv', () => {
  it('readCsv of a European export (semicolons, decimal commas, space thousands, CRLF, BOM) types each column', () => {
    const source = readCsv(
      utf8('\uFEFFid;datum;lat;lon;schade;wijk\r\n1;31.01.2018 23:59;52,3702;4,8952;1 250,50;Centrum\r\n2;01.02.2018 00:10;52,3600;4,9000;;"Noord; Oost"\r\n'),
      'amsterdam.csv',
    );
    expect(source.format).toBe('csv');
    expect(source.table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      'id: Int32',
      'datum: Utf8',
      'lat: Float64',
      'lon: Float64',
      'schade: Float64',
      'wijk: Utf8',
    ]);
    expect(source.table.toArray().map((row) => row.toJSON())).toEqual([
      { id: 1, datum: '31.01.2018 23:59', lat: 52.3702, lon: 4.8952, schade: 1250.5, wijk: 'Centrum' },
      { id: 2, datum: '01.02.2018 00:10', lat: 52.36, lon: 4.9, schade: null, wijk: 'Noord; Oost' },
    ]);
    expect(source.notes).toEqual([
      "delimiter: ';' splits all 3 first records into 6 fields (',' gives 1–4 fields; tab gives 1 field; '|' gives 1 field)",
      'the first line is the header: none of its 6 fields is a number or starts with a digit',
      "column 'lat': numbers with decimal comma",
      "column 'lon': numbers with decimal comma",
      "column 'schade': numbers with decimal comma, space thousands",
    ]);
    expect(source.dropped).toBeUndefined();
  });

  it("readCsv reads '1,234' as thousands in a ',' file and as a decimal comma in a ';' file, and says the other reading", () => {
    const comma = readCsv(utf8('n,"amount"\n1,"1,234"\n2,"5,678"\n'), 'us.csv');
    expect(comma.table.getChild('amount')?.toArray()).toEqual(Float64Array.of(1234, 5678));
    expect(comma.notes).toContain(
      "column 'amount': numbers with decimal point, ',' thousands (its values also read as decimal comma; chosen for a ','-delimited file)",
    );
    const semicolon = readCsv(utf8('n;amount\n1;1,234\n2;5,678\n'), 'eu.csv');
    expect(semicolon.table.getChild('amount')?.toArray()).toEqual(Float64Array.of(1.234, 5.678));
  });

  it('readCsv keeps codes with leading zeros, mixed columns and integers beyond Int32 apart', () => {
    const source = readCsv(utf8('zip,mixed,big\n00501,1,3000000000\n10001,x,1\n'), 'a.csv');
    expect(source.table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Float64']);
    expect(source.table.getChild('zip')?.get(0)).toBe('00501');
    expect(source.table.getChild('big')?.get(0)).toBe(3e9);
  });

  it('readCsv counts ragged records as dropped, with file, line and the field counts', () => {
    const source = readCsv(utf8('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n'), 'ragged.csv');
    expect(source.table.numRows).toBe(2);
    expect(source.dropped).toEqual({
      counts: { 'record-malformed': 2 },
      examples: [
        { file: 'ragged.csv', row: 1, reason: 'record-malformed', values: { line: '3', problem: '2 fields, expected 3' } },
        { file: 'ragged.csv', row: 3, reason: 'record-malformed', values: { line: '5', problem: '4 fields, expected 3' } },
      ],
    });
    expect(source.notes).toContain('2 malformed records not read as rows (first on line 3)');
  });

  it('readCsv counts an unterminated quote at the end of the file, naming the field', () => {
    const source = readCsv(utf8('id,note\n1,ok\n2,"oops\n3,lost\n'), 'quote.csv');
    expect(source.table.numRows).toBe(1);
    expect(source.dropped?.examples).toEqual([
      {
        file: 'quote.csv',
        row: 1,
        reason: 'record-malformed',
        values: { line: '3', problem: "the quote opening field 2 ('note') never closes before the end of the file: the last 3 lines were read into it" },
      },
    ]);
  });

  it('readCsv of a file whose every record is malformed names the first line, field counts and the delimiter', () => {
    const error = inputError(() => readCsv(utf8('a,b,c\n1,2\n3,4\n'), 'bad.csv'));
    expect(error.code).toBe('csv-malformed');
    expect(error.file).toBe('bad.csv');
    expect(error.row).toBe(0);
    expect(error.message).toBe(
      "file 'bad.csv' has no readable CSV row: all 2 records are malformed, the first on line 2 (2 fields, expected 3); expected every record to have the header's 3 fields " +
        "(delimiter: ',' splits 1 of the 3 first records into the header's 3 fields, more than any other (';' gives 1 field; tab gives 1 field; '|' gives 1 field))",
    );
  });

  it('readCsv of a header alone says there are no rows', () => {
    const error = inputError(() => readCsv(utf8('id,lat,lng\n'), 'empty.csv'));
    expect([error.code, error.message]).toEqual(['no-rows', "file 'empty.csv' has 3 CSV columns (id, lat, lng) but zero rows: expected at least one incident"]);
  });

  it('readCsvChunks of the Portland file written as CSV gives the same table for chunks of 1, 7 and 64 KiB bytes', () => {
    const text = portlandCsvHead(2000);
    const bytes = utf8(text);
    const whole = readCsv(bytes, 'portland.csv', { batchRows: 512 });
    expect(whole.table.numRows).toBe(1999);
    expect(whole.table.batches.map((b) => b.numRows)).toEqual([512, 512, 512, 463]);
    for (const size of [1, 7, 65_536]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      const chunked = readCsvChunks(chunks, 'portland.csv', { batchRows: 512 });
      expect(chunked.table.schema.fields.map(String)).toEqual(whole.table.schema.fields.map(String));
      for (const field of whole.table.schema.fields) {
        expect(chunked.table.getChild(field.name)?.toArray()).toEqual(whole.table.getChild(field.name)?.toArray());
      }
    }
  });
});

/** The first `lines` lines (header included) of Portland's file, written as CSV with the tests' writer. */
function portlandCsvHead(lines: number): string {
  const source = readArrow(readFileSync(new URL('../../../../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url)), 'portland.arrow');
  return tableToCsv(source.table.slice(0, lines - 1), { newline: '\r\n' });
}

describe('drop examples of a CSV with malformed records', () => {
  it('number every dropped row by its record, so a malformed record and a bad time never share a row number', async () => {
    const { loadIncidents } = await import('./load-incidents');
    const csv = ['date,lat,lng', '2018-01-01,41.8,-87.6', '2018-01-02,41.8', '2018-01-03,41.8,-87.6,x', 'notadate,41.8,-87.6', '2018-01-05,41.8,-87.6'].join(
      '\n',
    );
    const source = readCsv(new TextEncoder().encode(csv), 'a.csv');
    expect(Array.from(source.skipped ?? [])).toEqual([1, 2]);
    const loaded = loadIncidents([source], { time: { column: 'date' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } });
    expect(loaded.report.read).toBe(5);
    expect(loaded.report.kept).toBe(2);
    const rows = Object.fromEntries(loaded.report.examples.map((e) => [`${e.reason}:${e.row}`, e.values.line ?? e.values.date]));
    // records 0…4 of the file (lines 2…6): 1 and 2 malformed, 3 the bad date
    expect(rows).toEqual({ 'record-malformed:1': '3', 'record-malformed:2': '4', 'time-unparseable:3': 'notadate' });
  });
});
