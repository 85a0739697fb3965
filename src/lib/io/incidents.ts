/**
 * The Incidents contract: typed columns decoded once at the edge (DESIGN.md).
 *
 * Time is epoch milliseconds in one of two clocks:
 * - `instant`: a true instant (UTC epoch ms), from zoned timestamps, integer epochs and
 *   ISO strings with an offset;
 * - `wall`: a local wall-clock reading stored as if it were UTC ("floating" time), from
 *   timestamps without a zone, dates and ISO strings without an offset. Such data is bucketed
 *   on its own clock, so a DST change never splits or merges its days.
 */
export type Clock = 'instant' | 'wall';

/** Why an input row was not kept. Every row read is either kept or counted under one reason. */
export type DropReason =
  | 'record-malformed'
  | 'feature-not-point'
  | 'time-null'
  | 'time-unparseable'
  | 'time-implausible'
  | 'location-unparseable'
  | 'location-null'
  | 'location-zero'
  | 'location-out-of-range'
  | 'location-outlier'
  | 'time-outlier'
  | 'category-filtered'
  | 'time-filtered'
  | 'duplicate';

/** All drop reasons in the order reports list them. */
export const DROP_REASONS: readonly DropReason[] = [
  'record-malformed',
  'feature-not-point',
  'time-null',
  'time-unparseable',
  'time-implausible',
  'location-unparseable',
  'location-null',
  'location-zero',
  'location-out-of-range',
  'location-outlier',
  'time-outlier',
  'category-filtered',
  'time-filtered',
  'duplicate',
];

/** Plain-language explanation of each drop reason, for reports and the app. */
export const DROP_REASON_TEXT: Readonly<Record<DropReason, string>> = {
  'record-malformed': 'the text record could not be read as a row (wrong number of fields, or a quote never closed)',
  'feature-not-point': 'the GeoJSON feature has no Point geometry (null, or a line or polygon)',
  'time-null': 'time is missing (null)',
  'time-unparseable': 'time could not be parsed',
  'time-implausible': 'time is before 1900 or after 2099, or beyond the Date range (not a plausible incident date)',
  'location-unparseable': "a location column holds text that is no number in the column's format (such as 'N/A', 'NULL' or '-')",
  'location-null': 'location is missing (null or NaN)',
  'location-zero': 'both coordinates are 0 (an "unknown location" sentinel), before or after projection',
  'location-out-of-range': 'location is not a valid latitude/longitude after projection',
  'location-outlier': 'location lies far outside the bulk of the data',
  'time-outlier': 'time lies far outside the bulk of the data',
  'category-filtered': 'category excluded by the filter',
  'time-filtered': 'time outside the chosen range',
  duplicate: 'repeats an earlier row in every column (dropped by choice)',
};

/** A dropped row, kept as an example for the load report: which file and row, and why. */
export interface DroppedRow {
  readonly file: string;
  /** 0-based row index within its file. */
  readonly row: number;
  readonly reason: DropReason;
  /** The offending raw values, rendered as short strings. */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Row accounting for one load: `read === kept + Σ dropped`, always.
 * `examples` holds up to a few dropped rows per reason.
 */
export interface LoadReport {
  readonly files: readonly { readonly name: string; readonly rows: number; readonly bytes: number }[];
  readonly read: number;
  readonly kept: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly examples: readonly DroppedRow[];
  /** Warnings that did not drop rows, e.g. "values look projected". */
  readonly warnings: readonly string[];
  /** Drops broken down by the values of the category column and the place column (those mapped), in that order. */
  readonly breakdown?: readonly DropBreakdown[];
}

/** The rows of one value of a column: read, kept and dropped by reason (only the reasons that occurred). */
export interface ValueDrops {
  /** The value as text; null for rows without one. */
  readonly value: string | null;
  readonly read: number;
  readonly kept: number;
  readonly dropped: Readonly<Partial<Record<DropReason, number>>>;
}

/** Drops broken down by the values of one mapped column (the category, the place): see `dropsByValue`. */
export interface DropBreakdown {
  /** The role ('category', 'place') and the column. */
  readonly role: string;
  readonly column: string;
  /** Values that lost rows, most dropped first (ties by value), at most `MAX_VALUES_SHOWN` plus every value that lost all its rows. */
  readonly values: readonly ValueDrops[];
  /** Values that lost rows but are not in `values`. */
  readonly more: number;
  /** Values that lost every row to something other than the user's own filters (category and time): named on screen. */
  readonly lost: readonly string[];
}

/**
 * Incidents decoded into typed columns, one entry per kept row.
 * `category[i]` indexes `categories`; -1 means the row had no category value.
 */
export interface Incidents {
  readonly length: number;
  readonly time: Float64Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly category: Int32Array;
  readonly categories: readonly string[];
  /** Codes into `places` of the mapping's place column (district, beat, neighbourhood …), −1 = none; absent without one. */
  readonly place?: Int32Array;
  /** The place values some kept row has, sorted by UTF-16 code units. */
  readonly places?: readonly string[];
  readonly clock: Clock;
  /** IANA zone the data declares or was declared in (for wall clocks: the zone of the reading), if known. */
  readonly timeZone: string | null;
  readonly report: LoadReport;
}

/** An empty drop tally with every reason at 0. */
export function emptyDropCounts(): Record<DropReason, number> {
  const counts = {} as Record<DropReason, number>;
  for (const reason of DROP_REASONS) counts[reason] = 0;
  return counts;
}
