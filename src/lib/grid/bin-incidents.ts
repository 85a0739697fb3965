import { dropScratch, giveScratch, takeInt32 } from '../base/scratch-memory';
import { HexcastError } from '../base/hexcast-error';
import type { Incidents } from '../io/incidents';
import { describeDrops } from '../io/describe-drops';
import { formatTime } from '../io/format-cell';
import { InputError } from '../io/input-error';
import { REMEDY_PHRASES } from '../io/load-remedies';
import { timeOutlierRule } from '../io/time-outliers';
import { assignCells, type CellAssigner } from './bin-range';
import { cellPlaceNames } from './cell-place-names';
import { coarserThatFits, DEFAULT_MAX_VALUES, describePanel, formatBytes, panelBytes } from './panel-size';
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
  /**
   * The coarser grids a refusal of a panel too large may name (`coarserThatFits`): the longer
   * buckets and the H3 resolutions in the list (a shell's control's choices, e.g. the app's 5–10;
   * default any, 0–15), or 'none' when the grid is not the caller's to change (a claim check's
   * variant, `runBinningVariants`): the refusal then gives the sizes, the limit and how to raise it.
   */
  readonly coarserAdvice?: readonly number[] | 'none';
  /**
   * How rows are assigned to cells (the costly part); default `assignCells`, one pass on this
   * thread. A shell may pass one that splits the rows across threads (`binRange` + `mergeBins`, or `splitByPoint` + `joinByPoint`):
   * it must give what `assignCells` gives, so the panel is the same bit for bit.
   */
  readonly assign?: CellAssigner;
  /**
   * A panel file is written next (`panelFileChunks`): the per-row arrays' memory goes to the
   * scratch pool for its columns (`takeInt32`). Otherwise it is let go with the binning.
   */
  readonly scratchNext?: boolean;
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
 * and noted. Cells are the H3 cells holding at least one binned incident, sorted. With a place
 * column (`incidents.place`), `cellNames` names each cell by `CELL_NAME_RULE`; null without one.
 *
 * @example binIncidents(incidents, { res: 8, unit: 'day' }).panel.counts.length
 *   // → periods × cells
 */
export function binIncidents(incidents: Incidents, options: BinOptions): { panel: Panel; report: BinReport; cellNames: (string | null)[] | null } {
  const res = assertResolution(options.res);
  const spec: BucketSpec = {
    unit: options.unit,
    clock: incidents.clock,
    timeZone: options.timeZone ?? incidents.timeZone ?? 'UTC',
  };
  const bucket = timeBucket(spec);
  const n = incidents.length;
  if (n === 0) {
    const { read, dropped } = incidents.report;
    const why = read > 0 ? `all ${read.toLocaleString('en-US')} rows were dropped: ${describeDrops(dropped)}` : 'every row was dropped or filtered';
    throw new HexcastError('nothing-to-bin', `No incidents to bin: ${why} (see the load report)`);
  }

  let min = Infinity;
  let max = -Infinity;
  const { time } = incidents;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  // Everything up to the size check works from the range's ends: no period array exists before it.
  const firstStart = bucket.floor(min);
  const lastStart = bucket.floor(max);
  const fullEnd = bucket.offset(lastStart, 1);
  const count = bucket.count(min, max + 1);
  const notes: string[] = [];
  const trimPartial = options.trimPartial ?? true;
  let trimFirst = false;
  let trimLast = false;
  if (spec.unit === 'week' || spec.unit === 'month') {
    const dayOf = (t: number): number => Math.floor(wallTimeOf(t, spec) / DAY);
    const firstPartial = dayOf(min) > dayOf(firstStart);
    const lastPartial = dayOf(max) < dayOf(fullEnd - 1);
    const describe = (which: string, start: number): string =>
      `the ${which} ${spec.unit} (starting ${formatDay(wallTimeOf(start, spec))}) is only partly covered by the data`;
    if (firstPartial) notes.push(`${describe('first', firstStart)}${trimPartial ? ': dropped' : ': kept'}`);
    if (lastPartial) notes.push(`${describe('last', lastStart)}${trimPartial ? ': dropped' : ': kept'}`);
    if (trimPartial) {
      trimFirst = firstPartial;
      trimLast = lastPartial && count - (firstPartial ? 1 : 0) > 1;
      if (lastPartial && !trimLast) notes.push(`kept the last ${spec.unit}: trimming it would leave no periods`);
      if (trimFirst && count === 1) {
        trimFirst = false;
        notes.push(`kept the only ${spec.unit}: trimming it would leave no periods`);
      }
    }
  }
  const start = trimFirst ? bucket.offset(firstStart, 1) : firstStart;
  const end = trimLast ? lastStart : fullEnd;
  const maxValues = options.maxValues ?? DEFAULT_MAX_VALUES;
  const periodsEstimate = count - (trimFirst ? 1 : 0) - (trimLast ? 1 : 0);
  // Not even one cell fits: refuse before indexing any cell.
  if (periodsEstimate > maxValues) refuse(incidents, spec, periodsEstimate, 1, [], res, maxValues, min, max, options.coarserAdvice);

  const assigned = (options.assign ?? assignCells)(incidents, { res, start, end });
  const { cellId, trimmedFirst, trimmedLast } = assigned;

  // Sort cells and remap the dense ids in discovery order onto sorted positions.
  const discovered = assigned.cells;
  const order = discovered.map((_, i) => i).sort((a, b) => (discovered[a] < discovered[b] ? -1 : 1));
  const rank = new Int32Array(discovered.length);
  order.forEach((id, position) => (rank[id] = position));
  const cells = order.map((id) => discovered[id]);
  const C = cells.length;
  if (periodsEstimate * C > maxValues) refuse(incidents, spec, periodsEstimate, C, cells, res, maxValues, min, max, options.coarserAdvice);
  const boundaries = bucket.range(start, end);
  const P = boundaries.length;
  const period = bucketIndices(time, boundaries, end, takeInt32(n));
  const counts = new Float32Array(P * C);
  for (let i = 0; i < n; i++) {
    const id = cellId[i];
    if (id >= 0 && period[i] >= 0) counts[period[i] * C + rank[id]]++;
  }
  const known = assigned.areas;
  const area = Float64Array.from(order, (id) => (known && known[id] === known[id] ? known[id] : areaOf(discovered[id])));
  const panel: Panel = { res, bucket: spec, cells, area, periods: boundaries, end, counts };
  let cellNames: (string | null)[] | null = null;
  if (incidents.place && incidents.places) {
    const position = Int32Array.from(cellId, (id, i) => (id >= 0 && period[i] >= 0 ? rank[id] : -1));
    cellNames = cellPlaceNames(position, C, incidents.place, incidents.places);
  }
  // The per-row periods (and cells, when the assigner says they are scratch memory) are done with:
  // their memory serves a panel file's columns next (`takeInt32`), nothing older; with no panel file to follow, nothing stays pooled.
  dropScratch();
  if (options.scratchNext) giveScratch(period, ...(assigned.scratch ? [cellId] : []));
  return {
    panel,
    cellNames,
    report: { input: n, binned: n - trimmedFirst - trimmedLast, trimmedFirst, trimmedLast, notes },
  };
}

/**
 * Throws the reason a panel of `periods × cells` cannot be allocated, with its size and, when
 * incidents far outside the bulk of the times stretch the range (`timeOutlierRule`, kept with
 * keepOutliers or binned without the loader), 'time-range-implausible' naming their times and the
 * bulk's range; otherwise 'panel-too-large' with the coarser buckets or resolutions that would fit
 * (among `advice`'s resolutions; none named with 'none').
 */
function refuse(
  incidents: Incidents,
  spec: BucketSpec,
  periods: number,
  C: number,
  cells: readonly string[],
  res: number,
  maxValues: number,
  min: number,
  max: number,
  advice: readonly number[] | 'none' | undefined,
): never {
  const size =
    cells.length > 0
      ? describePanel(periods, spec.unit, C)
      : `${periods.toLocaleString('en-US')} ${spec.unit} periods (${formatBytes(panelBytes(periods, 1))} for a single cell)`;
  const limit = `the limit is ${maxValues.toLocaleString('en-US')} values (${formatBytes(4 * maxValues)})`;
  const rule = timeOutlierRule(incidents.time, new Uint8Array(incidents.length));
  if (rule) {
    const far: number[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of incidents.time) {
      if (Math.abs(t - rule.median) > rule.thresholdMs) far.push(t);
      else {
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    const bulkPeriods = timeBucket(spec).count(lo, hi + 1);
    if (far.length > 0 && bulkPeriods * Math.max(C, 1) <= maxValues) {
      const show = (t: number): string => formatTime(t, spec.clock);
      throw new InputError(
        `the time range ${show(min)} … ${show(max)} is stretched by ${far.length} incident${far.length === 1 ? '' : 's'} far outside the bulk of the data ` +
          `(${show(lo)} … ${show(hi)}), at ${far.slice(0, 5).map(show).join(', ')}${far.length > 5 ? ', …' : ''}: ` +
          `with ${far.length === 1 ? 'it' : 'them'} the panel would be ${size} and ${limit}; correct or drop ${far.length === 1 ? 'that row' : 'those rows'} ` +
          `(the loader drops them as time-outlier unless ${REMEDY_PHRASES.keepOutliers})`,
        { code: 'time-range-implausible', field: 'bin.unit' },
      );
    }
  }
  const indexes = `binning also holds 8 bytes per incident, ${formatBytes(8 * incidents.length)} for these ${incidents.length.toLocaleString('en-US')}`;
  // The grids (coarserThatFits) and the limit's setting in their neutral phrases, which each shell words as its own controls (the CLI's --bucket, --res and --max-panel-mb, the app's fields and page address).
  const fewer = `keep fewer incidents (a category filter, a shorter date range), or raise the limit ${REMEDY_PHRASES.raisePanelLimit} where the memory is there`;
  const coarser = advice !== 'none' && cells.length > 0 ? coarserThatFits(spec, min, max, cells, res, maxValues, advice) : [];
  throw new InputError(`a panel of ${size} is too large: ${limit}, and ${indexes}; ${gridAdvice(coarser, advice, cells.length > 0)}${fewer}`, {
    code: 'panel-too-large',
    field: 'bin.maxValues',
  });
}

/**
 * A refusal's advice on the grid, ending where its other remedies follow: the `coarser` grids
 * that fit among `advice`'s resolutions, what to do when none of those fits, or nothing with 'none'.
 */
function gridAdvice(coarser: readonly string[], advice: readonly number[] | 'none' | undefined, cellsKnown: boolean): string {
  if (advice === 'none') return '';
  if (coarser.length > 0) return `coarser that fits: ${coarser.join(' or ')}; or `;
  // With the resolutions limited to a control's, a coarser one may fit that the control does not offer: do not send the user to it.
  if (advice && cellsKnown) return 'neither a longer time bucket nor a coarser resolution on offer fits by itself: ';
  return 'choose a coarser resolution or a longer time bucket; or ';
}

function formatDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}
