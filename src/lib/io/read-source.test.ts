import { gzipSync } from 'node:zlib';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { InputError } from './input-error';
import { readSource } from './read-source';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readSource', () => {
  it.each([
    ['comma', 'a.csv', 'id,lat\n1,41.9\n'],
    ['semicolon', 'a.csv', 'id;lat\n1;41,9\n'],
    ['tab', 'a.tsv', 'id\tlat\n1\t41.9\n'],
    ['pipe', 'a.txt', 'id|lat\n1|41.9\n'],
  ])('readSource reads %s-delimited text as CSV, whatever the name', async (_, name, text) => {
    const source = await readSource(utf8(text), name);
    expect([source.format, source.table.getChild('lat')?.get(0)]).toEqual(['csv', 41.9]);
  });

  it('readSource reads a gzipped Arrow file and a gzipped CSV, keeping the compressed size', async () => {
    const arrow = tableToIPC(tableFromArrays({ n: Int32Array.of(1, 2, 3) }), 'file');
    const zipped = new Uint8Array(gzipSync(arrow));
    const fromArrow = await readSource(zipped, 'n.arrow.gz');
    expect([fromArrow.format, fromArrow.bytes, fromArrow.table.numRows]).toEqual(['file', zipped.length, 3]);
    const fromCsv = await readSource(new Uint8Array(gzipSync(utf8('n\n1\n2\n'))), 'n.csv.gz');
    expect([fromCsv.format, fromCsv.table.numRows]).toEqual(['csv', 2]);
  });

  it('readSource of a gzip file cut short says it does not decompress', async () => {
    const zipped = new Uint8Array(gzipSync(utf8('id,lat\n'.repeat(1000))));
    const error = await readSource(zipped.subarray(0, zipped.length - 20), 'cut.csv.gz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect([(error as InputError).code, (error as InputError).file]).toEqual(['gzip-corrupt', 'cut.csv.gz']);
    expect((error as InputError).message).toMatch(
      /^file 'cut\.csv\.gz' is gzip-compressed but does not decompress \(.+\): the file is cut short or damaged; download it again$/,
    );
  });

  it('readSource still names other formats (Parquet, zip) as not read', async () => {
    const error = await readSource(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0), 'a.xlsx').catch((e: unknown) => e);
    expect((error as InputError).code).toBe('not-arrow');
  });
});
