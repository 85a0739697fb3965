import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../lib/io/input-error';
import { fileIdentity } from './hash-files';
import { dropScratch, MAX_BYTES } from '../lib/base/scratch-memory';
import { fingerprintOnThread, prefaultScratch, warmResolution } from './load-and-bin';

describe('warmResolution (whether the binning thread looks points up while a file is read)', () => {
  const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' } };
  const bin = { res: 8, unit: 'day' as const };

  it("warms at the binning's resolution when every row may be kept", () => {
    expect(warmResolution(mapping, bin)).toBe(8);
    expect(warmResolution({ ...mapping, categories: [] }, bin)).toBe(8);
  });

  it('does not warm when a row filter may drop most rows (--category, a time range), nor for projected coordinates', () => {
    expect(warmResolution({ ...mapping, categories: ['HOMICIDE'] }, bin)).toBeUndefined();
    expect(warmResolution({ ...mapping, timeRange: [0, 1] }, bin)).toBeUndefined();
    expect(warmResolution({ ...mapping, location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' } }, bin)).toBeUndefined();
    expect(warmResolution(undefined, bin)).toBeUndefined();
    expect(warmResolution(mapping, undefined)).toBeUndefined();
  });
});

describe('fingerprintOnThread (the CLI hashes its inputs on the binning thread)', () => {
  const path = new URL('../../../shared/data/plainfield-nj-crime-reports-2018.arrow', import.meta.url).pathname;
  const files = [{ path, identity: fileIdentity(path) }];
  const digest = createHash('sha256').update(readFileSync(path)).digest('hex');

  it("hashes here when the thread has ended (costs time, never the command), and passes on a changed file's InputError", async () => {
    expect(await fingerprintOnThread(async () => ({ each: ['t'], all: 't' }), files)).toEqual({ each: ['t'], all: 't' });
    expect(await fingerprintOnThread(() => Promise.reject(new Error('the binning thread has ended')), files)).toEqual({ each: [digest], all: digest });
    const changed = new InputError("file 'x' changed while it was read", { code: 'file-unreadable' });
    await expect(fingerprintOnThread(() => Promise.reject(changed), files)).rejects.toBe(changed);
  });
});

describe('prefaultScratch (row-sized scratch memory faulted in by the binning thread)', () => {
  it('makes only the buffers the pool will keep: three for Chicago-sized loads, fewer as rows grow, none past MAX_BYTES', () => {
    const touched = (rows: number): number[] => {
      let sizes: number[] = [];
      prefaultScratch(rows, (buffers) => (sizes = buffers.map((b) => b.byteLength)));
      dropScratch();
      return sizes;
    };
    expect(touched(1_306_393)).toEqual([5_225_572, 5_225_572, 5_225_572]);
    expect(touched(MAX_BYTES / 8)).toEqual([MAX_BYTES / 2, MAX_BYTES / 2]); // two fill the pool's bytes
    expect(touched(MAX_BYTES / 4 + 1)).toEqual([]); // one alone would be refused: none is made or touched
  });
});
