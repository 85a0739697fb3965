import { DateDay, Dictionary, Float64, Int32, TimestampMillisecond, Utf8, makeVector, tableFromIPC, vectorFromArray } from 'apache-arrow';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { HexcastError } from '../base/hexcast-error';
import { backtest, type BacktestResult } from '../evaluate/backtest';
import { forecastsFileBytes } from '../evaluate/forecasts-file';
import { hotspotScores } from '../evaluate/metrics';
import { protocolOf } from '../evaluate/protocol';
import type { ExternalModel } from '../evaluate/external-model';
import { BASELINES } from '../forecast/baselines';
import type { ModelSpec } from '../forecast/model-definition';
import { areaOf, centreOf, childrenOf, parentOf } from '../grid/h3';
import { CRS_DEFINITIONS } from '../io/crs-definitions';
import { loadCrs } from '../io/load-crs';
import { arrowTableBytes, timeVector, vectorOfValues } from '../io/arrow-table-bytes';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { openExternal } from './open-external';

const { panel } = syntheticPanel({ rings: 3, periods: 60, seed: 21, rate: ({ ring, period }) => (3 / (1 + ring)) * (1 + 0.4 * Math.sin(period / 3)) });
const C = panel.cells.length;
const protocol = protocolOf({ horizon: 2, folds: 6, step: 2, validation: 0, coverage: [0.05, 0.2] });
const MODELS: readonly ModelSpec[] = [
  { id: 'naive', params: {} },
  { id: 'historic-average', params: {} },
  { id: 'kde', params: { window: 4 } },
];
const run = (external?: readonly ExternalModel[], p = panel): Promise<BacktestResult> =>
  backtest({
    panel: p,
    protocol,
    models: MODELS,
    definitions: BASELINES,
    data: { kind: 'panel', files: [], sha256: '', rows: { read: 0, kept: 0, dropped: {} } },
    environment: { hexcast: 'test', runtime: 'test', libraries: {} },
    external,
  });
const builtIn = await run();
const KDE = 'kde(window=4, rings=1)';

/** Rows of the built-in forecasts file: period, cell and one model's forecast. */
function dump(result: BacktestResult, model: string): { period: number; cell: string; forecast: number; fold: number }[] {
  const table = tableFromIPC(forecastsFileBytes(panel, result.forecasts, result.region, result.scores));
  return table.toArray().map((r) => ({ period: Number(r.period), cell: String(r.cell), forecast: Number(r[model]), fold: Number(r.fold) }));
}

/** An external forecast file (period as a wall-clock timestamp, cell as text, forecast as Float64). */
function fileBytes(rows: readonly { period: number; cell?: string; lat?: number; lng?: number; forecast?: number }[]): Uint8Array {
  const columns: Record<string, ReturnType<typeof makeVector>> = {
    period: timeVector(
      rows.map((r) => r.period),
      'wall',
      'UTC',
    ),
  };
  if (rows[0].cell !== undefined)
    columns.cell = vectorOfValues(
      rows.map((r) => r.cell!),
      new Dictionary(new Utf8(), new Int32()),
    );
  if (rows[0].lat !== undefined) {
    columns.latitude = makeVector(Float64Array.from(rows, (r) => r.lat!));
    columns.longitude = makeVector(Float64Array.from(rows, (r) => r.lng!));
  }
  if (rows[0].forecast !== undefined)
    columns.forecast = vectorOfValues(
      rows.map((r) => r.forecast!),
      new Float64(),
    );
  return arrowTableBytes(columns);
}

const metricsOf = (result: BacktestResult, name: string) => result.report.models.find((m) => m.name === name)!.metrics;
const foldsOf = (result: BacktestResult, name: string) => result.report.folds.filter((f) => f.model === name).map((f) => f.metrics);

describe('external forecasts', () => {
  it("a built-in model's forecasts dump written as CSV (as vendors hand over) scores as that model did, and counts 2 broken records as read and dropped", async () => {
    const rows = dump(builtIn, KDE);
    const lines = rows.map((r) => `${new Date(r.period).toISOString().slice(0, 19)},${r.cell},${r.forecast}`);
    lines.splice(3, 0, 'a line cut short,');
    lines.splice(10, 0, '2018-01-01T00:00:00,8a2a1072b59ffff,1,extra');
    const opened = await openExternal('vendor', new TextEncoder().encode(`period,cell,forecast\r\n${lines.join('\r\n')}\r\n`), 'vendor.csv');
    const result = await run([opened.model]);
    expect(metricsOf(result, 'vendor')).toEqual(metricsOf(builtIn, KDE));
    const file = result.report.external!.files[0];
    expect(file.rows).toMatchObject({ read: 6 * 2 * C + 2, used: 6 * 2 * C });
    expect(file.rows.dropped['record-malformed']).toBe(2);
    expect(file.rows.examples.filter((e) => e.reason === 'record-malformed').map((e) => e.values)).toEqual([
      { line: '5', problem: '2 fields, expected 3' },
      { line: '12', problem: '4 fields, expected 3' },
    ]);
  });

  it("a built-in model's forecasts dump, written as (period, cell, forecast), scores exactly as that model did", async () => {
    const rows = dump(builtIn, KDE);
    expect(rows).toHaveLength(6 * 2 * C);
    const opened = await openExternal('vendor', fileBytes(rows), 'vendor.arrow');
    expect(opened.file.columns.shape).toBe('cell');
    const result = await run([opened.model]);
    expect(metricsOf(result, 'vendor')).toEqual(metricsOf(builtIn, KDE));
    expect(foldsOf(result, 'vendor')).toEqual(foldsOf(builtIn, KDE));
    const vendor = result.report.models.find((m) => m.name === 'vendor')!;
    const kde = builtIn.report.models.find((m) => m.name === KDE)!;
    // The same comparisons with the best baseline — except where kde itself is that baseline: there the copy ties it exactly.
    for (const [id, entry] of Object.entries(kde.comparisons)) {
      const byKey = ('verdict' in entry ? { '': entry } : entry) as Record<string, (typeof kde.comparisons)['mae']>;
      const theirs = (id in vendor.comparisons ? vendor.comparisons[id as 'mae'] : undefined) as unknown;
      for (const [key, comparison] of Object.entries(byKey)) {
        const mine = (key === '' ? theirs : (theirs as Record<string, unknown>)[key]) as (typeof kde.comparisons)['mae'];
        if (comparison.verdict === 'is-baseline')
          expect(mine).toMatchObject({ baseline: KDE, verdict: 'no-difference', difference: { mean: 0, lo: 0, hi: 0 } });
        else expect(mine).toEqual(comparison);
      }
    }
    expect(vendor.spec).toBe('external:vendor.arrow');
    const file = result.report.external!.files[0];
    expect(file.kind).toBe('count');
    expect(file.rows).toMatchObject({ read: 6 * 2 * C, used: 6 * 2 * C });
    expect(Object.values(file.rows.dropped).every((n) => n === 0)).toBe(true);
    expect(result.report.external!.folds).toMatchObject({ total: 6, scored: [0, 1, 2, 3, 4, 5] });
    expect(result.report.external!.note).toMatch(/scored as given/);
    // The built-in models' numbers are unchanged by the external one.
    expect(metricsOf(result, 'naive')).toEqual(metricsOf(builtIn, 'naive'));
    // The hygiene checklist is recomputed with the external model in it: every item as for the built-in run.
    expect(result.report.hygiene!.map((c) => [c.id, c.ok])).toEqual(builtIn.report.hygiene!.map((c) => [c.id, c.ok]));
  });

  it('cells finer than the panel are summed into their parents (each res-8 forecast split into its 7 res-9 children)', async () => {
    const rows = dump(builtIn, KDE).flatMap((r) => childrenOf({ cell: r.cell, res: 9 }).map((child) => ({ ...r, cell: child, forecast: r.forecast / 7 })));
    const opened = await openExternal('fine', fileBytes(rows), 'fine.arrow');
    const result = await run([opened.model]);
    const fine = metricsOf(result, 'fine');
    const kde = metricsOf(builtIn, KDE);
    expect(fine.mae.mean).toBeCloseTo(kde.mae.mean, 7); // Float32 sevenths summed back
    expect(fine.poissonDeviance.mean).toBeCloseTo(kde.poissonDeviance.mean, 6);
    expect(fine.hitRate['0.05'].mean).toBeCloseTo(kde.hitRate['0.05'].mean, 7);
    expect(result.report.external!.files[0].notes[0]).toBe(
      `${rows.length} rows give cells finer than the panel's resolution 8: each was summed into its parent cell.`,
    );
  });

  it('a coarser cell is split equally among its children at the panel resolution; the share outside the panel is lost and reported', async () => {
    const parent = parentOf({ cell: panel.cells[0], res: 7 });
    const children = childrenOf({ cell: parent, res: 8 });
    const inPanel = children.filter((c) => panel.cells.includes(c));
    const period = panel.periods[builtIn.forecasts.cutoffs[5]];
    // Only one period: the file covers no fold fully (horizon 2), so match it directly.
    const opened = await openExternal('coarse', fileBytes([{ period, cell: parent, forecast: 7 }]), 'coarse.arrow', { kind: 'count' });
    const context = { panel, region: builtIn.region, cutoffs: builtIn.forecasts.cutoffs, horizon: 2 };
    const match = opened.model.match(context, new Uint8Array(6).fill(1));
    const step0 = match.values.subarray((5 * 2 + 0) * C, (5 * 2 + 1) * C);
    panel.cells.forEach((cell, c) => expect(step0[c]).toBe(inPanel.includes(cell) ? 1 : 0)); // 7 / 7 children
    expect(children).toHaveLength(7);
    const lost = (7 - inPanel.length) / 7;
    expect(match.report.notes[0]).toContain('split equally among its children at resolution 8');
    if (lost > 0)
      expect(match.report.notes[0]).toContain(`${(lost * 100).toFixed(1).replace(/\.0$/, '')}% of their value on average fell on children outside the panel`);
    expect(opened.model.coverage(context)).toEqual(new Uint8Array(6)); // one of fold 5's two periods: no fold covered
  });

  it('a point file sums the forecasts of the points falling in each cell', async () => {
    const rows = dump(builtIn, KDE).flatMap((r) => {
      const { lat, lng } = centreOf(r.cell);
      return [0.25, 0.75].map((share) => ({ period: r.period, lat, lng, forecast: r.forecast * share }));
    });
    const opened = await openExternal('points', fileBytes(rows), 'points.arrow');
    expect(opened.file.columns.shape).toBe('point');
    expect(opened.file.columns.reason).toContain("place: 'latitude'");
    const result = await run([opened.model]);
    expect(metricsOf(result, 'points').mae.mean).toBeCloseTo(metricsOf(builtIn, KDE).mae.mean, 10);
    expect(metricsOf(result, 'points').pei['0.2'].mean).toBeCloseTo(metricsOf(builtIn, KDE).pei['0.2'].mean, 10);
  });

  it('x/y points in a declared CRS (NAD83 / Illinois East, US feet) land in the same cells as their lat/lon', async () => {
    const rows = dump(builtIn, KDE);
    const project = proj4('EPSG:4326', CRS_DEFINITIONS.get('EPSG:3435')!);
    const xy = rows.map((r) => {
      const { lat, lng } = centreOf(r.cell);
      return project.forward([lng, lat]);
    });
    const bytes = arrowTableBytes({
      period: timeVector(
        rows.map((r) => r.period),
        'wall',
        'UTC',
      ),
      x: makeVector(Float64Array.from(xy, (p) => p[0])),
      y: makeVector(Float64Array.from(xy, (p) => p[1])),
      forecast: makeVector(Float64Array.from(rows, (r) => r.forecast)),
    });
    await loadCrs('EPSG:3435');
    const opened = await openExternal('xy', bytes, 'xy.arrow', { crs: 'EPSG:3435' });
    expect(opened.file.columns.location).toEqual({ kind: 'xy', x: 'x', y: 'y', crs: null });
    const result = await run([opened.model]);
    expect(metricsOf(result, 'xy')).toEqual(metricsOf(builtIn, KDE));
  });

  it.each([
    ['ISO-8601 text without offset', (t: number) => new Date(t).toISOString().slice(0, 19), new Utf8()],
    ['Date32 days', (t: number) => new Date(t), new DateDay()],
    ['epoch seconds (an instant, converted to the panel’s wall clock in UTC)', (t: number) => t / 1000, new Float64()],
  ] as const)('periods as %s are read as the incident loader reads them', async (_, encode, type) => {
    const rows = dump(builtIn, KDE);
    const bytes = arrowTableBytes({
      period: vectorFromArray(
        rows.map((r) => encode(r.period)),
        type as never,
      ),
      cell: vectorOfValues(
        rows.map((r) => r.cell),
        new Utf8(),
      ),
      forecast: makeVector(Float64Array.from(rows, (r) => r.forecast)),
    });
    const opened = await openExternal('t', bytes, 't.arrow');
    const context = { panel, region: builtIn.region, cutoffs: builtIn.forecasts.cutoffs, horizon: 2 };
    const match = opened.model.match(context, new Uint8Array(6).fill(1));
    expect(match.report.rows.used).toBe(rows.length);
    expect(match.values).toEqual(builtIn.forecasts.models[2].values);
  });

  it("a flagged point with a box side flags the cells covering the box, and the box/cover area mismatch is reported (PredPol's 500 ft)", async () => {
    const cutoff = builtIn.forecasts.cutoffs[0];
    const { lat, lng } = centreOf(panel.cells[10]);
    const bytes = arrowTableBytes({
      period: timeVector([panel.periods[cutoff], panel.periods[cutoff + 1]], 'wall', 'UTC'),
      latitude: makeVector(Float64Array.of(lat, lat)),
      longitude: makeVector(Float64Array.of(lng, lng)),
    });
    const context = { panel, region: builtIn.region, cutoffs: builtIn.forecasts.cutoffs, horizon: 2 };
    const small = (await openExternal('boxes', bytes, 'boxes.arrow', { boxSide: 152.4 })).model.match(context, new Uint8Array(6).fill(1));
    // A 152.4 m box holds no res-8 cell centre (cells are ~0.74 km²): it is covered by the one cell it sits in.
    expect(Array.from(small.values.subarray(0, C)).flatMap((v, c) => (v > 0 ? [panel.cells[c]] : []))).toEqual([panel.cells[10]]);
    const boxArea = 2 * 152.4 * 152.4;
    const coverArea = 2 * areaOf(panel.cells[10]);
    expect(small.report.notes[0]).toBe(
      `2 flagged boxes of 152.4 m × 152.4 m (${(boxArea / 1e6).toPrecision(3)} km² in all) are covered by H3 cells of resolution 8 with ${(coverArea / 1e6).toPrecision(3)} km² in all: the cover is ${(coverArea / boxArea).toFixed(2)}× the boxes' area, and every model is scored on the cover's area.`,
    );
    const big = (await openExternal('boxes', bytes, 'boxes.arrow', { boxSide: 3000 })).model.match(context, new Uint8Array(6).fill(1));
    const flagged = Array.from(big.values.subarray(0, C)).filter((v) => v > 0).length;
    expect(flagged).toBeGreaterThan(7); // a 3 km box holds more than a cell and its 6 neighbours (~0.74 km² each)
    expect(big.kind).toBe('flags');
  });

  it('a flag-only file is scored on its own flagged area, and every baseline on exactly the same area in the same periods', async () => {
    // Flag the 3 cells the historic average ranks highest at each test period (points at their centres).
    const rows = dump(builtIn, 'historic-average');
    const flags: { period: number; lat: number; lng: number }[] = [];
    for (const period of [...new Set(rows.map((r) => r.period))]) {
      const top = rows
        .filter((r) => r.period === period)
        .sort((a, b) => b.forecast - a.forecast || (a.cell < b.cell ? -1 : 1))
        .slice(0, 3);
      for (const r of top) flags.push({ period, ...centreOf(r.cell) });
    }
    const bytes = arrowTableBytes({
      period: timeVector(
        flags.map((f) => f.period),
        'wall',
        'UTC',
      ),
      lat: makeVector(Float64Array.from(flags, (f) => f.lat)),
      lon: makeVector(Float64Array.from(flags, (f) => f.lng)),
    });
    const opened = await openExternal('flags', bytes, 'flags.arrow');
    expect(opened.file.columns.shape).toBe('flag');
    const result = await run([opened.model]);
    const file = result.report.external!.files[0];
    expect(file.kind).toBe('flags');
    expect(file.kindReason).toBe('no value column: each row flags a place');
    expect(file.rows.used).toBe(6 * 2 * 3);
    // Not scored at the protocol's coverages: every metric blank.
    expect(metricsOf(result, 'flags').hitRate['0.05'].mean).toBeNaN();
    expect(metricsOf(result, 'flags').mae.mean).toBeNaN();
    const [flagged] = result.report.external!.flagged;
    expect(flagged.cellsPerPeriod).toBe(3);
    // Recompute fold 0 by hand: the flag model's hit rate = incidents in its 3 cells / all incidents, mean of 2 steps;
    // a baseline's = hotspotScores at the same area fraction.
    const region = result.region;
    const cutoff = result.forecasts.cutoffs[0];
    let hand = 0;
    let naiveHand = 0;
    const naive = result.forecasts.models[0].values;
    for (let s = 0; s < 2; s++) {
      const actual = panel.counts.subarray((cutoff + s) * C, (cutoff + s + 1) * C);
      const mine = flags.filter((f) => f.period === panel.periods[cutoff + s]);
      const cells = new Set(
        rows
          .filter((r) => r.period === panel.periods[cutoff + s])
          .sort((a, b) => b.forecast - a.forecast || (a.cell < b.cell ? -1 : 1))
          .slice(0, 3)
          .map((r) => r.cell),
      );
      expect(mine).toHaveLength(3);
      const total = actual.reduce((a, b) => a + b, 0);
      const captured = panel.cells.reduce((n, cell, c) => n + (cells.has(cell) ? actual[c] : 0), 0);
      hand += captured / total / 2;
      const area = panel.cells.reduce((a, cell, c) => a + (cells.has(cell) ? panel.area[c] : 0), 0);
      naiveHand += hotspotScores(naive.subarray(s * C, (s + 1) * C), actual, panel.area, region.mask, [area / region.area])[0].hitRate / 2;
    }
    const key = Object.keys(flagged.models[0].metrics.hitRate)[0];
    const flagModel = flagged.models.find((m) => m.name === 'flags')!;
    expect(key).toBe(String(flagged.areaFraction));
    expect(result.report.folds.length).toBe(4 * 6);
    // Fold means are what summariseScores interval-summarises; recompute fold 0 via a 1-fold summary check of the mean.
    expect(flagModel.metrics.hitRate[key].n).toBe(6);
    expect(hand).toBeGreaterThan(0);
    expect(naiveHand).toBeGreaterThan(0);
    expect(flagModel.comparisons.hitRate[key].baseline).not.toBe('');
    // Same area for everyone: the flag model's fold-0 value equals the hand count, the naive's the direct call.
    const { flaggedComparison } = await import('../evaluate/external-scores');
    const direct = flaggedComparison(
      panel,
      { ...result.forecasts, cutoffs: [cutoff], models: result.forecasts.models.map((m) => ({ ...m, values: m.values.subarray(0, 2 * C) })) },
      region,
      3,
      ['baseline', 'baseline', 'baseline', 'learned'],
      protocol,
    );
    expect(direct.models[3].metrics.hitRate[String(direct.areaFraction)].mean).toBeCloseTo(hand, 12);
    expect(direct.models[0].metrics.hitRate[String(direct.areaFraction)].mean).toBeCloseTo(naiveHand, 12);
  });

  it('a file covering only some folds is scored on those folds, and so is every baseline', async () => {
    const rows = dump(builtIn, KDE).filter((r) => r.fold >= 3);
    const opened = await openExternal('late', fileBytes(rows), 'late.arrow');
    const result = await run([opened.model]);
    expect(result.report.external!.folds.scored).toEqual([3, 4, 5]);
    expect(result.report.external!.folds.note).toBe(
      'Scored on the 3 of 6 folds every external file covers (folds 3–5); every model, baselines included, on those folds only.',
    );
    expect(result.report.cutoffs.map((c) => c.cutoff)).toEqual(builtIn.report.cutoffs.slice(3).map((c) => c.cutoff));
    expect(foldsOf(result, 'naive')).toEqual(foldsOf(builtIn, 'naive').slice(3));
    expect(foldsOf(result, 'late')).toEqual(foldsOf(builtIn, KDE).slice(3));
    expect(metricsOf(result, 'late').mae.n).toBe(3);
    // The checklist holds the subset to the same rules: cutoffs of the covered folds pass, 3 folds are too few for intervals.
    const items = Object.fromEntries(result.report.hygiene!.map((c) => [c.id, c]));
    expect(items['cutoffs-fixed'].ok).toBe(true);
    expect(items['cutoffs-fixed'].reason).toMatch(/\(the 3 folds every external file covers, chosen from its rows before scoring\)$/);
    expect(items['every-cell-scored'].ok).toBe(true);
    expect(items['enough-folds'].ok).toBe(false);
  });

  it('a period before 1900 is dropped as time-implausible, counted with its example (it crashed the run before)', async () => {
    const cutoff = builtIn.forecasts.cutoffs[0];
    const table = arrowTableBytes({
      period: vectorFromArray([panel.periods[cutoff], Date.UTC(1850, 0, 6)], new TimestampMillisecond()),
      cell: vectorFromArray([panel.cells[0], panel.cells[1]], new Utf8()),
      forecast: makeVector(Float64Array.of(1, 1)),
    });
    const opened = await openExternal('old', table, 'old.arrow');
    const context = { panel, region: builtIn.region, cutoffs: builtIn.forecasts.cutoffs, horizon: 2 };
    const { report } = opened.model.match(context, Uint8Array.from([1, 0, 0, 0, 0, 0]));
    expect(report.rows).toMatchObject({ read: 2, used: 1 });
    expect(report.rows.dropped['time-implausible']).toBe(1);
    expect(report.rows.examples.map((e) => [e.row, e.reason])).toEqual([[1, 'time-implausible']]);
  });

  it('accounts for every row: used, or dropped with its reason and examples', async () => {
    const cutoff = builtIn.forecasts.cutoffs[0];
    const test = panel.periods[cutoff];
    const far = parentOf({ cell: '8a2a1072b59ffff', res: 8 }); // New York, far from the Chicago panel
    const table = arrowTableBytes({
      period: vectorFromArray(
        [test, null, test, test, test + 3 * 86_400_000, panel.periods[0], test, test, test, panel.periods[cutoff + 1]],
        new TimestampMillisecond(),
      ),
      cell: vectorFromArray(
        [panel.cells[0], panel.cells[1], 'zzz', panel.cells[2], panel.cells[3], panel.cells[4], far, panel.cells[0], null, panel.cells[5]],
        new Utf8(),
      ),
      forecast: makeVector(Float64Array.of(1, 1, 1, Number.NaN, 1, 1, 1, 1, 1, 1)),
    });
    const opened = await openExternal('messy', table, 'messy.arrow');
    const context = { panel, region: builtIn.region, cutoffs: builtIn.forecasts.cutoffs, horizon: 2 };
    expect(opened.model.coverage(context)).toEqual(Uint8Array.from([1, 0, 0, 0, 0, 0]));
    const scored = Uint8Array.from([1, 0, 0, 0, 0, 0]);
    const { report } = opened.model.match(context, scored);
    expect(report.rows.read).toBe(10);
    expect(report.rows.used).toBe(2); // row 0 and row 9 (fold 0, step 2)
    const nonZero = Object.fromEntries(Object.entries(report.rows.dropped).filter(([, n]) => n > 0));
    expect(nonZero).toEqual({
      'time-null': 1,
      'cell-null': 1,
      'cell-invalid': 1,
      'value-invalid': 1,
      'period-misaligned': 1,
      'period-outside-backtest': 1,
      'cell-outside-panel': 1,
      duplicate: 1,
    });
    expect(report.rows.read).toBe(report.rows.used + Object.values(report.rows.dropped).reduce((a, b) => a + b, 0));
    expect(report.rows.examples.map((e) => [e.row, e.reason])).toEqual([
      [1, 'time-null'],
      [8, 'cell-null'],
      [2, 'cell-invalid'],
      [3, 'value-invalid'],
      [4, 'period-misaligned'],
      [5, 'period-outside-backtest'],
      [6, 'cell-outside-panel'],
      [7, 'duplicate'],
    ]);
    expect(report.rows.examples[1].values).toEqual({ period: '2018-12-03T00:00:00.000', cell: 'null', forecast: '1' });
    // Only fold 0 covered: a second file's rows in fold 1 are 'fold-not-scored'.
    const late = await openExternal('late', fileBytes(dump(builtIn, KDE).filter((r) => r.fold <= 1)), 'late.arrow');
    const lateMatch = late.model.match(context, scored);
    expect(lateMatch.report.rows.dropped['fold-not-scored']).toBe(2 * C);
    expect(lateMatch.report.rows.used).toBe(2 * C);
  });

  it('a risk score (negative values, or named score) gets hotspot metrics only, and the report says why', async () => {
    const rows = dump(builtIn, KDE).map((r) => ({ ...r, forecast: Math.log(r.forecast + 0.01) }));
    const opened = await openExternal('risk', fileBytes(rows), 'risk.arrow');
    const result = await run([opened.model]);
    const file = result.report.external!.files[0];
    expect(file.kind).toBe('score');
    expect(file.kindReason).toMatch(/^it has negative values \(down to -3\.17\), which no count can have$/);
    expect(metricsOf(result, 'risk').mae.mean).toBeNaN();
    expect(metricsOf(result, 'risk').poissonDeviance.mean).toBeNaN();
    // log is monotone: the ranking, hence every hotspot score, is the model's own.
    expect(metricsOf(result, 'risk').hitRate).toEqual(metricsOf(builtIn, KDE).hitRate);
    expect(result.report.external!.kindNotes[0]).toMatch(/^risk is a risk score, not an expected count/);
  });

  it('a count 100× above the training incidents is taken for a score, with the numbers', async () => {
    const rows = dump(builtIn, KDE).map((r) => ({ ...r, forecast: r.forecast * 100 }));
    const result = await run([(await openExternal('big', fileBytes(rows), 'big.arrow')).model]);
    expect(result.report.external!.files[0].kind).toBe('score');
    expect(result.report.external!.files[0].kindReason).toMatch(/more than 10× apart/);
    const declared = await openExternal('big', fileBytes(rows), 'big.arrow', { kind: 'count' });
    expect((await run([declared.model])).report.external!.files[0]).toMatchObject({ kind: 'count', kindReason: 'declared' });
  });

  it.each([
    ['no period column', { cell: vectorOfValues(['x'], new Utf8()) }, { code: 'external-columns', file: 'bad.arrow', column: 'period' }],
    [
      'no place',
      { period: timeVector([0], 'wall', 'UTC'), forecast: makeVector(Float64Array.of(1)) },
      { code: 'external-columns', file: 'bad.arrow', column: 'cell' },
    ],
    [
      'x/y without a CRS',
      {
        period: timeVector([0], 'wall', 'UTC'),
        x: makeVector(Float64Array.of(7.6e6)),
        y: makeVector(Float64Array.of(6.8e5)),
        forecast: makeVector(Float64Array.of(1)),
      },
      { code: 'crs-unknown', file: 'bad.arrow', column: 'x' },
    ],
  ])('a bad file (%s) is an InputError naming the file and column', async (_, columns, where) => {
    const error = await openExternal('bad', arrowTableBytes(columns), 'bad.arrow').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HexcastError);
    expect(error).toMatchObject(where);
  });

  it('a file that covers no fold is an InputError naming the file, the column and the first unusable row', async () => {
    const rows = dump(builtIn, KDE).map((r) => ({ ...r, period: r.period + 86_400_000 })); // every period a day late
    const opened = await openExternal('late', fileBytes(rows), 'late.arrow');
    const error = await run([opened.model]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'external-no-folds', file: 'late.arrow', column: 'period', row: 0 });
    expect((error as Error).message).toMatch(
      /^external forecasts 'late' \(file 'late\.arrow'\) cover no fold of the backtest: .*; first unusable row: 0 \(period-misaligned: period = /,
    );
  });

  it('a kind the file cannot be (count without values), or a bad name, is an InputError', async () => {
    const bytes = arrowTableBytes({ period: timeVector([0], 'wall', 'UTC'), cell: vectorOfValues([panel.cells[0]], new Utf8()) });
    await expect(openExternal('v', bytes, 'flags.arrow', { kind: 'count' })).rejects.toMatchObject({ code: 'external-kind', file: 'flags.arrow' });
    await expect(openExternal('a b', bytes, 'flags.arrow')).rejects.toMatchObject({ code: 'external-name' });
  });
});
