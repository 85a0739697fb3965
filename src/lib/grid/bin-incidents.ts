import { HexcastError } from '../base/hexcast-error';
import type { Incidents } from '../io/incidents';
import { CellCache } from './cell-cache';
import { areaOf, assertResolution } from './h3';
import type { Panel } from './panel';
import { wallTimeOf } from './wall-time';
import { bucketIndices, timeBucket, type BucketSpec, type BucketUnit } from './time-bucket';

/** Options for `binIncidents`. */
export interface BinOptions {
  /** H3 resolution 0–15. */
  readonly res: number;
  readonly unit: BucketUnit;
  /**
   * IANA zone whose calendar cuts the buckets of `instant` data. Default: the zone the data
   * declares, else UTC. For `wall` data the readings are already local: this only labels them.
   */
  readonly timeZone?: string;
  /**
   * Drop a first or last week/month bucket that the data does not cover completely (see
   * `binIncidents`). Default true: a half-observed bucket looks like a sudden drop in crime.
   */
  readonly trimPartial?: boolean;
  /** Largest panel (periods × cells) to allocate; default 250 M values (1 GB of Float32). */
  readonly maxValues?: number;
}

/** What binning did with each incident: `input === binned + trimmedFirst + trimmedLast`. */
export interface BinReport {
  readonly input: number;
  readonly binned: number;
  /** Incidents in a partial first bucket that was dropped. */
  readonly trimmedFirst: number;
  /** Incidents in a partial last bucket that was dropped. */
  readonly trimmedLast: number;
  /** Plain-language notes on partial buckets (kept or trimmed). */
  readonly notes: readonly string[];
}

const DAY = 86_400_000;

/**
 * Bins incidents into a dense H3 cell × time-bucket panel.
 *
 * Periods run contiguously from the bucket holding the earliest incident to the bucket holding
 * the latest. Partial-bucket rule (week and month buckets only; an hour or a day cannot be
 * judged from the data): the first bucket is partial when the earliest incident falls on a
 * later calendar day than the bucket's first day, the last is partial when the latest
 * incident falls on an earlier day than the bucket's last day. With `trimPartial` (default)
 * such buckets are dropped and their incidents counted in the report; otherwise they are kept
 * and noted. Cells are the H3 cells holding at least one binned incident, sorted.
 *
 * @example binIncidents(incidents, { res: 8, unit: 'day' }).panel.counts.length
 *   // → periods × cells
 */
export function binIncidents(incidents: Incidents, options: BinOptions): { panel: Panel; report: BinReport } {
  const res = assertResolution(options.res);
  const spec: BucketSpec = {
    unit: options.unit,
    clock: incidents.clock,
    timeZone: options.timeZone ?? incidents.timeZone ?? 'UTC',
  };
  const bucket = timeBucket(spec);
  const n = incidents.length;
  if (n === 0) throw new HexcastError('nothing-to-bin', 'No incidents to bin: every row was dropped or filtered (see the load report)');

  let min = Infinity;
  let max = -Infinity;
  const { time } = incidents;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  let boundaries = bucket.range(min, max + 1);
  let end = bucket.offset(boundaries[boundaries.length - 1], 1);
  const notes: string[] = [];
  const trimPartial = options.trimPartial ?? true;
  let trimFirst = false;
  let trimLast = false;
  if (spec.unit === 'week' || spec.unit === 'month') {
    const dayOf = (t: number): number => Math.floor(wallTimeOf(t, spec) / DAY);
    const firstPartial = dayOf(min) > dayOf(boundaries[0]);
    const lastPartial = dayOf(max) < dayOf(end - 1);
    const describe = (which: string, start: number): string =>
      `the ${which} ${spec.unit} (starting ${formatDay(wallTimeOf(start, spec))}) is only partly covered by the data`;
    if (firstPartial) notes.push(`${describe('first', boundaries[0])}${trimPartial ? ': dropped' : ': kept'}`);
    if (lastPartial) notes.push(`${describe('last', boundaries[boundaries.length - 1])}${trimPartial ? ': dropped' : ': kept'}`);
    if (trimPartial) {
      trimFirst = firstPartial;
      trimLast = lastPartial && boundaries.length - (firstPartial ? 1 : 0) > 1;
      if (lastPartial && !trimLast) notes.push(`kept the last ${spec.unit}: trimming it would leave no periods`);
      if (trimFirst && boundaries.length === 1) {
        trimFirst = false;
        notes.push(`kept the only ${spec.unit}: trimming it would leave no periods`);
      }
    }
  }
  const firstStart = boundaries[0];
  if (trimFirst) boundaries = boundaries.subarray(1);
  if (trimLast) {
    end = boundaries[boundaries.length - 1];
    boundaries = boundaries.subarray(0, boundaries.length - 1);
  }

  const period = bucketIndices(time, boundaries, end);
  const cache = new CellCache(res, Math.min(n, 1 << 20));
  const cellId = new Int32Array(n);
  let trimmedFirst = 0;
  let trimmedLast = 0;
  const { lat, lng } = incidents;
  for (let i = 0; i < n; i++) {
    if (period[i] < 0) {
      if (time[i] < boundaries[0] && time[i] >= firstStart) trimmedFirst++;
      else trimmedLast++;
      cellId[i] = -1;
      continue;
    }
    cellId[i] = cache.idOf(lat[i], lng[i]);
  }

  // Sort cells and remap the dense ids in discovery order onto sorted positions.
  const discovered = cache.cells;
  const order = discovered.map((_, i) => i).sort((a, b) => (discovered[a] < discovered[b] ? -1 : 1));
  const rank = new Int32Array(discovered.length);
  order.forEach((id, position) => (rank[id] = position));
  const cells = order.map((id) => discovered[id]);
  const C = cells.length;
  const P = boundaries.length;
  const maxValues = options.maxValues ?? 250_000_000;
  if (P * C > maxValues) {
    throw new HexcastError(
      'panel-too-large',
      `A panel of ${P} ${spec.unit} periods × ${C} cells (${(P * C).toLocaleString('en-US')} values, limit ${maxValues.toLocaleString('en-US')}) is too large; ` +
        'choose a coarser resolution or a longer time bucket',
    );
  }
  const counts = new Float32Array(P * C);
  for (let i = 0; i < n; i++) {
    const id = cellId[i];
    if (id >= 0) counts[period[i] * C + rank[id]]++;
  }
  const area = Float64Array.from(cells, areaOf);
  const panel: Panel = { res, bucket: spec, cells, area, periods: Float64Array.from(boundaries), end, counts };
  return {
    panel,
    report: { input: n, binned: n - trimmedFirst - trimmedLast, trimmedFirst, trimmedLast, notes },
  };
}

/** Wall-clock reading (as UTC ms) of a time on the bucket's clock. */

function formatDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}
