import { assertCoverage, assertNotNegative } from './assert-inputs';
import type { HotspotMetric } from './hotspot-scores';

/**
 * Relative slack of the flagged area, as `hotspotCut` has it: a target within 1e-9·A of a
 * group's edge is that edge.
 */
const AREA_SLACK = 1e-9;

/**
 * The hit rate at coverage c under `HOTSPOT_RULE` — the same number as `hitRate`, to rounding in
 * the last bits — found without ranking the cells: a selection by forecast (highest first, NaN
 * last, equal values one group) over the region cells, weighted by area, narrows to the tied
 * group at the boundary of the flagged area c·A; the groups before it count whole, the boundary
 * group in the share of its area that reaches c·A (none when c·A falls within 1e-9·A of a
 * group's edge). Float32Array forecasts (every backtest's) are selected on their bits, a digit
 * at a time (`selectOnBits`: area and incidents summed per digit value, the boundary digit's
 * cells kept for the next); other arrays by a three-way quickselect. Linear time on the bits, expected linear by quickselect; the order of
 * the tied cells, which the expectation does not depend on, is never made. A second method for the same number: the
 * hygiene check recomputes the report's hit rates with it, so a fault in the scorer's ranking
 * (`hotspotRankingOf`, its tie order) cannot hide by being repeated.
 * N counts every cell's incidents (the region's or not); N = 0 or a NaN count → NaN. Throws as
 * `hitRate` does for a negative count, an area or region of the wrong length or a coverage ∉ (0, 1].
 * @example hitRateBySelection([3, 2, 2, 1], [6, 7, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5) // → (6 + 0.5 · 10) / 16 = 0.6875
 */
export const hitRateBySelection: HotspotMetric = (forecast, actual, area, region, coverage) => {
  assertCoverage('hitRateBySelection', coverage);
  const n = forecast.length;
  if (actual.length !== n || area.length !== n || region.length !== n) {
    throw new RangeError(
      `hitRateBySelection: forecast has ${n} cells, actual ${actual.length}, area ${area.length}, region ${region.length}; they must all have one value per cell`,
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    assertNotNegative('hitRateBySelection', 'actual', i, actual[i]);
    total += actual[i];
  }
  if (!(total > 0)) return Number.NaN;
  if (forecast instanceof Float32Array) return selectOnBits(forecast, actual, area, region, coverage) / total;
  // The region's cells with a forecast (to select among), and the NaN group, which comes last.
  const cells = new Int32Array(n);
  let m = 0;
  let regionArea = 0;
  let nanArea = 0;
  let nanCaptured = 0;
  for (let i = 0; i < n; i++) {
    if (region[i] !== 1) continue;
    const a = regionCellArea(area, i);
    regionArea += a;
    if (forecast[i] !== forecast[i]) {
      nanArea += a;
      nanCaptured += actual[i];
    } else cells[m++] = i;
  }
  const target = coverage * regionArea;
  const slack = AREA_SLACK * regionArea;
  const partial = (wholeArea: number, wholeCaptured: number, groupArea: number, groupCaptured: number): number => {
    const rest = target - wholeArea;
    return (rest <= slack ? wholeCaptured : wholeCaptured + (rest / groupArea) * groupCaptured) / total;
  };
  // cells[lo, hi) holds the groups not yet placed; the groups before them (higher forecasts) are flagged whole.
  let lo = 0;
  let hi = m;
  let takenArea = 0;
  let taken = 0;
  while (lo < hi) {
    const pivot = medianOfThree(forecast[cells[lo]], forecast[cells[(lo + hi) >>> 1]], forecast[cells[hi - 1]]);
    // Three-way partition: [lo, gt) above the pivot, [gt, lt) equal to it, [lt, hi) below.
    let gt = lo;
    let lt = hi;
    let k = lo;
    while (k < lt) {
      const cell = cells[k];
      const v = forecast[cell];
      if (v > pivot) {
        cells[k++] = cells[gt];
        cells[gt++] = cell;
      } else if (v < pivot) {
        cells[k] = cells[--lt];
        cells[lt] = cell;
      } else k++;
    }
    let aboveArea = 0;
    let above = 0;
    for (let r = lo; r < gt; r++) {
      aboveArea += area[cells[r]];
      above += actual[cells[r]];
    }
    if (takenArea + aboveArea > target + slack) {
      hi = gt; // the boundary lies among the higher forecasts
      continue;
    }
    takenArea += aboveArea;
    taken += above;
    let equalArea = 0;
    let equal = 0;
    for (let r = gt; r < lt; r++) {
      equalArea += area[cells[r]];
      equal += actual[cells[r]];
    }
    if (takenArea + equalArea > target + slack) return partial(takenArea, taken, equalArea, equal); // the pivot's group is the boundary
    takenArea += equalArea;
    taken += equal;
    lo = lt;
  }
  // Every group with a forecast is flagged whole; the NaN group, if any, is the boundary.
  if (takenArea + nanArea <= target + slack) return (taken + nanCaptured) / total;
  return partial(takenArea, taken, nanArea, nanCaptured);
};

/** The median of three numbers (none NaN). */
function medianOfThree(a: number, b: number, c: number): number {
  if (a > b) [a, b] = [b, a];
  if (b > c) b = c;
  return a > b ? a : b;
}

/** Reused working arrays of `selectOnBits` (grown when a call needs more), so a backtest's hygiene check allocates once. */
let work: { keys: Uint32Array; cells: Int32Array; areaSum: Float64Array; captured: Float64Array; bits: Uint32Array; value: Float32Array } | undefined;

/** The working arrays for `n` cells. */
function scratch(n: number): NonNullable<typeof work> {
  if (work && work.keys.length >= n) return work;
  const value = new Float32Array(1);
  work = {
    keys: new Uint32Array(Math.max(n, 1024)),
    cells: new Int32Array(Math.max(n, 1024)),
    areaSum: new Float64Array(2048),
    captured: new Float64Array(2048),
    bits: new Uint32Array(value.buffer),
    value,
  };
  return work;
}

/** The digits a float32 key is selected on, most significant first: the shift and mask of each. */
const SHIFTS = [21, 10, 0];
const MASKS = [2047, 2047, 1023];

/**
 * The incidents captured (n of the hit rate n/N) at coverage c, selected on the forecasts' float32
 * bits: each region cell's forecast mapped to a 32-bit key that orders as the groups do (highest
 * forecast smallest, −0 as +0, every NaN the largest key); then, digit by digit, the area and
 * incidents summed per digit value, the digit values whose area still fits within c·A (+ slack)
 * taken whole, and the cells of the first that does not kept for the next digit. After the last
 * digit that value is one key — one group of equal forecasts, the boundary group.
 */
function selectOnBits(forecast: Float32Array, actual: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, coverage: number): number {
  const n = forecast.length;
  const { keys, cells, areaSum, captured, bits, value } = scratch(n);
  areaSum.fill(0);
  captured.fill(0);
  let count = 0;
  let regionArea = 0;
  for (let i = 0; i < n; i++) {
    if (region[i] !== 1) continue;
    const a = regionCellArea(area, i);
    regionArea += a;
    const v = forecast[i];
    value[0] = v + 0; // −0 + 0 is +0
    const w = bits[0];
    const key = v !== v ? 0xffffffff : w & 0x80000000 ? w : ~(w | 0x80000000) >>> 0;
    keys[count] = key;
    cells[count++] = i;
    // The first digit's sums, in the same pass.
    areaSum[key >>> SHIFTS[0]] += a;
    captured[key >>> SHIFTS[0]] += actual[i];
  }
  const target = coverage * regionArea;
  const limit = target + AREA_SLACK * regionArea;
  let takenArea = 0;
  let taken = 0;
  for (let digit = 0; digit < SHIFTS.length; digit++) {
    const shift = SHIFTS[digit];
    const mask = MASKS[digit];
    if (digit > 0) {
      areaSum.fill(0, 0, mask + 1);
      captured.fill(0, 0, mask + 1);
      for (let r = 0; r < count; r++) {
        const d = (keys[r] >>> shift) & mask;
        areaSum[d] += area[cells[r]];
        captured[d] += actual[cells[r]];
      }
    }
    let d = 0;
    while (d <= mask && takenArea + areaSum[d] <= limit) {
      takenArea += areaSum[d];
      taken += captured[d++];
    }
    if (d > mask) return taken; // every cell left fits: flagged whole
    if (digit === SHIFTS.length - 1) {
      const rest = target - takenArea;
      return rest <= AREA_SLACK * regionArea ? taken : taken + (rest / areaSum[d]) * captured[d];
    }
    let kept = 0;
    for (let r = 0; r < count; r++) {
      if (((keys[r] >>> shift) & mask) !== d) continue;
      keys[kept] = keys[r];
      cells[kept++] = cells[r];
    }
    count = kept;
  }
  throw new Error('unreachable: the last digit names one key');
}

/** `area[i]` of a region cell, checked: a positive, finite number of m². */
function regionCellArea(area: ArrayLike<number>, i: number): number {
  const a = area[i];
  if (!(a > 0) || a === Infinity) throw new RangeError(`hitRateBySelection: area[${i}] is ${a}; a region cell's area must be a positive number of m²`);
  return a;
}
