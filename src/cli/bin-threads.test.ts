import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { binIncidents } from '../lib/grid/bin-incidents';
import { binRange, mergeBins } from '../lib/grid/bin-range';
import { areaOf } from '../lib/grid/h3';
import { detectMapping } from '../lib/io/detect-mapping';
import { loadIncidents } from '../lib/io/load-incidents';
import { readArrow } from '../lib/io/read-arrow';
import { BinThreadClosed, binThread } from './bin-threads';
import { fingerprintOnThread } from './load-and-bin';
import { fileIdentity } from './hash-files';

// Real data: the 1.3 M-row Chicago file, its detected mapping, loaded once.
const source = readArrow(new Uint8Array(readFileSync(new URL('../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))), 'chicago.arrow');
const incidents = loadIncidents([source], detectMapping([source]).mapping!);
// minRows 0: every binning below is split, however small.
const thread = binThread(0);
afterAll(() => thread.close());

describe('binThread (hexcast bin and backtest on two threads)', () => {
  it('bins Chicago at res 8, daily, into the same panel bit for bit as one thread: cells, periods, every count, areas, report', () => {
    const one = binIncidents(incidents, { res: 8, unit: 'day' });
    const two = binIncidents(incidents, { res: 8, unit: 'day', assign: thread.assign });
    expect(two.panel.cells).toEqual(one.panel.cells);
    expect(two.panel.periods).toEqual(one.panel.periods);
    expect(two.panel.end).toBe(one.panel.end);
    expect(Buffer.from(two.panel.counts.buffer).equals(Buffer.from(one.panel.counts.buffer))).toBe(true);
    expect(Buffer.from(two.panel.area.buffer).equals(Buffer.from(one.panel.area.buffer))).toBe(true);
    expect(two.report).toEqual(one.report);
    expect(one.report.binned).toBe(incidents.length);
  });

  it('keeps the trimmed partial weeks of both halves and the cells only the second half has (res 9, weekly)', () => {
    const one = binIncidents(incidents, { res: 9, unit: 'week' });
    const two = binIncidents(incidents, { res: 9, unit: 'week', assign: thread.assign });
    // 2014-01-01 is a Wednesday and 2018-11-12 a Monday: both ends are partial weeks, trimmed.
    expect(one.report.trimmedFirst).toBeGreaterThan(0);
    expect(one.report.trimmedLast).toBeGreaterThan(0);
    expect(two.report).toEqual(one.report);
    expect(two.panel.cells).toEqual(one.panel.cells);
    expect(Buffer.from(two.panel.counts.buffer).equals(Buffer.from(one.panel.counts.buffer))).toBe(true);
  });
});

describe('binThread warmed with the raw coordinates while the file is read (a streamed load)', () => {
  // The raw columns on shared memory, sent in two batches as a streamed load's CoordinateWatch sends them.
  const shared = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(new SharedArrayBuffer(values.length * 8));
    out.set(values);
    return out;
  };
  const rawLat = shared(source.table.getChild('latitude')!.toArray() as ArrayLike<number>);
  const rawLng = shared(source.table.getChild('longitude')!.toArray() as ArrayLike<number>);
  const warm = (into: ReturnType<typeof binThread>, res: number): void => {
    const half = rawLat.length >>> 1;
    into.warm(rawLat.subarray(0, half), rawLng.subarray(0, half), res);
    into.warm(rawLat.subarray(half), rawLng.subarray(half), res);
  };

  it('bins Chicago at res 8 daily and res 9 weekly into the same panels bit for bit as one thread', () => {
    for (const [res, unit] of [
      [8, 'day'],
      [9, 'week'],
    ] as const) {
      warm(thread, res);
      const one = binIncidents(incidents, { res, unit });
      const two = binIncidents(incidents, { res, unit, assign: thread.assign });
      expect(two.panel.cells).toEqual(one.panel.cells);
      expect(two.panel.periods).toEqual(one.panel.periods);
      expect(Buffer.from(two.panel.counts.buffer).equals(Buffer.from(one.panel.counts.buffer))).toBe(true);
      expect(Buffer.from(two.panel.area.buffer).equals(Buffer.from(one.panel.area.buffer))).toBe(true);
      expect(two.report).toEqual(one.report);
    }
  });

  it('with the rows on shared memory (a streamed load), the thread looks up half of them: the same panel bit for bit', () => {
    const rows = { ...incidents, time: shared(incidents.time), lat: shared(incidents.lat), lng: shared(incidents.lng) };
    warm(thread, 8);
    const one = binIncidents(incidents, { res: 8, unit: 'day' });
    const { warmed, probed } = thread.answered;
    const two = binIncidents(rows, { res: 8, unit: 'day', assign: thread.assign });
    // The warm path was taken: the cache came over and the thread answered its half of the rows.
    expect([thread.answered.warmed - warmed, thread.answered.probed - probed]).toEqual([1, 1]);
    expect(two.panel.cells).toEqual(one.panel.cells);
    expect(Buffer.from(two.panel.counts.buffer).equals(Buffer.from(one.panel.counts.buffer))).toBe(true);
    expect(two.report).toEqual(one.report);
  });

  it('bins at another resolution than the one warmed by splitting as before, the same panel', () => {
    warm(thread, 7);
    const one = binIncidents(incidents, { res: 8, unit: 'day' });
    const two = binIncidents(incidents, { res: 8, unit: 'day', assign: thread.assign });
    expect(two.panel.cells).toEqual(one.panel.cells);
    expect(Buffer.from(two.panel.counts.buffer).equals(Buffer.from(one.panel.counts.buffer))).toBe(true);
  });
});

describe('binThread when its thread gives no answer', () => {
  it('bins on the main thread after the wait when the warmed cache never comes, the same result as one thread', () => {
    const gone = binThread(0, 20);
    gone.close();
    const rows = {
      time: Float64Array.of(5, 1, 2, 3, 9, 4),
      lat: Float64Array.of(41.88, 41.88, 41.9, 41.88, 41.9, 41.7),
      lng: Float64Array.of(-87.63, -87.63, -87.7, -87.63, -87.7, -87.6),
    };
    gone.warm(rows.lat, rows.lng, 8);
    const window = { res: 8, start: 2, end: 9 };
    expect(gone.assign(rows, window)).toEqual(binRange(rows, window));
  });

  it('bins the second half on the main thread after the wait, the same panel as one thread (no hang)', () => {
    const gone = binThread(0, 20);
    gone.close(); // the thread is ended and its port closed: no answer can come
    const rows = {
      time: Float64Array.of(5, 1, 2, 3, 9, 4),
      lat: Float64Array.of(41.88, 41.88, 41.9, 41.88, 41.9, 41.7),
      lng: Float64Array.of(-87.63, -87.63, -87.7, -87.63, -87.7, -87.6),
    };
    const window = { res: 8, start: 2, end: 9 };
    expect(gone.assign(rows, window)).toEqual(binRange(rows, window));
  });
});

describe('binThread when its thread is slow but alive', () => {
  it('gives the same cells as one thread even after the stalled thread writes its half of the rows (too late)', async () => {
    // 4,000 rows on shared memory at 900 points, warmed in reverse order so the thread's cache ids
    // differ from the ids by first appearance that the result holds.
    const n = 4000;
    const sab = (): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));
    const rows = { time: sab(), lat: sab(), lng: sab() };
    for (let i = 0; i < n; i++) {
      rows.time[i] = i;
      rows.lat[i] = 41.7 + ((i * 7919) % 30) / 100;
      rows.lng[i] = -87.8 + ((i * 104_729) % 30) / 100;
    }
    const reversed = (values: Float64Array): Float64Array => {
      const out = new Float64Array(new SharedArrayBuffer(n * 8));
      out.set(values.slice().reverse());
      return out;
    };
    const stall = new SharedArrayBuffer(8);
    const flags = new Int32Array(stall);
    const slow = binThread(0, 1000, stall);
    await slow.ready;
    slow.warm(reversed(rows.lat), reversed(rows.lng), 8);
    const window = { res: 8, start: 10, end: 3990 };
    const expected = binRange(rows, window);
    const got = slow.assign(rows, window);
    // The cache came over; the probe got no answer within the wait, so this thread did its half.
    expect([slow.answered.warmed, slow.answered.probed]).toEqual([1, 0]);
    // The warmed cache came with its cells' areas, computed on the thread: each equals this thread's `areaOf`.
    const { areas, ...cells } = got;
    expect(Array.from(areas ?? [])).toEqual(got.cells.map(areaOf));
    expect(cells).toEqual(expected);
    // The thread goes on: it would write its half into the memory it was given (it is ended, so it may never get to).
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    for (let i = 0; i < 40 && Atomics.load(flags, 1) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ ...got, areas: undefined }).toEqual({ ...expected, areas: undefined });
    expect(got.cells).toHaveLength(new Set(got.cells).size);
    slow.close();
  });
});

describe('binThread touch (scratch memory faulted in on the thread)', () => {
  it('keeps every value the main thread wrote into the pages it touches, and answers the requests after it in order', async () => {
    const thread = binThread(0);
    await thread.ready;
    const buffer = new SharedArrayBuffer(1 << 20);
    const words = new Int32Array(buffer);
    for (let i = 0; i < words.length; i += 512) words[i] = i + 1; // two values a page, one of them the word it adds 0 to
    thread.touch([buffer]);
    thread.warm(Float64Array.of(41.88), Float64Array.of(-87.63), 8);
    const rows = { time: Float64Array.of(0), lat: Float64Array.of(41.88), lng: Float64Array.of(-87.63) };
    expect(thread.assign(rows, { res: 8, start: 0, end: 1 }).cells).toEqual(binRange(rows, { res: 8, start: 0, end: 1 }).cells);
    expect(thread.answered.warmed).toBe(1); // the 'warmed' answer came after the touch was done
    for (let i = 0; i < words.length; i++) if (words[i] !== (i % 512 === 0 ? i + 1 : 0)) throw new Error(`word ${i} changed to ${words[i]}`);
    thread.close();
  });
});

describe('mergeBins', () => {
  const rows = {
    time: Float64Array.of(5, 1, 2, 3, 9),
    lat: Float64Array.of(41.88, 41.88, 41.9, 41.88, 41.9),
    lng: Float64Array.of(-87.63, -87.63, -87.7, -87.63, -87.7),
  };
  const window = { res: 8, start: 2, end: 9 };

  it('gives what one pass gives, for every split of five rows: the same cells in order, the same ids, the trimmed rows counted', () => {
    const whole = binRange(rows, window);
    // Rows 1 (time 1) and 4 (time 9) are outside [2, 9).
    expect([...whole.cellId].map((id) => id >= 0)).toEqual([true, false, true, true, false]);
    expect(whole.cells).toHaveLength(2);
    expect([whole.trimmedFirst, whole.trimmedLast]).toEqual([1, 1]);
    for (let k = 0; k <= 5; k++) expect(mergeBins([binRange(rows, window, k, 5), binRange(rows, window, 0, k)], 5)).toEqual(whole);
  });

  it('refuses ranges that do not tile the rows', () => {
    expect(() => mergeBins([binRange(rows, window, 0, 2), binRange(rows, window, 3, 5)], 5)).toThrow(/gap or overlap at row 2/);
    expect(() => mergeBins([binRange(rows, window, 0, 4)], 5)).toThrow(/cover 4 rows, not 5/);
  });
});

describe('binThread fingerprint (the input files hashed on the thread)', () => {
  const chicago = new URL('../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url).pathname;
  const file = { path: chicago, identity: fileIdentity(chicago) };

  it("gives the file's SHA-256, as node:crypto over its bytes; rejects a file that is not the one opened, and a second request while one is pending", async () => {
    const own = binThread();
    try {
      const pending = own.fingerprint([file]);
      await expect(own.fingerprint([file])).rejects.toThrow(/still hashing/);
      const digests = await pending;
      expect(digests.each).toEqual([createHash('sha256').update(readFileSync(chicago)).digest('hex')]);
      expect(digests.all).toBe(digests.each[0]);
      await expect(own.fingerprint([{ path: chicago, identity: { ...file.identity, size: file.identity.size + 1 } }])).rejects.toThrow(
        /changed while it was read/,
      );
      await expect(own.fingerprint([{ path: chicago, identity: { ...file.identity, ino: file.identity.ino + 1 } }])).rejects.toThrow(
        /another file now has its name/,
      );
    } finally {
      own.close();
    }
  });

  it('rejects a fingerprint still pending when the thread is closed with BinThreadClosed, which fingerprintOnThread passes on without hashing the files itself', async () => {
    const own = binThread();
    const pending = own.fingerprint([file]);
    const onThread = fingerprintOnThread(() => pending, [file]);
    own.close();
    await expect(pending).rejects.toBeInstanceOf(BinThreadClosed);
    await expect(onThread).rejects.toBeInstanceOf(BinThreadClosed);
  });

  it('rejects, never hangs, when the thread has ended', async () => {
    const own = binThread();
    await own.ready;
    own.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(own.fingerprint([file])).rejects.toThrow(/ended/);
  });
});
