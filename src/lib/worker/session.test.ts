import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../evaluate/protocol';
import { boundaryCells } from '../grid/boundary-cells';
import type { ColumnMapping } from '../io/column-mapping';
import { readArrow } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { preparePanel } from '../pipeline/prepare-panel';
import { Session } from './session';

const PORTLAND = new URL('../../../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url);
const MAPPING: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ENVIRONMENT = { hexcast: 'test', runtime: 'node', libraries: {} };

function portlandBytes(): ArrayBuffer {
  const bytes = readFileSync(PORTLAND);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Runs `fn` with `Function` refusing to compile strings, as the app's CSP (no 'unsafe-eval') does in the browser. */
function withoutEval<T>(fn: () => T): T {
  const original = globalThis.Function;
  const refuse = (): never => {
    throw new EvalError('Evaluating a string as JavaScript is refused by the Content-Security-Policy');
  };
  globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
  try {
    return fn();
  } finally {
    globalThis.Function = original;
  }
}

async function binnedSession(): Promise<Session> {
  const session = new Session(() => Promise.reject(new Error('no tfjs in this test')));
  await session.open([{ name: 'portland.arrow', bytes: portlandBytes() }]);
  session.load(MAPPING);
  return session;
}

describe('Session', () => {
  it('open() fingerprints the file and asks for a CRS for the projected x/y columns', async () => {
    const session = new Session(() => Promise.reject(new Error('unused')));
    const opened = await session.open([{ name: 'portland.arrow', bytes: portlandBytes() }]);
    expect(opened.sources[0].rows).toBe(15_206);
    expect(opened.sources[0].columns.map((c) => c.name)).toEqual(['occ_date', 'category', 'x_coordinate', 'y_coordinate']);
    expect(opened.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.sources[0].sha256).toBe(opened.sha256);
    expect(opened.suggestion.mapping).toBeNull();
    expect(opened.suggestion.missing[0]).toContain('CRS');
    expect(opened.preview.rows).toHaveLength(12);
  });

  it('open() of a file that is not Arrow fails and keeps the data opened before', async () => {
    const session = await binnedSession();
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    await expect(session.open([{ name: 'x.arrow', bytes: csv.buffer as ArrayBuffer }])).rejects.toThrow("file 'x.arrow' is CSV text");
    expect(session.bin({ res: 7, unit: 'month', timeZone: null, categories: null }).report.binned).toBe(15_206);
  });

  it('bin() totals add up to the binned incidents, and the category filter is counted as dropped rows', async () => {
    const session = await binnedSession();
    const all = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const sum = (a: Float32Array): number => a.reduce((s, v) => s + v, 0);
    expect(sum(all.cellTotals)).toBe(all.report.binned);
    expect(sum(all.periodTotals)).toBe(all.report.binned);
    expect(all.filtered).toBe(0);
    expect(all.geometry?.paths).toHaveLength(all.cells.length);
    const burglary = session.bin({ res: 7, unit: 'month', timeZone: null, categories: ['BURGLARY'] });
    expect(burglary.filtered).toBe(9842); // the MOTOR VEHICLE THEFT rows
    expect(sum(burglary.cellTotals)).toBe(burglary.report.binned);
    const again = session.bin({ res: 7, unit: 'month', timeZone: null, categories: ['BURGLARY'] });
    expect(again.geometry).toBeNull(); // the same cells as the answer before: the app keeps its geometry
    expect(again.geometryKey).toBe(burglary.geometryKey);
    expect(burglary.geometryKey).not.toBe(all.geometryKey);
  });

  it('run() then stepSlice(): the naive forecast of each fold is the count of the period before its cutoff', async () => {
    const session = await binnedSession();
    const binned = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const progress: string[] = [];
    const result = await session.run(
      { models: ['naive', 'historic-average'], protocol: protocolOf({ folds: 3, validation: 0, coverage: [0.1] }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      (p) => progress.push(p.stage),
    );
    expect(result.models).toEqual(['naive', 'historic-average']);
    expect(result.report.cutoffs.map((c) => c.cutoff)).toEqual([binned.periods.length - 3, binned.periods.length - 2, binned.periods.length - 1]);
    expect(progress).toContain('forecast');
    expect(progress).toContain('score');
    const C = binned.cells.length;
    const fold = 1;
    const slice = session.stepSlice(fold, 0);
    const before = session.stepSlice(0, 0); // the period before fold 1's cutoff is fold 0's test period
    expect(Array.from(slice.forecasts.subarray(0, C))).toEqual(Array.from(before.actual));
    expect(slice.period).toBe(binned.periods[binned.periods.length - 2]);
    const series = session.cellSeries(5, 0);
    expect(series.actual[binned.periods.length - 2]).toBe(slice.actual[5]);
    expect(series.forecasts[fold]).toBe(slice.forecasts[5]); // model 0, fold 1
    expect(series.forecasts[3 + fold]).toBe(slice.forecasts[C + 5]); // model 1, fold 1
    const table = tableFromIPC(withoutEval(() => session.forecastsFile()));
    expect(table.numRows).toBe(3 * C);
    expect(table.schema.fields.map((f) => f.name)).toContain('historic-average');
  });

  it("run() reports the same data section as the CLI's preparePanel for the same files, mapping and binning", async () => {
    const session = await binnedSession();
    session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const result = await session.run(
      { models: ['naive'], protocol: protocolOf({ folds: 2, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      () => {},
    );
    const bytes = new Uint8Array(portlandBytes());
    const prepared = preparePanel([readArrow(bytes, 'portland.arrow')], await sha256Hex(bytes), { mapping: MAPPING, bin: { res: 7, unit: 'month' } });
    expect(result.report.data).toEqual(prepared.data);
  });

  it('run() with an aborted signal stops with an AbortError', async () => {
    const session = await binnedSession();
    session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const controller = new AbortController();
    controller.abort();
    await expect(
      session.run({ models: ['naive'], protocol: protocolOf({ folds: 3, validation: 0 }), backend: 'auto', environment: ENVIRONMENT }, controller.signal, () => {}),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a GeoJSON boundary adds its empty cells to the panel and becomes the study region of the run', async () => {
    const session = await binnedSession();
    const plain = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const ring = [[-122.7, 45.5], [-122.5, 45.5], [-122.5, 45.62], [-122.7, 45.62], [-122.7, 45.5]]; // counter-clockwise, east Portland and beyond
    const text = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
    const file = await session.setBoundary({ name: 'east.geojson', text });
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const withBoundary = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const cover = boundaryCells(JSON.parse(text), 7);
    const { boundary } = withBoundary;
    expect(boundary).toMatchObject({ name: 'east.geojson', cells: cover.length });
    expect(boundary!.added).toBeGreaterThan(0); // the rectangle reaches past the data (east of the city)
    expect(withBoundary.cells.length).toBe(plain.cells.length + boundary!.added);
    expect(boundary!.outside).toBe(plain.cells.filter((c) => !cover.includes(c)).length);
    expect(withBoundary.geometry?.outline).toMatch(/^M/);
    const result = await session.run(
      { models: ['naive'], protocol: protocolOf({ folds: 2, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      () => {},
    );
    expect(result.report.panel.studyRegion).toMatchObject({ source: 'boundary', cells: cover.length });
    expect(Array.from(result.region).reduce((a, b) => a + b, 0)).toBe(cover.length);

    expect(await session.setBoundary(null)).toBeNull();
    expect(session.bin({ res: 7, unit: 'month', timeZone: null, categories: null }).boundary).toBeNull();
  });

  it.each([
    ['{ not json', "Boundary file 'b.geojson' is not valid JSON"],
    ['{"type":"Point","coordinates":[-122.6,45.5]}', "Boundary file 'b.geojson': The boundary is a GeoJSON Point; expected a Polygon or MultiPolygon"],
  ])('setBoundary(%s) refuses it with a message naming the file', async (text, message) => {
    const session = await binnedSession();
    await expect(session.setBoundary({ name: 'b.geojson', text })).rejects.toThrow(message);
  });

  it('stepSlice() before any run names what to do first', async () => {
    const session = await binnedSession();
    expect(() => session.stepSlice(0, 0)).toThrow('run a backtest first');
  });
});
