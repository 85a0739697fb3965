import { DROP_CODE } from './drop-codes';
import { REMEDY_PHRASES } from './load-remedies';
import type { DropReason } from './incidents';
import { distanceFrom, outlierRule, type OutlierRule } from './location-outliers';
import type { TimeOutlierRule } from './time-outliers';

const DAY = 86_400_000;

/** What `markOutliers` found: the two fitted rules, warnings, and the derived values a dropped row's example shows. */
export interface MarkedOutliers {
  readonly location: OutlierRule | null;
  readonly time: TimeOutlierRule | null;
  readonly warnings: readonly string[];
  /** Derived values for a row's drop example: distance and threshold, the sign-flip hint, days from the median time. */
  readonly explain: (row: number, reason: DropReason) => Record<string, string>;
}

/**
 * Applies the two outlier rules to the decoded rows: 'location-outlier' (`outlierRule`) then
 * 'time-outlier' (`timeRule`, fitted by the caller on the rows whose time is valid), each only on
 * rows not dropped yet, unless `keep` (mapping.keepOutliers): then the rows stay and a warning
 * counts them. The time rule drops only rows later than the bulk (t − median > threshold), never
 * earlier ones: a dropped row is then later than every row kept, so a cutoff at or before it
 * sees the same rows whatever happens after that cutoff (a row far before the bulk is kept with a
 * warning; dropping it would let the later data, through the median and the threshold, decide
 * which early rows count, and so change forecasts made before them). A location outlier that would lie within the threshold with the sign of its
 * longitude (or latitude) flipped gets the hint 'sign flipped?' in its example (Plainfield's row
 * at longitude +74.4 is −74.4). `usable`: the rows with a usable location, when counted already (`outlierRule`'s first pass then skipped).
 *
 * @example
 * markOutliers(lat, lng, time, reasons, timeOutlierRule(time, reasons), false).warnings // → []
 */
export function markOutliers(
  lat: Float64Array,
  lng: Float64Array,
  time: Float64Array,
  reasons: Uint8Array,
  timeRule: TimeOutlierRule | null,
  keep: boolean,
  usable?: number,
): MarkedOutliers {
  const warnings: string[] = [];
  const rule = outlierRule(lat, lng, usable);
  const distance = rule ? distanceFrom(rule) : () => NaN;
  // One pass over the rows for both rules (the location rule first on each row, as two passes would).
  let flaggedFar = 0;
  let flaggedLate = 0;
  let early = 0;
  let earliest = Infinity;
  const thresholdKm = rule ? rule.thresholdKm : Infinity;
  const medianTime = timeRule ? timeRule.median : NaN;
  const thresholdMs = timeRule ? timeRule.thresholdMs : Infinity;
  for (let i = 0; i < lat.length; i++) {
    if (rule && lat[i] === lat[i] && distance(lat[i], lng[i]) > thresholdKm) {
      flaggedFar++;
      if (!keep && reasons[i] === 0) reasons[i] = DROP_CODE['location-outlier'];
    }
    if (!timeRule) continue;
    const t = time[i];
    if (t - medianTime > thresholdMs) {
      flaggedLate++;
      if (!keep && reasons[i] === 0) reasons[i] = DROP_CODE['time-outlier'];
    } else if (medianTime - t > thresholdMs && reasons[i] === 0) {
      early++;
      earliest = Math.min(earliest, t);
    }
  }
  if (rule) {
    const flagged = flaggedFar;
    if (flagged > 0 && keep) {
      warnings.push(
        `${flagged} rows lie more than ${rule.thresholdKm.toFixed(1)} km from the median location ` +
          `(${rule.centerLat.toFixed(4)}, ${rule.centerLng.toFixed(4)}): kept because ${REMEDY_PHRASES.keepOutliers}`,
      );
    }
  }
  if (timeRule) {
    const flagged = flaggedLate;
    const days = Math.round(timeRule.thresholdMs / DAY);
    const median = new Date(timeRule.median).toISOString().slice(0, 10);
    if (flagged > 0 && keep) {
      warnings.push(
        `${flagged} rows lie more than ${days} days after the median time ${median}: kept because ${REMEDY_PHRASES.keepOutliers}, they stretch the time range`,
      );
    }
    if (early > 0) {
      warnings.push(
        `${early} rows lie more than ${days} days before the median time ${median} (the earliest on ${new Date(earliest).toISOString().slice(0, 10)}): ` +
          'kept, as a rule fitted on every row may drop only rows later than all it keeps (else later incidents would decide which earlier ones count); ' +
          "they stretch the time range: if they are errors, leave them out with the mapping's time range",
      );
    }
  }
  const explain = (row: number, reason: DropReason): Record<string, string> => {
    if (reason === 'location-outlier' && rule) {
      const d = distance(lat[row], lng[row]);
      const flipped = Math.min(distance(lat[row], -lng[row]), distance(-lat[row], lng[row]));
      const which = distance(lat[row], -lng[row]) <= distance(-lat[row], lng[row]) ? 'longitude' : 'latitude';
      return {
        distance_km: d.toFixed(1),
        threshold_km: rule.thresholdKm.toFixed(1),
        ...(flipped <= rule.thresholdKm && { hint: `sign flipped? with the ${which} negated it lies ${flipped.toFixed(1)} km from the median` }),
      };
    }
    if (reason === 'time-outlier' && timeRule) {
      return {
        days_from_median: ((time[row] - timeRule.median) / DAY).toFixed(0),
        threshold_days: (timeRule.thresholdMs / DAY).toFixed(0),
      };
    }
    return {};
  };
  return { location: rule, time: timeRule, warnings, explain };
}
