/**
 * Regression to the mean among hotspots (Galton 1886; for crime, Farrell & Pease 1993 and the
 * "hot spots" literature: Weisburd et al. 2004 on persistence): the cells with the most incidents
 * in one period have, on average, fewer in the next — with no change in the world at all — because
 * their count in the selection period was partly luck. These are the measurements on a dense
 * period-major count matrix (`counts[p · cells + c]`, as `Panel.counts`).
 */

/**
 * The `k` cells with the most incidents in period `t`, most first; ties go to the lower cell
 * index (the panel's cell order), so the choice is deterministic.
 * @example topCells([0, 3, 1, 3], 4, 0, 2) // → Int32Array [1, 3]
 */
export function topCells(counts: ArrayLike<number>, cells: number, t: number, k: number): Int32Array {
  const order = Array.from({ length: cells }, (_, c) => c);
  const at = t * cells;
  order.sort((a, b) => counts[at + b] - counts[at + a] || a - b);
  return Int32Array.from(order.slice(0, Math.max(0, Math.min(k, cells))));
}

/** What happens next to the hottest cells of one period. */
export interface HotspotRegression {
  /** The selected cells (`topCells` of period t), most first. */
  readonly top: Int32Array;
  /** Mean count of the selected cells at t, t+1, …, t+after (NaN past the last period). */
  readonly series: Float64Array;
  /** Mean over the selected cells of each one's own long-run mean: its mean count over every period but t. */
  readonly longRun: number;
  /** Share of the selected cells still among the k hottest at t+1 (NaN when t is the last period). */
  readonly persistence: number;
}

/**
 * Follows period t's `k` hottest cells for `after` periods: their mean count in each period
 * (series[0] is the selection period), their own long-run mean (each cell's mean count over all
 * P periods except t, so that the selection period's luck is left out: (Σ_p x_cp − x_ct)/(P − 1),
 * averaged over the selected cells) and their persistence |top(t) ∩ top(t+1)| / k.
 * The change a learner sees, series[1] − series[0], is regression to the mean where series[0]
 * lies above longRun and the world did not change.
 * @example hotspotRegression([4, 0, 1, 1, 2, 2], 2, 0, 1, 2).series // → [4, 1, 2] (cell 0: 4, then 1, then 2)
 */
export function hotspotRegression(counts: ArrayLike<number>, cells: number, t: number, k: number, after: number): HotspotRegression {
  const periods = Math.floor(counts.length / cells);
  if (!(Number.isInteger(t) && t >= 0 && t < periods)) throw new RangeError(`hotspotRegression: period ${t} is not one of the ${periods} periods`);
  if (!(Number.isInteger(k) && k >= 1 && k <= cells)) throw new RangeError(`hotspotRegression: k must be a whole number from 1 to ${cells}, got ${k}`);
  const top = topCells(counts, cells, t, k);
  const meanAt = (p: number): number => {
    if (p >= periods) return NaN;
    let sum = 0;
    for (const c of top) sum += counts[p * cells + c];
    return sum / k;
  };
  const series = Float64Array.from({ length: after + 1 }, (_, s) => meanAt(t + s));
  let longRun = NaN;
  if (periods > 1) {
    let sum = 0;
    for (const c of top) {
      let cell = 0;
      for (let p = 0; p < periods; p++) if (p !== t) cell += counts[p * cells + c];
      sum += cell / (periods - 1);
    }
    longRun = sum / k;
  }
  let persistence = NaN;
  if (t + 1 < periods) {
    const next = new Set(topCells(counts, cells, t + 1, k));
    persistence = top.reduce((n, c) => n + (next.has(c) ? 1 : 0), 0) / k;
  }
  return { top, series, longRun, persistence };
}
