import { Bool, Dictionary, Int32, Utf8, makeVector } from 'apache-arrow';
import type { ForecastSet } from './run-forecasts';
import type { Scores } from './score-forecasts';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import type { AreaAttributes } from '../areas/area-attributes';
import { arrowTableBytes, timeVector, vectorOfValues } from '../io/arrow-table-bytes';

/**
 * Every forecast of a backtest as one long Arrow table, enough to recompute every metric of
 * the report without Hexcast: one row per fold × step × cell with
 * `fold`, `cutoff` (start of the first test period), `period` (start of the forecast
 * period), `step` (1-based), `cell`, `area_m2`, `in_region`, `in_universe` (the cell had an
 * incident before the cutoff or is declared; every model forecast 0 where it is false),
 * `actual`, `naive_scale` (the fold's in-sample naive MAE, the MASE scale), and one Float32
 * column per model (expected count). Schema metadata `hexcast.protocol` holds the protocol (coverage levels, seed) as JSON.
 * With `areas`, each cell's apportioned attributes follow as Float64 columns `area_<name>` (groups,
 * total, then the others; `area_covered` is the share of the cell inside some polygon) and
 * `hexcast.areas` holds their source, groups, total and method.
 */
export function forecastsFileBytes(
  panel: Panel,
  set: ForecastSet,
  region: StudyRegion,
  scores: Pick<Scores, 'naiveScale'>,
  areas?: AreaAttributes,
): Uint8Array {
  const C = panel.cells.length;
  const { horizon, cutoffs } = set;
  const rows = cutoffs.length * horizon * C;
  const fold = new Int32Array(rows);
  const step = new Int32Array(rows);
  const cutoffTime = new Float64Array(rows);
  const period = new Float64Array(rows);
  const cellIndex = new Int32Array(rows);
  const area = new Float64Array(rows);
  const inRegion: boolean[] = new Array(rows);
  const inUniverse: boolean[] = new Array(rows);
  const actual = new Float32Array(rows);
  const scale = new Float64Array(rows);
  let r = 0;
  cutoffs.forEach((cutoff, k) => {
    for (let s = 0; s < horizon; s++) {
      const p = cutoff + s;
      for (let c = 0; c < C; c++, r++) {
        fold[r] = k;
        step[r] = s + 1;
        cutoffTime[r] = panel.periods[cutoff];
        period[r] = panel.periods[p];
        cellIndex[r] = c;
        area[r] = panel.area[c];
        inRegion[r] = region.mask[c] === 1;
        inUniverse[r] = set.universe[k * C + c] === 1;
        actual[r] = panel.counts[p * C + c];
        scale[r] = scores.naiveScale[k];
      }
    }
  });
  const { clock, timeZone } = panel.bucket;
  const columns: Record<string, ReturnType<typeof makeVector>> = {
    fold: makeVector(fold),
    cutoff: timeVector(cutoffTime, clock, timeZone),
    period: timeVector(period, clock, timeZone),
    step: makeVector(step),
    cell: vectorOfValues(
      Array.from(cellIndex, (c) => panel.cells[c]),
      new Dictionary(new Utf8(), new Int32(), 0), // id 0, stated: arrow-js would number it from a process-wide counter, and the bytes would depend on what ran before
    ),
    area_m2: makeVector(area),
    in_region: vectorOfValues(inRegion, new Bool()),
    in_universe: vectorOfValues(inUniverse, new Bool()),
    actual: makeVector(actual),
    naive_scale: makeVector(scale),
  };
  for (const model of set.models) {
    if (model.name in columns) throw new Error(`A model is named '${model.name}', which is also a column of the forecasts file`);
    columns[model.name] = makeVector(model.values);
  }
  if (areas) for (const [name, vector] of Object.entries(areaColumns(panel, areas, cellIndex))) columns[freeName(name, columns)] = vector;
  return arrowTableBytes(columns, {
    'hexcast.format': 'forecasts',
    'hexcast.protocol': JSON.stringify(set.protocol),
    'hexcast.panel': JSON.stringify({ res: panel.res, bucket: panel.bucket }),
    ...(areas && {
      'hexcast.areas': JSON.stringify({ source: areas.source, groups: areas.groups.map((g) => g.name), total: areas.total.name, method: areas.method }),
    }),
  });
}

/** `name`, or `name_2`, `name_3` … when a column has it already (an area property called `m2` must not replace `area_m2`). */
function freeName(name: string, columns: Record<string, unknown>): string {
  let free = name;
  for (let i = 2; free in columns; i++) free = `${name}_${i}`;
  return free;
}

/** The `area_<name>` columns: each row gets its cell's apportioned amount (0 for a cell the areas do not list). */
function areaColumns(panel: Panel, areas: AreaAttributes, cellIndex: Int32Array): Record<string, ReturnType<typeof makeVector>> {
  const at = new Map(areas.cells.map((cell, i) => [cell, i]));
  const toAreas = Int32Array.from(panel.cells, (cell) => at.get(cell) ?? -1);
  const columns: Record<string, ReturnType<typeof makeVector>> = {};
  const seen = new Set<string>();
  const add = (name: string, values: Float64Array): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const column = new Float64Array(cellIndex.length);
    for (let r = 0; r < cellIndex.length; r++) {
      const i = toAreas[cellIndex[r]];
      column[r] = i < 0 ? 0 : values[i];
    }
    columns[`area_${name.replace(/\W+/g, '_')}`] = makeVector(column);
  };
  for (const column of [...areas.groups, areas.total, ...areas.others]) add(column.name, column.values);
  add('covered', areas.covered);
  return columns;
}
