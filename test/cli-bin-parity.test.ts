/**
 * `hexcast bin` writes the same panel file, byte for byte (its row accounting and file hash are
 * in the file's metadata), whichever load path runs: streamed or read whole (HEXCAST_STREAM=off),
 * with the binning thread — which looks points up while a streamed file is still being read —
 * or without it (HEXCAST_BIN_THREAD=off). Real files: Chicago (1.3 M rows, 13,084 without a
 * location and 5 location outliers, big enough for the thread) and Portland in its projected coordinates (whose raw
 * coordinates are not the binned ones).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
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
