import { readFileSync } from 'node:fs';
import { Table, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import type { Incidents } from '../io/incidents';
import { loadMappingCrs } from '../io/load-crs';
import { binLoaded, panelTotals, type BinSettings } from '../pipeline/bin';
import { loadMapped, openFiles, type LoadedIncidents } from '../pipeline/load';
import { STREAM_FROM_BYTES } from '../pipeline/open-stream-heads';
import type { OpenResult, Progress } from './protocol';
import { Session } from './session';
import { suggestCrs } from '../io/suggest-crs';
import { readArrow } from '../io/read-arrow';

// The app's worker opens a dropped Arrow file in one streamed pass (fingerprint, row count, the
// first record batch kept) and decodes it at `load` as it streams again, batch by batch. Its load
// and panels must equal today's whole-file path (`openFiles` + `loadMapped` + `binLoaded`),
// number for number, on the real files in ../shared/data.
const DATA = '../shared/data';
const chicago = new Uint8Array(readFileSync(`${DATA}/chicago-crimes-2014-2018.arrow`));
const portland = new Uint8Array(readFileSync(`${DATA}/portland-nij-burglary-vehicle-2012-2017.arrow`));

const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
// Files under STREAM_FROM_BYTES (256 MiB) are held whole; these tests stream every Arrow file.
const STREAM_ALL = { streamFrom: 0 };
/** Whether the session keeps only first record batches, to decode the files as they stream at load. */
const streams = (s: Session): boolean => (s as unknown as { streams?: unknown }).streams !== undefined;
const blobOf = (b: Uint8Array): Blob => new Blob([b.slice().buffer as ArrayBuffer]);

/** The same table written as an Arrow IPC file of record batches of `size` rows. */
function rebatched(bytes: Uint8Array, size: number): Uint8Array {
  const [batch] = tableFromIPC(bytes).batches;
  const parts = [];
  for (let at = 0; at < batch.numRows; at += size) parts.push(batch.slice(at, Math.min(at + size, batch.numRows)));
  return tableToIPC(new Table(parts), 'file');
}

/** Today's app load: the whole file read, then decoded with the mapping. */
async function wholeLoad(
  name: string,
  bytes: Uint8Array,
  mapping: ColumnMapping,
): Promise<{ opened: Awaited<ReturnType<typeof openFiles>>; loaded: LoadedIncidents }> {
  const opened = await openFiles([{ name, bytes }]);
  await loadMappingCrs(mapping);
  return { opened, loaded: loadMapped(opened, mapping) };
}

/** True when two typed arrays hold the same bytes (vitest's toEqual walks a million elements slowly). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

function expectSameIncidents(a: Incidents, b: Incidents): void {
  expect(a.report).toEqual(b.report);
  expect(a.length).toBe(b.length);
  for (const key of ['time', 'lat', 'lng', 'category'] as const) expect(sameBytes(a[key]!, b[key]!), key).toBe(true);
  expect(a.categories).toEqual(b.categories);
}

/** Opens `bytes` as a File in a session (streamed), loads it with the suggested mapping, and checks load and panels against the whole-file path. */
async function checkAgainstWhole(
  name: string,
  bytes: Uint8Array,
  bins: readonly BinSettings[],
  given?: ColumnMapping,
): Promise<{ opened: OpenResult; read: Extract<Progress, { stage: 'read' }>[]; streamed: Incidents; whole: Incidents }> {
  const s = session();
  const opened = await s.open([{ name, file: blobOf(bytes) }], undefined, STREAM_ALL);
  const mapping = given ?? opened.suggestion.mapping!;
  const whole = await wholeLoad(name, bytes, mapping);
  expect(opened.sha256).toBe(whole.opened.sha256);
  expect(opened.sources[0].rows).toBe(whole.opened.sources[0].table.numRows);
  // Detection sees the first record batch: the whole file's suggestion for a one-batch file, its mapping for the others.
  const suggested = detectMapping(whole.opened.sources);
  if (tableFromIPC(bytes).batches.length === 1) expect(opened.suggestion).toEqual(suggested);
  else expect(opened.suggestion.mapping).toEqual(suggested.mapping);
  const read: Extract<Progress, { stage: 'read' }>[] = [];
  const loaded = await s.load(mapping, (p) => p.stage === 'read' && read.push(p));
  expect(loaded.report).toEqual(whole.loaded.incidents.report);
  for (const settings of bins) {
    await s.prepareBin(settings);
    const got = s.bin(settings);
    const want = binLoaded(whole.opened, whole.loaded, settings);
    const totals = panelTotals(want.panel);
    expect(got.cells).toEqual(want.panel.cells);
    expect(got.cellTotals).toEqual(totals.cellTotals);
    expect(got.periodTotals).toEqual(totals.periodTotals);
    expect(got.report).toEqual(want.report);
    expect(got.filtered).toBe(want.filtered);
  }
  const streamed = (s as unknown as { loaded: LoadedIncidents }).loaded.incidents;
  return { opened, read, streamed, whole: whole.loaded.incidents };
}

describe('Session: the streamed load of a dropped Arrow file equals the whole-file load', () => {
  it('Chicago (1,306,393 rows, one record batch): LoadReport and panels, all categories and BURGLARY only', async () => {
    const { read } = await checkAgainstWhole('chicago-crimes-2014-2018.arrow', chicago, [
      { res: 8, unit: 'day', timeZone: null, categories: null },
      { res: 8, unit: 'week', timeZone: null, categories: ['BURGLARY'] },
    ]);
    expect(read.at(-1)).toMatchObject({ rows: 1_306_393, batches: 1 });
  }, 240_000);

  it('Chicago re-written as 7 record batches of 200,000 rows: decode progress counts rows batch by batch, the incidents equal the whole load', async () => {
    const bytes = rebatched(chicago, 200_000);
    const { opened, read, streamed, whole } = await checkAgainstWhole('chicago-batches.arrow', bytes, [
      { res: 8, unit: 'day', timeZone: null, categories: { except: ['THEFT'] } },
    ]);
    expect(read.map((p) => p.rows)).toEqual([200_000, 400_000, 600_000, 800_000, 1_000_000, 1_200_000, 1_306_393]);
    expect(opened.preview.rows).toHaveLength(12);
    expectSameIncidents(streamed, whole); // the incidents themselves, array by array
  }, 600_000);

  it('Portland (15,206 rows, x/y in a state plane, Date32 days): LoadReport and panel', async () => {
    const mapping: ColumnMapping = {
      time: { column: 'occ_date' },
      location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
      category: 'category',
    };
    const { opened } = await checkAgainstWhole('portland.arrow', portland, [{ res: 8, unit: 'week', timeZone: null, categories: null }], mapping);
    expect(opened.crsCandidates).toEqual(await suggestCrs(readArrow(portland, 'portland.arrow'), 'x_coordinate', 'y_coordinate'));
  }, 120_000);

  it('a time column of ISO strings (day/month order read from every row) is read whole at load, with the same result', async () => {
    const n = 5000;
    const table = tableFromArrays({
      t: Array.from({ length: n }, (_, i) => `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`),
      lat: Float64Array.from({ length: n }, (_, i) => 41.8 + (i % 50) * 0.001),
      lng: Float64Array.from({ length: n }, (_, i) => -87.6 - (i % 70) * 0.001),
    });
    const bytes = rebatched(tableToIPC(table, 'file'), 1000);
    const mapping: ColumnMapping = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } };
    const s = session();
    await s.open([{ name: 'iso.arrow', file: blobOf(bytes) }], undefined, STREAM_ALL);
    const loaded = await s.load(mapping);
    const whole = await wholeLoad('iso.arrow', bytes, mapping);
    expect(loaded.report).toEqual(whole.loaded.incidents.report);
    expect(loaded.report.kept).toBe(n);
    const settings: BinSettings = { res: 8, unit: 'month', timeZone: null, categories: null };
    expect(s.bin(settings).cellTotals).toEqual(panelTotals(binLoaded(whole.opened, whole.loaded, settings).panel).cellTotals);
  });

  it('files under STREAM_FROM_BYTES in all are held whole (detection sees every row); from it, or from streamFrom, they stream', async () => {
    const bytes = rebatched(portland, 4000);
    const held = session();
    const opened = await held.open([{ name: 'portland.arrow', file: blobOf(bytes) }]);
    expect(streams(held)).toBe(false);
    expect(opened.suggestion).toEqual(detectMapping((await openFiles([{ name: 'portland.arrow', bytes }])).sources));
    const streamed = session();
    await streamed.open([{ name: 'portland.arrow', file: blobOf(bytes) }], undefined, { streamFrom: bytes.length });
    expect(streams(streamed)).toBe(true);
    const under = session();
    await under.open([{ name: 'portland.arrow', file: blobOf(bytes) }], undefined, { streamFrom: bytes.length + 1 });
    expect(streams(under)).toBe(false);
    expect(STREAM_FROM_BYTES).toBe(268_435_456);
  });

  it('an abort during decoding stops between record batches: nothing is loaded, the file stays open and loads again', async () => {
    const bytes = rebatched(chicago, 200_000);
    const s = session();
    const opened = await s.open([{ name: 'chicago-batches.arrow', file: blobOf(bytes) }], undefined, STREAM_ALL);
    const mapping = opened.suggestion.mapping!;
    const controller = new AbortController();
    const seen: number[] = [];
    const loading = s.load(
      mapping,
      (p) => {
        if (p.stage !== 'read') return;
        seen.push(p.rows);
        if (p.rows >= 400_000) controller.abort(new DOMException('cancelled', 'AbortError'));
      },
      { signal: controller.signal },
    );
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([200_000, 400_000]); // no batch decoded after the abort
    expect(() => s.bin({ res: 8, unit: 'day', timeZone: null, categories: null })).toThrow('load the data with a column mapping first');
    const again = await s.load(mapping);
    expect(again.report.read).toBe(1_306_393);
  }, 240_000);
});
