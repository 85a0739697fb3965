import { areaOf, cellOf, diskOf } from '../../grid/h3';
import { neighbours } from '../../grid/neighbours';
import { assertPanel, type Panel } from '../../grid/panel';
import { timeBucket } from '../../grid/time-bucket';
import { historyOf, type History } from '../history';
import type { Forecaster } from '../forecaster';
import type { ModelContext } from '../model-definition';

/** Test support: the resolution-8 cell over central Chicago and its six k = 1 neighbours. */
export const CENTRE = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
export const RING1: readonly string[] = diskOf({ cell: CENTRE, k: 1 })[1];
/**
 * Test support, the 7-cell disk split for worked examples: EDGE is one ring-1 cell, which
 * touches CENTRE and the two EDGE_NEIGHBOURS; FAR_SIDE holds the other three ring-1 cells.
 */
export const EDGE = RING1[0];
export const EDGE_NEIGHBOURS: readonly string[] = diskOf({ cell: EDGE, k: 1 })[1].filter((cell) => RING1.includes(cell));
export const FAR_SIDE: readonly string[] = RING1.filter((cell) => cell !== EDGE && !EDGE_NEIGHBOURS.includes(cell));

/** Test support: the model context of a weekly, resolution-8 panel (as `contractPanel()` is). */
export const WEEKLY_RES8: ModelContext = { res: 8, bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' } };

/**
 * Test support: a History over hand-written counts on real H3 cells, ending after the last
 * period. `series` maps each cell to its counts, oldest first (all the same length); cells
 * are sorted as a Panel requires, so look positions up with `cells.indexOf(cell)`.
 * Weekly periods from Monday 2018-01-01 (UTC wall clock); neighbour lists with `k` rings.
 * @example tinyHistory({ [CENTRE]: [1, 2] }).history.counts // → Float32Array [1, 2]
 */
export function tinyHistory(series: Readonly<Record<string, readonly number[]>>, k = 2): { history: History; cells: string[]; panel: Panel } {
  const cells = Object.keys(series).sort();
  const P = series[cells[0]].length;
  const C = cells.length;
  const bucket = timeBucket(WEEKLY_RES8.bucket);
  const periods = new Float64Array(P);
  let t = Date.UTC(2018, 0, 1);
  for (let p = 0; p < P; p++, t = bucket.offset(t, 1)) periods[p] = t;
  const counts = new Float32Array(P * C);
  cells.forEach((cell, c) => {
    if (series[cell].length !== P) throw new Error(`tinyHistory: cell ${cell} has ${series[cell].length} periods, expected ${P}`);
    series[cell].forEach((y, p) => (counts[p * C + c] = y));
  });
  const panel = assertPanel({ res: 8, bucket: bucket.spec, cells, area: Float64Array.from(cells, areaOf), periods, end: t, counts });
  return { history: historyOf(panel, neighbours(cells, k), P), cells, panel };
}

/** Test support: fits `model` on `history` (seed 1, no validation span) and returns `predict(horizon)`. */
export function forecastOf(model: Forecaster, history: History, horizon: number): Float32Array {
  model.fit(history, { seed: 1, validation: 0 });
  return model.predict(horizon);
}

/** Test support: the forecasts for one cell at steps 1 … horizon, from a step-major `out`. */
export function seriesOf(out: Float32Array, cells: readonly string[], cell: string): number[] {
  const c = cells.indexOf(cell);
  if (c < 0) throw new Error(`seriesOf: ${cell} is not among the cells`);
  const C = cells.length;
  return Array.from({ length: out.length / C }, (_, s) => out[s * C + c]);
}
