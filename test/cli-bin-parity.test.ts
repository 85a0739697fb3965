/**
 * `hexcast bin` writes the same panel file, byte for byte (its row accounting and file hash are
 * in the file's metadata), whichever load path runs: streamed or read whole (HEXCAST_STREAM=off),
 * with the binning thread — which looks points up while a streamed file is still being read —
 * or without it (HEXCAST_BIN_THREAD=off). Real files: Chicago (1.3 M rows, 13,084 without a
 * location and 5 location outliers, big enough for the thread) and Portland in its projected coordinates (whose raw
 * coordinates are not the binned ones).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hexcast-bin-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATHS = {
  'streamed, thread': {},
  'streamed, one thread': { HEXCAST_BIN_THREAD: 'off' },
  'whole, thread': { HEXCAST_STREAM: 'off' },
  'whole, one thread': { HEXCAST_STREAM: 'off', HEXCAST_BIN_THREAD: 'off' },
};

/** The panel file `hexcast bin ARGS` writes with the environment `env`, and its stderr. */
async function binFile(env: Record<string, string>, name: string, args: string[]): Promise<{ bytes: Buffer; stderr: string }> {
  const out = join(dir, `${name}.arrow`);
  const { stderr } = await run(process.execPath, ['bin/hexcast.js', 'bin', ...args, '--out', out], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return { bytes: readFileSync(out), stderr };
}

describe('hexcast bin: the same panel file on every load path', () => {
  const cases = [
    {
      name: 'chicago',
      args: ['../shared/data/chicago-crimes-2014-2018.arrow', '--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude'],
      more: ['--category-column', 'primary_type', '--res', '8', '--bucket', 'day'],
      read: 1_306_393,
      kept: 1_293_304,
    },
    {
      name: 'portland',
      args: ['../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow', '--crs', 'EPSG:2913', '--x', 'x_coordinate', '--y', 'y_coordinate'],
      more: ['--res', '8', '--bucket', 'week'],
      read: 15_206,
      kept: null,
    },
  ];
  it.each(cases)(
    '$name: byte for byte, with the row accounting and the file hash',
    async ({ name, args, more, read, kept }) => {
      const files: Buffer[] = [];
      const notes: string[] = [];
      for (const [path, env] of Object.entries(PATHS)) {
        const { bytes, stderr } = await binFile(env, `${name}-${path.replace(/\W+/g, '-')}`, [...args, ...more]);
        files.push(bytes);
        // The summary names the output file: compare it without the path.
        notes.push(
          stderr
            .split('\n')
            .filter((line) => /rows read|warning|note/.test(line))
            .map((line) => line.replace(/ → .*$/, ''))
            .join('\n'),
        );
      }
      for (const file of files.slice(1)) expect(Buffer.compare(file, files[0])).toBe(0);
      expect(notes[0]).toMatch(/rows read/);
      for (const note of notes.slice(1)) expect(note).toBe(notes[0]);
      const origin = JSON.parse(tableFromIPC(files[0]).schema.metadata.get('hexcast.origin')!);
      expect(origin.rows.read).toBe(read);
      if (kept !== null) expect(origin.rows.kept).toBe(kept);
      if (name === 'portland') expect(notes[0]).toMatch(/66 rows repeat an earlier row in every column/);
      if (name === 'chicago') expect([origin.rows.dropped['location-null'], origin.rows.dropped['location-outlier']]).toEqual([13_084, 5]);
      expect(origin.sha256).toMatch(/^[0-9a-f]{64}$/);
    },
    240_000,
  );
});

describe('hexcast bin: the same panel file from record batches of uneven sizes, in the Arrow file and stream formats', () => {
  // Chicago's first 1,000,000 rows cut into batches of 100,000, 7, 299,993, 1, 499,999 and
  // 100,000 rows: the per-row arrays of a stream (row count unknown up front) grow while the
  // binning thread is sent batch after batch; an Arrow file's footer gives the count.
  const CUTS = [0, 100_000, 100_007, 400_000, 400_001, 900_000, 1_000_000];
  const chicago = tableFromIPC(readFileSync('../shared/data/chicago-crimes-2014-2018.arrow'));
  const batched = new Table(CUTS.slice(1).flatMap((end, i) => chicago.slice(CUTS[i], end).batches));
  const args = ['--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude', '--res', '8', '--bucket', 'day'];
  const paths = { 'streamed, thread': {}, 'streamed, one thread': { HEXCAST_BIN_THREAD: 'off' }, whole: { HEXCAST_STREAM: 'off' } };

  it.each(['stream', 'file'] as const)(
    'Arrow %s format: byte for byte on the streamed load with and without the thread and the whole-file load',
    async (format) => {
      expect(batched.batches.map((batch) => batch.numRows)).toEqual([100_000, 7, 299_993, 1, 499_999, 100_000]);
      const input = join(dir, `chicago-batched.${format === 'stream' ? 'arrows' : 'arrow'}`);
      writeFileSync(input, tableToIPC(batched, format));
      const files: Buffer[] = [];
      for (const [path, env] of Object.entries(paths))
        files.push((await binFile(env, `batched-${format}-${path.replace(/\W+/g, '-')}`, [input, ...args])).bytes);
      for (const file of files.slice(1)) expect(Buffer.compare(file, files[0])).toBe(0);
      const origin = JSON.parse(tableFromIPC(files[0]).schema.metadata.get('hexcast.origin')!);
      expect(origin.rows.read).toBe(1_000_000);
    },
    240_000,
  );
});
