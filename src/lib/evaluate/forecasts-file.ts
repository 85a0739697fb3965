import { Bool, Dictionary, Int32, Utf8, makeVector } from 'apache-arrow';
import type { ForecastSet } from './run-forecasts';
import type { Scores } from './score-forecasts';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { arrowTableBytes, timeVector, vectorOfValues } from '../io/arrow-table-bytes';

/**
 * Every forecast of a backtest as one long Arrow table, enough to recompute every metric of
 * the report without Hexcast: one row per fold × step × cell with
 * `fold`, `cutoff` (start of the first test period), `period` (start of the forecast
 * period), `step` (1-based), `cell`, `area_m2`, `in_region`, `in_universe` (the cell had an
 * incident before the cutoff or is declared; every model forecast 0 where it is false),
 * `actual`, `naive_scale` (the fold's in-sample naive MAE, the MASE scale), and one Float32
 * column per model (expected count). Schema metadata `hexcast.protocol` holds the protocol (coverage levels, seed) as JSON.
 */
export function forecastsFileBytes(panel: Panel, set: ForecastSet, region: StudyRegion, scores: Pick<Scores, 'naiveScale'>): Uint8Array {
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
      new Dictionary(new Utf8(), new Int32()),
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
  return arrowTableBytes(columns, {
    'hexcast.format': 'forecasts',
    'hexcast.protocol': JSON.stringify(set.protocol),
    'hexcast.panel': JSON.stringify({ res: panel.res, bucket: panel.bucket }),
  });
}
