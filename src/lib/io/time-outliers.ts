import { OUTLIER_MIN_POINTS, OUTLIER_MULTIPLE, OUTLIER_QUANTILE, OUTLIER_SAMPLE } from './location-outliers';
import { selectKth } from './select-kth';

/** The fitted time-outlier rule: the data's median time and the distance beyond which a time is an outlier. */
export interface TimeOutlierRule {
  /** Median time, epoch ms on the data's clock. */
  readonly median: number;
  /** 99th percentile of |t − median|, ms. */
  readonly q99Ms: number;
  /** max(TIME_OUTLIER_FLOOR_MS, 4 × q99Ms): times farther than this from the median are outliers. */
  readonly thresholdMs: number;
  /** How many times the rule was fitted on. */
  readonly points: number;
}

/** The threshold never goes below two years: data of a few weeks does not make next year an outlier. */
export const TIME_OUTLIER_FLOOR_MS = 730 * 86_400_000;

/**
 * Fits the 'time-outlier' rule on the times whose row is still kept (`reasons[i] === 0`; a row
 * with a time drop reason holds NaN) — the
 * time axis's twin of `outlierRule` for locations: centre = median time; d = |t − median|; a time
 * lies outside the bulk when d > max(730 days, 4 × q) (`markOutliers` drops only those after it), q = the 99th percentile of d. The median is unmoved
 * by a few typos (2099 for 2019); q bounds 99 % of the data, so at most 1 % of rows can be flagged;
 * a data set's genuine tails lie within a little more than q (Chicago 2014–2018: q = 2.4 years,
 * threshold 9.5 years, nothing flagged; Plainfield's 10 months: threshold 2 years, nothing flagged).
 * Null (flag nothing) below 10 times; above 262,144 the rule is fitted on every k-th time.
 * `kept`, when the caller has counted them (`DecodedTime.timed`), is the number of rows still kept: one pass fewer.
 *
 * @example
 * timeOutlierRule(time, reasons) // 20 hourly times in 2018 and one in 2099
 * // → { median: 2018-01-01T10:00, q99Ms: 10 h, thresholdMs: 730 days, points: 21 } → the 2099 row is an outlier
 */
export function timeOutlierRule(time: Float64Array, reasons: Uint8Array, kept?: number): TimeOutlierRule | null {
  let points = kept ?? 0;
  if (kept === undefined) for (let i = 0; i < time.length; i++) if (reasons[i] === 0) points++;
  if (points < OUTLIER_MIN_POINTS) return null;
  const stride = Math.ceil(points / OUTLIER_SAMPLE);
  const sample = new Float64Array(Math.ceil(points / stride));
  for (let i = 0, skip = 0, at = 0; i < time.length; i++) {
    if (reasons[i] === 0 && --skip < 0) {
      sample[at++] = time[i]; // every stride-th kept time, the first included (a countdown: no division a row)
      skip = stride - 1;
    }
  }
  const median = selectKth(sample, sample.length >> 1);
  for (let i = 0; i < sample.length; i++) sample[i] = Math.abs(sample[i] - median);
  const q99Ms = selectKth(sample, Math.floor(OUTLIER_QUANTILE * (sample.length - 1)));
  return { median, q99Ms, thresholdMs: Math.max(TIME_OUTLIER_FLOOR_MS, OUTLIER_MULTIPLE * q99Ms), points };
}
