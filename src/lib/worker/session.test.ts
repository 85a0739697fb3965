import { readFileSync } from 'node:fs';
import { Int64, TimestampMillisecond, Uint64, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../evaluate/protocol';
import { boundaryCells } from '../grid/boundary-cells';
import { cellOf, diskOf } from '../grid/h3';
import { arrowTableBytes } from '../io/arrow-table-bytes';
import { panelFileBytes } from '../grid/panel-file';
import type { ColumnMapping } from '../io/column-mapping';
import { readArrow } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { preparePanel } from '../pipeline/prepare-panel';
import { vancouverFileBytes } from '../../../test/fixtures/vancouver-file';
import { hashCells, Session } from './session';

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
  await session.load(MAPPING);
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
    // The CRSs that fit, ranked: Oregon North in feet (EPSG:2913 among its datums).
    expect(opened.crsCandidates?.[0].name).toMatch(/Oregon North \(ft\)/);
    expect([opened.crsCandidates?.[0].code, ...(opened.crsCandidates?.[0].sameAs ?? [])]).toContain(2913);
  });

  it('bin() names cells by the place column, one string per cell', async () => {
    const session = new Session(() => Promise.reject(new Error('unused')));
    await session.open([{ name: 'vancouver.arrow', bytes: vancouverFileBytes().slice().buffer }]);
    await session.load({
      time: { column: 'occurred_at' },
      location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:32610' },
      category: 'type',
      place: 'neighbourhood',
    });
    const binned = session.bin({ res: 8, unit: 'week', timeZone: null, categories: null });
    expect(binned.cellNames).toHaveLength(binned.cells.length);
    expect(new Set(binned.cellNames)).toEqual(new Set(['West End', 'Strathcona']));
  });

  it('open() of a file in no format Hexcast reads fails and keeps the data opened before', async () => {
    const session = await binnedSession();
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0); // CSV, gzip and GeoJSON open since #14; a zip archive does not
    await expect(session.open([{ name: 'x.arrow', bytes: zip.buffer as ArrayBuffer }])).rejects.toThrow("file 'x.arrow' is a zip archive");
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
    await session.prepareBin({ res: 7, unit: 'month', timeZone: null, categories: ['BURGLARY'] }); // the streamed file decoded with the filter
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

  it('plan() says what a run would use on the binned panel: an explicit fold count shortens kde’s auto window to the first fold', async () => {
    const session = await binnedSession();
    const P = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null }).periods.length;
    // folds = P − 2 puts the first cutoff at (P − 1) − (P − 3) = 2: kde's 3 months shrink to 2.
    const plan = await session.plan(['naive', 'kde'], protocolOf({ folds: P - 2 }));
    expect(plan.folds).toBe(P - 2);
    expect(plan.models).toEqual(['naive', 'kde:window=2']);
    expect(plan.choices).toEqual([{ setting: 'kde: window', value: 2, reason: "auto: 3 by bucket, shortened to fit the first fold's 2 training periods" }]);
    expect(plan.leftOut).toEqual([]);
    await expect(session.plan(['seasonal-naive'], protocolOf({ folds: P - 2 }))).rejects.toThrow(
      "Model 'seasonal-naive(m=12)' needs 12 training periods, but the first fold has only 2",
    );
    expect((await session.plan(['naive', 'seasonal-naive'], protocolOf({}))).folds).toBe(26);
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
      session.run(
        { models: ['naive'], protocol: protocolOf({ folds: 3, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
        controller.signal,
        () => {},
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a GeoJSON boundary adds its empty cells to the panel and becomes the study region of the run', async () => {
    const session = await binnedSession();
    const plain = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const ring = [
      [-122.7, 45.5],
      [-122.5, 45.5],
      [-122.5, 45.62],
      [-122.7, 45.62],
      [-122.7, 45.5],
    ]; // counter-clockwise, east Portland and beyond
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

  it('an area layer is apportioned at every bin, drawn on the map, passed to the run and kept in its forecasts file', async () => {
    const session = await binnedSession();
    // Two rectangles over Portland with people by group; the second's groups are given as digit strings.
    const rectangle = (w: number, s: number, e: number, n: number): number[][][] => [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ];
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'west',
          properties: { black: 100, white: 300, total_pop: 500 },
          geometry: { type: 'Polygon', coordinates: rectangle(-122.7, 45.5, -122.6, 45.55) },
        },
        {
          type: 'Feature',
          id: 'east',
          properties: { black: '50', white: '150', total_pop: '250' },
          geometry: { type: 'Polygon', coordinates: rectangle(-122.6, 45.5, -122.5, 45.55) },
        },
      ],
    });
    const info = session.setAreas({ name: 'toy.geojson', text });
    expect(info).toMatchObject({ name: 'toy.geojson', numeric: ['black', 'white', 'total_pop'], groups: ['black', 'white'], total: 'total_pop' });
    const binned = session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    const areas = binned.areas!;
    expect(areas.attributes.cells).toEqual(binned.cells);
    const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);
    // Both rectangles lie inside the data's cells: all 750 people reach them.
    expect(sum(areas.attributes.total.values)).toBeCloseTo(750, 6);
    expect(areas.lines[0]).toBe('areas toy.geojson: 2 features, 2 used, 0 dropped');
    expect(binned.geometry?.areaOutlines).toMatch(/^M/);
    const result = await session.run(
      { models: ['naive'], protocol: protocolOf({ folds: 2, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      () => {},
    );
    expect(result.models).toEqual(['naive']);
    const table = tableFromIPC(session.forecastsFile());
    expect(table.schema.fields.map((f) => f.name).filter((n) => n.startsWith('area_') && n !== 'area_m2')).toEqual([
      'area_black',
      'area_white',
      'area_total_pop',
      'area_covered',
    ]);
    expect(() => session.setAreas({ name: 'toy.geojson', text, groups: ['nope'] })).toThrow(/group column 'nope' is not a property there/);
    expect(session.setAreas(null)).toBeNull();
    expect(session.bin({ res: 7, unit: 'month', timeZone: null, categories: null }).areas).toBeNull();
  });

  it.each([
    ['{ not json', "Boundary file 'b.geojson' is not valid JSON"],
    ['{"type":"Point","coordinates":[-122.6,45.5]}', "Boundary file 'b.geojson': The boundary is a GeoJSON Point; expected a Polygon or MultiPolygon"],
  ])('setBoundary(%s) refuses it with a message naming the file', async (text, message) => {
    const session = await binnedSession();
    await expect(session.setBoundary({ name: 'b.geojson', text })).rejects.toThrow(message);
  });

  it('resolutionCells() counts cells per resolution close to what binning at each one gives, for the category filter in use', async () => {
    const session = await binnedSession();
    const all = session.resolutionCells([6, 7, 8], null).counts;
    expect(all.map((c) => c.res)).toEqual([6, 7, 8]);
    for (const { res, cells } of all) {
      const exact = session.bin({ res, unit: 'day', timeZone: null, categories: null }).cells.length; // days: nothing trimmed
      expect(Math.abs(cells - exact)).toBeLessThanOrEqual(Math.ceil(exact * 0.02));
    }
    const burglary = session.resolutionCells([6, 7, 8], ['BURGLARY']).counts;
    expect(burglary[2].cells).toBeLessThan(all[2].cells);
    await session.prepareBin({ res: 8, unit: 'day', timeZone: null, categories: ['BURGLARY'] });
    expect(burglary[2].cells).toBe(session.bin({ res: 8, unit: 'day', timeZone: null, categories: ['BURGLARY'] }).cells.length); // the finest level is exact
  });

  it('stepSlice() before any run names what to do first', async () => {
    const session = await binnedSession();
    expect(() => session.stepSlice(0, 0)).toThrow('run a backtest first');
  });

  describe('pre-binned panel files', () => {
    const RUN = {
      models: ['naive', 'historic-average'],
      protocol: protocolOf({ folds: 4, validation: 0, coverage: [0.1] }),
      backend: 'auto' as const,
      environment: ENVIRONMENT,
    };
    const monthly = { res: 7, unit: 'month' as const, timeZone: null, categories: null };

    /** Portland binned monthly at resolution 7, written as `hexcast bin` writes it. */
    function portlandPanelBytes(): ArrayBuffer {
      const bytes = new Uint8Array(portlandBytes());
      const { panel } = preparePanel([readArrow(bytes, 'portland.arrow')], '0', { mapping: MAPPING, bin: { res: 7, unit: 'month' } });
      const file = panelFileBytes(panel);
      return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    }

    /** A DuckDB-style file: uint64 cells, periods as UTC instants at Chicago midnight (06:00 UTC in January), int64 counts. */
    function duckdbBytes(): { bytes: ArrayBuffer; cells: string[] } {
      const cells = diskOf({ cell: cellOf({ lat: 41.88, lng: -87.63, res: 9 }), k: 1 })[1].sort();
      const day = (d: number): number => Date.UTC(2018, 0, 1 + d, 6);
      const file = arrowTableBytes({
        cell: vectorFromArray(
          [cells[0], cells[1], cells[0]].map((c) => BigInt(`0x${c}`)),
          new Uint64(),
        ),
        period: vectorFromArray([day(0), day(1), day(3)], new TimestampMillisecond('UTC')),
        count: vectorFromArray([BigInt(2), BigInt(5), BigInt(1)], new Int64()),
      });
      return { bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer, cells };
    }

    it('open() recognises a panel file, load() refuses a mapping for it, and loadPanel() ignores overrides of a file with Hexcast metadata', async () => {
      const session = new Session(() => Promise.reject(new Error('unused')));
      const opened = await session.open([{ name: 'portland-panel.arrow', bytes: portlandPanelBytes() }]);
      expect(opened.kind).toBe('panel');
      expect(opened.preview.columns).toEqual(['cell', 'period', 'count', 'area_m2']);
      await expect(session.load(MAPPING)).rejects.toThrow(
        'portland-panel.arrow: a pre-binned panel file (cell, period, count) is read as a panel, without a column mapping',
      );
      const { summary, report } = session.loadPanel({ unit: 'day', timeZone: 'America/Los_Angeles' });
      expect(summary).toMatchObject({
        res: 7,
        unit: 'month',
        timeZone: 'UTC',
        clock: 'wall',
        incidents: 15_206,
        metadata: true,
        unitFrom: 'metadata',
        zoneFrom: 'metadata',
        zoneDeclared: false,
      });
      expect(summary.periods).toBe(63); // March 2012 to May 2017
      expect(report).toMatchObject({ read: opened.sources[0].rows, used: opened.sources[0].rows, duplicates: 0 });
    });

    it('run() on the panel file gives the same metrics as on the incidents it was binned from, and reports data of kind panel', async () => {
      const fromIncidents = await binnedSession();
      const binned = fromIncidents.bin(monthly);
      const expected = await fromIncidents.run(RUN, new AbortController().signal, () => {});

      const session = new Session(() => Promise.reject(new Error('unused')));
      const bytes = portlandPanelBytes();
      const file = new Uint8Array(bytes.slice(0));
      await session.open([{ name: 'portland-panel.arrow', bytes }]);
      session.loadPanel({});
      const fromPanel = session.bin({ res: 9, unit: 'day', timeZone: 'Asia/Tokyo', categories: ['BURGLARY'] }); // settings of the file win
      expect(fromPanel).toMatchObject({ kind: 'panel', res: 7, unit: 'month', filtered: 0, zoneDeclared: false });
      expect(fromPanel.cells).toEqual(binned.cells);
      expect(Array.from(fromPanel.cellTotals)).toEqual(Array.from(binned.cellTotals));
      const result = await session.run(RUN, new AbortController().signal, () => {});
      expect(result.report.models.map((m) => m.metrics)).toEqual(expected.report.models.map((m) => m.metrics));
      expect(result.report.data).toEqual({
        kind: 'panel',
        files: [{ name: 'portland-panel.arrow', bytes: file.byteLength, rows: readArrow(file, 'x').table.numRows }],
        sha256: await sha256Hex(file),
        rows: { read: readArrow(file, 'x').table.numRows, kept: readArrow(file, 'x').table.numRows, dropped: {} },
      });
    });

    it('loadPanel(options) of a file without metadata infers the bucket, takes a zone and a unit override, and keeps the panel when an override does not fit', async () => {
      const session = new Session(() => Promise.reject(new Error('unused')));
      const { bytes, cells } = duckdbBytes();
      const opened = await session.open([{ name: 'duck.arrow', bytes }]);
      expect(opened.kind).toBe('panel');
      expect(opened.preview.rows.map((r) => r.cell)).toEqual([cells[0], cells[1], cells[0]]); // H3 indexes, not decimal integers
      // In UTC the periods (06:00) lie on no day boundary: only the hour grid fits.
      expect(session.loadPanel({}).summary).toMatchObject({
        unit: 'hour',
        timeZone: 'UTC',
        clock: 'instant',
        periods: 3 * 24 + 1,
        metadata: false,
        unitFrom: 'periods',
        zoneFrom: 'column',
      });
      // At Chicago midnight they are days: 1, 2, (3 empty), 4 January.
      const chicago = session.loadPanel({ timeZone: 'America/Chicago' });
      expect(chicago.summary).toMatchObject({
        unit: 'day',
        timeZone: 'America/Chicago',
        periods: 4,
        cells: 2,
        incidents: 8,
        unitFrom: 'periods',
        zoneFrom: 'override',
        zoneDeclared: true,
      });
      expect(session.loadPanel({ timeZone: 'America/Chicago', unit: 'hour' }).summary).toMatchObject({
        unit: 'hour',
        periods: 3 * 24 + 1,
        unitFrom: 'override',
      });
      session.loadPanel({ timeZone: 'America/Chicago' });
      expect(() => session.loadPanel({ timeZone: 'America/Chicago', unit: 'week' })).toThrow(
        /row 1: period .* is not the start of a week bucket in America\/Chicago/,
      );
      expect(session.bin(monthly)).toMatchObject({ kind: 'panel', unit: 'day', timeZone: 'America/Chicago', res: 9 });
    });

    it('open() of panel and incident files together fails and keeps what was open', async () => {
      const session = await binnedSession();
      await expect(
        session.open([
          { name: 'portland.arrow', bytes: portlandBytes() },
          { name: 'duck.arrow', bytes: duckdbBytes().bytes },
        ]),
      ).rejects.toThrow('duck.arrow is a pre-binned panel file(s) and cannot be loaded together with incident files');
      expect(session.bin(monthly).kind).toBe('incidents');
      expect(() => session.loadPanel({})).toThrow('portland.arrow: incident files are loaded with a column mapping, not read as a panel');
    });
  });
});

describe('hashCells', () => {
  it('hashCells([]) is the FNV-1a offset basis and hashCells([\'a\']) is FNV-1a of "a,"', () => {
    expect(hashCells([])).toBe('811c9dc5');
    // FNV-1a("a") = 0xe40c292c; then (0xe40c292c ^ 0x2c) × 16777619 mod 2^32.
    expect(hashCells(['a'])).toBe((Math.imul(0xe40c292c ^ 0x2c, 0x01000193) >>> 0).toString(16));
  });

  it('hashCells depends on the order and on where one cell ends and the next begins', () => {
    expect(hashCells(['a', 'b'])).not.toBe(hashCells(['b', 'a']));
    expect(hashCells(['ab'])).not.toBe(hashCells(['a', 'b']));
  });
});
