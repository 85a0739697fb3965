import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Table, tableFromArrays, tableFromIPC, tableToIPC, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents } from '../io/incidents';
import { loadMappingCrs } from '../io/load-crs';
import { detectMapping } from '../io/detect-mapping';
import { readArrow, type ArrowSource } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { HEAD_ROWS } from './head-sampler';
import { loadStreams, openFiles, openStreams } from './load';
import { loadIncidents } from '../io/load-incidents';
import { loadIncidentsStream, type BatchSource } from '../io/load-incidents-stream';
import { prepareLoaded, preparePanel } from './prepare-panel';

const data = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url)));

const FILES: [string, ColumnMapping][] = [
  [
    'chicago-crimes-2014-2018.arrow',
    { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' }, category: 'primary_type', place: 'district' },
  ],
  [
    'portland-nij-burglary-vehicle-2012-2017.arrow',
    { time: { column: 'occ_date' }, location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' }, category: 'category' },
  ],
];

/** Typed arrays and panels compared byte for byte (vitest's deep equality walks 1.3 M elements one by one). */
function expectSameIncidents(got: Incidents | undefined, want: Incidents | undefined): void {
  const { time, lat, lng, category, place, ...rest } = got!;
  const { time: t, lat: a, lng: b, category: c, place: p, ...wantRest } = want!;
  expect(rest).toEqual(wantRest);
  for (const [x, y] of [
    [time, t],
    [lat, a],
    [lng, b],
    [category, c],
    [place, p],
  ] as const)
    expect(bytesOf(x)).toEqual(bytesOf(y));
}

function bytesOf(array: ArrayBufferView | undefined): string {
  return array
    ? createHash('sha256')
        .update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
        .digest('hex')
    : 'none';
}

/** Everything a shell shows of a load and bin: the load report, incidents, panel and the report's data section. */
async function prepared(opened: Awaited<ReturnType<typeof openFiles>>, mapping: ColumnMapping) {
  await loadMappingCrs(mapping);
  const p = preparePanel(opened.sources, opened.sha256, { mapping, bin: { res: 8, unit: 'day' } });
  return { report: p.incidents!.report, incidents: p.incidents, binReport: p.binReport, data: p.data, panel: p.panel, names: p.binned.cellNames };
}

/** Portland's bytes and mapping, a SHA-256 factory that records the lengths it is given and hashes to 'own', and digests "from elsewhere". */
async function portlandFingerprinted() {
  const a = data('portland-nij-burglary-vehicle-2012-2017.arrow');
  const mapping = FILES[1][1];
  await loadMappingCrs(mapping);
  const hashed: number[] = [];
  const sha256 = () => ({ update: (bytes: Uint8Array) => void hashed.push(bytes.length), hex: () => 'own' });
  const given = { each: ['e'.repeat(64), 'f'.repeat(64)], all: 'a'.repeat(64) };
  return { a, mapping, hashed, sha256, given };
}

describe('openStreams on the real files gives what openFiles gives, number for number', () => {
  it.each(FILES)(
    '%s streamed in 1 MiB chunks: same fingerprint, LoadReport, incidents, panel and report data as the whole file',
    async (name, mapping) => {
      const bytes = data(name);
      const whole = await openFiles([{ name, bytes }]);
      const streamed = await openStreams([bytesSource(name, bytes)]);
      expect(streamed.sha256).toBe(whole.sha256);
      expect(streamed.sources[0].table.numRows).toBe(whole.sources[0].table.numRows);
      const a = await prepared(whole, mapping);
      const b = await prepared(streamed, mapping);
      expect(b.report).toEqual(a.report);
      expectSameIncidents(b.incidents, a.incidents);
      expect(b.binReport).toEqual(a.binReport);
      expect(b.data).toEqual(a.data);
      expect(b.names).toEqual(a.names);
      expect(b.panel.cells).toEqual(a.panel.cells);
      expect(bytesOf(b.panel.counts)).toBe(bytesOf(a.panel.counts));
    },
    300_000,
  );

  it('Portland re-batched into 153 record batches of 100 rows, as an IPC file and stream in 777-byte chunks, loads as the one-batch file', async () => {
    const name = 'portland-nij-burglary-vehicle-2012-2017.arrow';
    const mapping = FILES[1][1];
    const one = readArrow(data(name), name);
    const batch = one.table.batches[0];
    const small = new Table(Array.from({ length: Math.ceil(batch.numRows / 100) }, (_, i) => batch.slice(100 * i, 100 * i + 100)));
    expect(small.batches.length).toBe(153); // ⌈15,206 / 100⌉
    const reference = await prepared(await openFiles([{ name, bytes: data(name) }]), mapping);
    for (const format of ['file', 'stream'] as const) {
      const bytes = tableToIPC(small, format);
      const opened = await openStreams([bytesSource(name, bytes, 777)]);
      expect(opened.sources[0].table.batches.length).toBe(153);
      expect(opened.sha256).toBe(await sha256Hex(bytes));
      const got = await prepared(opened, mapping);
      // The same rows in another layout: only the file's size in bytes differs.
      expect({ ...got.report, files: [] }).toEqual({ ...reference.report, files: [] });
      expect(got.report.files.map((f) => f.rows)).toEqual([15_206]);
      expectSameIncidents({ ...got.incidents!, report: reference.report }, reference.incidents);
      expect(bytesOf(got.panel.counts)).toBe(bytesOf(reference.panel.counts));
    }
  }, 120_000);

  it('openStreams of two files fingerprints each and their concatenation, as openFiles does', async () => {
    const a = data('portland-nij-burglary-vehicle-2012-2017.arrow');
    const b = data('plainfield-nj-crime-reports-2018.arrow');
    const whole = await openFiles([
      { name: 'a.arrow', bytes: a },
      { name: 'b.arrow', bytes: b },
    ]);
    const streamed = await openStreams([bytesSource('a.arrow', a, 4096), bytesSource('b.arrow', b, 5000)]);
    expect(streamed.hashes).toEqual(whole.hashes);
    expect(streamed.sha256).toBe(whole.sha256);
    expect(streamed.sources.map((s) => s.table.numRows)).toEqual([15_206, 3_225]);
  });

  it('loadStreams with fingerprints from elsewhere (the CLI hashes on its binning thread) takes them and hashes nothing itself', async () => {
    const { a, mapping, hashed, sha256, given } = await portlandFingerprinted();
    const asked: string[][] = [];
    const order: string[] = [];
    const streamed = await loadStreams([bytesSource('a.arrow', a), bytesSource('b.arrow', a)], () => (order.push('mapping'), mapping), {
      sha256,
      fingerprints: async (inputs) => (order.push('fingerprints'), asked.push(inputs.map((input) => input.name)), given),
    });
    expect(asked).toEqual([['a.arrow', 'b.arrow']]);
    // Asked for before the heads are read and the mapping is made (the hashing thread is idle then), once.
    expect(order).toEqual(['fingerprints', 'mapping']);
    expect(streamed.opened.hashes).toEqual(given.each);
    expect(streamed.opened.sha256).toBe(given.all);
    expect(streamed.loaded!.incidents.report.read).toBe(2 * 15_206);
    expect(hashed).toEqual([]);
    // Without them the load hashes as it reads, as before; a file it does not stream (CSV) is opened whole and hashed there.
    const own = await loadStreams([bytesSource('a.arrow', a)], () => mapping, { sha256 });
    expect(own.opened.sha256).toBe('own');
    const csv = new TextEncoder().encode('time,lat,lng\n2018-01-01T00:00:00Z,41.8,-87.6\n');
    // A pre-binned panel file (Arrow, opened whole): nothing asked of the thread either.
    let askedForPanel = 0;
    const panel = tableToIPC(tableFromArrays({ cell: ['8826641b25fffff'], period: Int32Array.of(0), count: Int32Array.of(3) }), 'file');
    const panelLoad = await loadStreams([bytesSource('p.arrow', panel)], () => mapping, { fingerprints: async () => (askedForPanel++, given) });
    expect(panelLoad.opened.kind).toBe('panel');
    expect(askedForPanel).toBe(0);
    let askedForCsv = 0;
    const whole = await loadStreams([bytesSource('c.csv', csv)], () => mapping, { fingerprints: async () => (askedForCsv++, given) });
    expect(whole.loaded).toBeUndefined();
    expect(askedForCsv).toBe(0); // no Arrow file: nothing asked of the thread, the whole open hashes
    expect(whole.opened.sha256).toBe(await sha256Hex(csv));
  });

  it('loadStreams with fingerprints from elsewhere and a mapping that does not stream reads the files whole and takes those digests, hashing nothing itself', async () => {
    const { a, mapping, hashed, sha256, given } = await portlandFingerprinted();
    // Two files of one name do not stream (`streamable`): they are opened whole, after the digests were asked for.
    const twice = () => [bytesSource('a.arrow', a), bytesSource('a.arrow', a)];
    let asked = 0;
    const whole = await loadStreams(twice(), () => mapping, { sha256, fingerprints: async () => (asked++, given) });
    expect(whole.loaded).toBeUndefined();
    expect(asked).toBe(1);
    expect(whole.opened.hashes).toEqual(given.each);
    expect(whole.opened.sha256).toBe(given.all);
    expect(whole.opened.sources.map((s) => s.table.numRows)).toEqual([15_206, 15_206]);
    expect(hashed).toEqual([]);
    // Digests that fail elsewhere are taken here, as the files are read whole once more: hashed as much as without them.
    const failed = await loadStreams(twice(), () => mapping, { sha256, fingerprints: () => Promise.reject(new Error('the thread ended')) });
    expect(failed.opened.sha256).toBe('own');
    const hashedBytes = hashed.reduce((sum, n) => sum + n, 0);
    hashed.length = 0;
    await loadStreams(twice(), () => mapping, { sha256 });
    expect(hashedBytes).toBe(hashed.reduce((sum, n) => sum + n, 0));
    expect(hashedBytes).toBeGreaterThanOrEqual(2 * a.length);
  });

  it("loadStreams with fingerprints from elsewhere goes on with the head's read: Chicago's first 60,000 rows in 12 batches, as a stream and a file, read once less, loaded the same", async () => {
    const chicago = tableFromIPC(data('chicago-crimes-2014-2018.arrow'));
    const batch = chicago.batches[0];
    const twelve = new Table(Array.from({ length: 12 }, (_, i) => batch.slice(5_000 * i, 5_000 * i + 5_000)));
    const mapping = FILES[0][1];
    const given = { each: ['e'.repeat(64)], all: 'e'.repeat(64) };
    for (const format of ['stream', 'file'] as const) {
      const bytes = tableToIPC(twelve, format);
      let reads = 0; // passes over the chunks and slices read
      const counted = () => {
        const inner = bytesSource('c.arrow', bytes, 65_536);
        return { ...inner, chunks: () => (reads++, inner.chunks()), slice: (a: number, b: number) => (reads++, inner.slice(a, b)) };
      };
      const own = await loadStreams([counted()], () => mapping);
      const readOwn = reads;
      reads = 0;
      let heads: readonly ArrowSource[] = [];
      const held = await loadStreams([counted()], (head) => ((heads = head), mapping), { fingerprints: async () => given });
      // The head stopped after 20,000 rows (4 batches); the decode pass went on from there, in the same read.
      expect(heads[0].table.numRows).toBe(HEAD_ROWS);
      expect(reads).toBeLessThan(readOwn);
      expect(held.loaded!.incidents.report).toEqual(own.loaded!.incidents.report);
      expect(held.loaded!.incidents.report.read).toBe(60_000);
      expectSameIncidents(held.loaded!.incidents, own.loaded!.incidents);
    }
  }, 120_000);

  it.each(FILES)(
    '%s loaded as it streams (loadStreams, 1 MiB chunks): same fingerprint, LoadReport, incidents, panel and report data as the whole file',
    async (name, mapping) => {
      const bytes = data(name);
      const whole = await openFiles([{ name, bytes }]);
      const a = await prepared(whole, mapping);
      let heads: readonly ArrowSource[] = [];
      const streamed = await loadStreams([bytesSource(name, bytes)], (head) => ((heads = head), mapping));
      // The mapping saw the file's head (`readHead`: 20,000 rows, the whole of Portland's 15,206), and detection on it is the whole file's.
      expect(heads[0].table.numRows).toBe(Math.min(HEAD_ROWS, whole.sources[0].table.numRows));
      expect(detectMapping(heads)).toEqual(detectMapping(whole.sources));
      expect(streamed.opened.sha256).toBe(whole.sha256);
      expect(streamed.opened.hashes).toEqual(whole.hashes);
      const p = prepareLoaded(streamed.opened, streamed.loaded!, { mapping, bin: { res: 8, unit: 'day' } });
      expect(p.incidents!.report).toEqual(a.report);
      expectSameIncidents(p.incidents, a.incidents);
      expect(p.binReport).toEqual(a.binReport);
      expect(p.data).toEqual(a.data);
      expect(p.binned.cellNames).toEqual(a.names);
      expect(p.panel.cells).toEqual(a.panel.cells);
      expect(bytesOf(p.panel.counts)).toBe(bytesOf(a.panel.counts));
    },
    300_000,
  );

  it('loadIncidentsStream over Portland in 153 batches of 100 rows, each batch destroyed once the next is asked for, equals loadIncidents of the one-batch file', async () => {
    const name = 'portland-nij-burglary-vehicle-2012-2017.arrow';
    const mapping = FILES[1][1];
    await loadMappingCrs(mapping);
    const one = readArrow(data(name), name);
    const batch = one.table.batches[0];
    // Each batch in its own buffers, so that detaching them destroys that batch only.
    const own = (i: number) => tableFromIPC(tableToIPC(new Table(batch.slice(100 * i, 100 * i + 100)))).batches[0];
    const count = Math.ceil(batch.numRows / 100);
    let destroyed = 0;
    async function* destroying(): AsyncGenerator<RecordBatch> {
      for (let i = 0; i < count; i++) {
        const current = own(i);
        yield current;
        // The consumer asked for the next batch: this one's buffers are detached, so any later read of it fails or reads nothing.
        for (const buffer of new Set(current.data.children.flatMap((child) => [child.values, child.nullBitmap].map((v) => v?.buffer)))) {
          if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
        }
        destroyed++;
      }
    }
    const quoted: number[] = [];
    const source: BatchSource = {
      name,
      bytes: one.bytes,
      batches: (pass) =>
        pass === 'decode'
          ? destroying()
          : (quoted.push(1),
            (async function* () {
              for (let i = 0; i < count; i++) yield own(i);
            })()),
    };
    const got = await loadIncidentsStream([source], mapping);
    const want = loadIncidents([one], mapping);
    expect(destroyed).toBe(153);
    expect(quoted.length).toBe(1); // one second pass, for the drop examples
    expect(got.report).toEqual(want.report);
    expectSameIncidents(got, want);
  }, 120_000);
});
