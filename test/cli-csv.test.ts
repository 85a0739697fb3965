/**
 * `hexcast inspect` and `hexcast bin` on CSV files as portals export them: Portland's file
 * written as semicolon-delimited CSV (and gzipped) must give the Arrow
 * file's row accounting and panel.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';
import { tableToCsv } from './fixtures/table-to-csv';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MAPPING = ['--x', 'x_coordinate', '--y', 'y_coordinate', '--crs', 'EPSG:2913'];

const csv = tableToCsv(tableFromIPC(readFileSync(PORTLAND)), { delimiter: ';', decimal: ',' });
const CSV = join(dir, 'portland.csv');
const GZ = join(dir, 'portland.csv.gz');
writeFileSync(CSV, csv);
writeFileSync(GZ, gzipSync(csv));

describe('hexcast on CSV', () => {
  it('inspect of a ;-delimited CSV accounts for its 15,206 rows as the Arrow file does, and says how it was read', async () => {
    const [arrow, text] = await Promise.all([hexcast('inspect', PORTLAND, ...MAPPING, '--json'), hexcast('inspect', CSV, ...MAPPING, '--json')]);
    expect([arrow.code, text.code]).toEqual([0, 0]);
    const a = JSON.parse(arrow.stdout);
    const c = JSON.parse(text.stdout);
    expect(c.rows).toEqual(a.rows);
    expect(c.rows.read).toBe(15_206);
    // Portland's coordinates are whole feet: no decimal comma is written, and none is reported.
    expect(c.readAs).toEqual([
      [
        "delimiter: ';' splits all 50 first records into 4 fields (',' gives 1 field; tab gives 1 field; '|' gives 1 field)",
        'the first line is the header: none of its 4 fields is a number or starts with a digit',
      ],
    ]);
  });

  it('bin of the gzipped CSV writes the same panel as bin of the Arrow file', async () => {
    const fromArrow = join(dir, 'arrow-panel.arrow');
    const fromGz = join(dir, 'gz-panel.arrow');
    const runs = await Promise.all([
      hexcast('bin', PORTLAND, ...MAPPING, '--res', '8', '--bucket', 'week', '--out', fromArrow),
      hexcast('bin', GZ, ...MAPPING, '--res', '8', '--bucket', 'week', '--out', fromGz),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const [a, g] = [fromArrow, fromGz].map((path) => tableFromIPC(readFileSync(path)));
    expect(g.numRows).toBe(a.numRows);
    for (const column of ['cell', 'period', 'count']) expect(Array.from(g.getChild(column)!)).toEqual(Array.from(a.getChild(column)!));
  });
});
