/**
 * End to end on a real file: a forecast made at a cutoff cannot depend on where, or whether,
 * later incidents happen. Portland's file is loaded, binned and backtested twice through the
 * same pipeline as the CLI's (`preparePanel`, `backtest`, `forecastsFileBytes`): once as
 * published, once with every incident from a date on moved ~30 km east (into cells that never
 * had an incident) — or with one incident added on the panel's last day in a new cell. The
 * dumps of every earlier cutoff's forecasts must be bit-identical.
 */
import { readFileSync } from 'node:fs';
import { DateDay, Dictionary, Int32, Utf8, makeVector, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { backtest } from '../evaluate/backtest';
import { protocolOf } from '../evaluate/protocol';
import { BASELINES } from '../forecast/baselines';
import { ALL_MODELS } from '../forecast/models';
import { arrowTableBytes, vectorOfValues } from '../io/arrow-table-bytes';
import type { ColumnMapping } from '../io/column-mapping';
import { forecastsFileBytes } from '../evaluate/forecasts-file';
import { readArrow } from '../io/read-arrow';
import { preparePanel } from './prepare-panel';

const DAY = 86_400_000;
const FILE = new URL('../../../../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url);
const mapping: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const environment = { hexcast: 'test', runtime: 'test', libraries: {} };

/** The file's rows as plain columns (dates as epoch ms). */
interface Rows {
  date: number[];
  category: string[];
  x: number[];
  y: number[];
}

function readRows(): Rows {
  const table = tableFromIPC(readFileSync(FILE));
  const column = <T>(name: string): T[] => Array.from(table.getChild(name)!, (v) => v as T);
  return { date: column<number>('occ_date'), category: column<string>('category'), x: column<number>('x_coordinate'), y: column<number>('y_coordinate') };
}

/** A file with these rows, in the published schema. */
function fileOf(rows: Rows): Uint8Array {
  return arrowTableBytes({
    occ_date: vectorOfValues(rows.date, new DateDay()),
    category: vectorOfValues(rows.category, new Dictionary(new Utf8(), new Int32())),
    x_coordinate: makeVector(Float64Array.from(rows.x)),
    y_coordinate: makeVector(Float64Array.from(rows.y)),
  });
}

/** Loads, bins (res 8, weekly) and backtests a file; returns the panel and the forecasts dump's rows. */
async function run(bytes: Uint8Array, models: readonly string[]) {
  const { panel, data } = preparePanel([readArrow(bytes, 'portland.arrow')], '', { mapping, bin: { res: 8, unit: 'week' } });
  const result = await backtest({
    panel,
    protocol: protocolOf({ horizon: 2, folds: 10, step: 4, validation: 8, seed: 3 }),
    models: models.map((id) => ({ id, params: {} })),
    definitions: ALL_MODELS,
    data,
    environment,
  });
  const dump = tableFromIPC(forecastsFileBytes(panel, result.forecasts, result.region, result.scores));
  return { panel, names: result.forecasts.models.map((m) => m.name), rows: dump.toArray().map((row) => row.toJSON() as Record<string, unknown>) };
}

/** The dump's rows whose cutoff is at or before `until`, keyed by cutoff, step and cell, for the given cells. */
function earlier(rows: readonly Record<string, unknown>[], until: number, cells: ReadonlySet<string>, columns: readonly string[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const r of rows) {
    if ((r.cutoff as number) > until || !cells.has(r.cell as string)) continue;
    out.set(
      `${r.cutoff}|${r.step}|${r.cell}`,
      columns.map((name) => r[name]),
    );
  }
  return out;
}

describe('Portland, moved or added later incidents leave every earlier forecast bit-identical', () => {
  const rows = readRows();

  it('moves every incident from 2016-12-01 on ~30 km east: baselines and SEPP forecast the same at every cutoff up to then', async () => {
    const from = Date.UTC(2016, 11, 1);
    const moved = { ...rows, x: rows.x.map((x, i) => (rows.date[i] >= from ? x + 100_000 : x)) };
    const models = [...BASELINES.map((d) => d.id), 'sepp'];
    const a = await run(fileOf(rows), models);
    const b = await run(fileOf(moved), models);
    // The moved incidents all land in cells that never had one: those cells are new in B.
    const aCells = new Set(a.panel.cells);
    const added = b.panel.cells.filter((cell) => !aCells.has(cell));
    expect(added.length).toBeGreaterThan(50);
    const common = new Set(b.panel.cells.filter((cell) => aCells.has(cell)));
    const columns = ['fold', 'in_universe', ...a.names];
    const x = earlier(a.rows, from, common, columns);
    const y = earlier(b.rows, from, common, columns);
    // Cutoffs 2016-09-05 … 2016-11-28 (4 folds × 2 steps) over the common cells.
    expect([...new Set([...x.keys()].map((key) => new Date(Number(key.split('|')[0])).toISOString().slice(0, 10)))]).toEqual([
      '2016-09-05',
      '2016-10-03',
      '2016-10-31',
      '2016-11-28',
    ]);
    expect(x.size).toBe(4 * 2 * common.size);
    expect([...y.keys()]).toEqual([...x.keys()]);
    const differing = [...x.keys()].filter((key) => x.get(key)!.some((v, i) => !Object.is(v, y.get(key)![i])));
    expect(differing).toEqual([]);
    // Later cutoffs see the move (the comparison above is not vacuous).
    const later = earlier(a.rows, Infinity, common, columns);
    const laterB = earlier(b.rows, Infinity, common, columns);
    expect([...later.keys()].some((key) => later.get(key)!.some((v, i) => !Object.is(v, laterB.get(key)![i])))).toBe(true);
  }, 240_000);

  it("adds one incident on the panel's last day in a new cell: shrunk-average's earlier forecasts do not move", async () => {
    const a = await run(fileOf(rows), ['shrunk-average']);
    const lastDay = a.panel.end - DAY;
    const east = Math.max(...rows.x) + 50_000;
    const plusOne = { date: [...rows.date, lastDay], category: [...rows.category, 'BURGLARY'], x: [...rows.x, east], y: [...rows.y, rows.y[0]] };
    const b = await run(fileOf(plusOne), ['shrunk-average']);
    expect(b.panel.cells.length).toBe(a.panel.cells.length + 1);
    expect(b.panel.end).toBe(a.panel.end);
    const common = new Set(a.panel.cells);
    const columns = ['in_universe', 'shrunk-average'];
    const x = earlier(a.rows, Infinity, common, columns);
    const y = earlier(b.rows, Infinity, common, columns);
    expect(x.size).toBe(10 * 2 * common.size);
    expect([...x.keys()].filter((key) => !Object.is(x.get(key)![1], y.get(key)![1]))).toEqual([]);
  }, 120_000);
});
