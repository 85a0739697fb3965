import { areaOf, resolutionOf } from '../grid/h3';
import { hexPatch, neighbourLists } from './hex-patch';
import type { Panel } from '../grid/panel';
import { timeBucket, type BucketUnit } from '../grid/time-bucket';
import { random } from '../base/random';

/** Everything a rate function may use: where, when, and the counts drawn so far. */
export interface RateContext {
  /** Cell index (in the panel's sorted cell order). */
  readonly cell: number;
  readonly period: number;
  /** Start of the period (epoch ms, wall clock UTC). */
  readonly time: number;
  /** Ring distance of the cell from the centre cell; NaN on given `cells` (no centre), so a rate built on rings fails loudly there. */
  readonly ring: number;
  /** Count already drawn for (period, cell) with period < the current one. */
  count(period: number, cell: number): number;
  /** Indexes of the cell's immediate (k = 1) neighbours within the panel. */
  readonly neighbours: readonly number[];
}

/** Options for `syntheticPanel`. */
export interface SyntheticPanelOptions {
  readonly centre?: { lat: number; lng: number };
  readonly res?: number;
  /** Cells within this many rings of the centre cell: 1 + 3k(k + 1) cells. */
  readonly rings?: number;
  /** Cells to use instead of the disk (H3 indexes at one resolution, e.g. a real panel's): `centre`, `res` and `rings` are then ignored. */
  readonly cells?: readonly string[];
  readonly periods: number;
  readonly unit?: BucketUnit;
  /** Start of the first period; floored to the bucket. Default 2018-01-01 (a Monday). */
  readonly start?: number;
  /** Expected count λ for each cell and period; counts are drawn as Poisson(λ). */
  readonly rate: (context: RateContext) => number;
  readonly seed?: number;
}

/**
 * A panel of Poisson counts with a known intensity, on real H3 cells (a k-ring disk, or the
 * `cells` given, such as a real panel's), for tests and experiments where the right answer is
 * known. Returns the panel and the true rates it was drawn from (same layout as `counts`).
 * @example syntheticPanel({ rings: 1, periods: 10, rate: () => 2 }).panel.cells.length // → 7
 */
export function syntheticPanel(options: SyntheticPanelOptions): { panel: Panel; rates: Float32Array } {
  const { centre = { lat: 41.8781, lng: -87.6298 }, rings = 2, periods: P, unit = 'week', seed = 1 } = options;
  let res: number;
  let cells: readonly string[];
  let ring: ArrayLike<number>;
  let adjacency: readonly (readonly number[])[];
  if (options.cells) {
    // Given cells (a real panel's) have no centre, so no ring distance: `ring` is NaN.
    if (options.cells.length === 0) throw new RangeError('syntheticPanel: the cells given are empty');
    res = resolutionOf(options.cells[0]);
    cells = [...new Set(options.cells)].sort();
    ring = new Float64Array(cells.length).fill(Number.NaN);
    adjacency = neighbourLists(cells);
  } else ({ res, cells, ring, adjacency } = hexPatch({ centre, res: options.res ?? 8, rings }));
  const C = cells.length;
  const bucket = timeBucket({ unit, timeZone: 'UTC', clock: 'wall' });
  const first = bucket.floor(options.start ?? Date.UTC(2018, 0, 1));
  const periods = new Float64Array(P);
  let t = first;
  for (let p = 0; p < P; p++) {
    periods[p] = t;
    t = bucket.offset(t, 1);
  }
  const counts = new Float32Array(P * C);
  const rates = new Float32Array(P * C);
  const rng = random(seed);
  const count = (p: number, c: number): number => {
    if (p < 0) return 0;
    return counts[p * C + c];
  };
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < C; c++) {
      const lambda = options.rate({ cell: c, period: p, time: periods[p], ring: ring[c], count, neighbours: adjacency[c] });
      if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`rate() returned ${lambda} for cell ${c}, period ${p}`);
      rates[p * C + c] = lambda;
      counts[p * C + c] = rng.poisson(lambda);
    }
  }
  const area = Float64Array.from(cells, areaOf);
  const panel: Panel = { res, bucket: bucket.spec, cells, area, periods, end: t, counts };
  return { panel, rates };
}
