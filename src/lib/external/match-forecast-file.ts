import { instantToWall, wallToInstant } from '../base/time-zone';
import type { ExternalContext, ExternalDroppedRow, ExternalMatch } from '../evaluate/external-model';
import { areaOf, cellOf, childrenOf, isCell, parentOf, resolutionOf } from '../grid/h3';
import { timeBucket } from '../grid/time-bucket';
import { formatCell } from '../io/format-cell';
import { coverBox } from './cover-box';
import { FORECAST_DROP_CODE, FORECAST_DROP_REASONS, type ForecastDropReason } from './forecast-drop-reasons';
import type { ForecastFile } from './read-forecast-file';
import { resolveKind } from './resolve-kind';

/** Where a place's forecast goes: panel cell indexes and the share of the value each gets. */
interface Target {
  readonly cells: readonly number[];
  readonly weight: number;
}

const EXAMPLES = 5;

/**
 * Matches a decoded forecast file to a backtest: each row's period to a panel period and the
 * folds that test it (or, with a cutoff column, the fold with that cutoff), its place to panel
 * cells, and — with `scored` — its value into `values[(fold·h + step)·C + cell]` for the scored
 * folds. Places: an H3 cell at the panel's resolution is that cell; a finer one is summed into
 * its parent; a coarser one is split equally among its children at the panel's resolution (by
 * area, as H3 children have near-equal areas; the share of children outside the panel is lost
 * and reported); a point goes to the cell containing it; a flagged point with a box side flags
 * the cells covering the box (`coverBox`), with the box/cover area mismatch reported. Times on
 * another clock than the panel's are converted in the panel's zone. A cell with no row in a
 * scored period is forecast 0. A fold is covered when each of its test periods has a usable row.
 * Every row is used or dropped with its reason (`FORECAST_DROP_REASONS`, first that applies),
 * with up to 5 examples a reason.
 */
export function matchForecastFile(
  name: string,
  file: ForecastFile,
  sha256: string,
  context: ExternalContext,
  scored: Uint8Array | null,
): ExternalMatch & { covered: Uint8Array } {
  const { panel, region, cutoffs, horizon } = context;
  const C = panel.cells.length;
  const R = panel.res;
  const folds = cutoffs.length;
  const rows = file.rows;
  const reasons = Uint8Array.from(file.reasons);
  const mark = (i: number, reason: ForecastDropReason): void => {
    if (reasons[i] === 0) reasons[i] = FORECAST_DROP_CODE[reason];
  };
  const notes: string[] = [];
  const cellIndex = new Map(panel.cells.map((cell, c) => [cell, c]));
  const declared = file.options.kind;
  const flagsDeclared = declared === 'flags' || file.value === null;

  // Places → targets.
  const targets: (Target | null)[] = new Array(rows).fill(null);
  const cache = new Map<string, Target>();
  let finer = 0;
  let coarser = 0;
  let lostShare = 0;
  let boxes = 0;
  let coverArea = 0;
  const boxSide = flagsDeclared ? file.options.boxSide : undefined;
  const targetOf = (cell: string): Target => {
    let target = cache.get(cell);
    if (!target) {
      const r = resolutionOf(cell);
      let cells: string[];
      if (r === R) cells = [cell];
      else if (r > R) cells = [parentOf({ cell, res: R })];
      else cells = childrenOf({ cell, res: R });
      const inPanel = cells.map((c) => cellIndex.get(c) ?? -1).filter((c) => c >= 0);
      target = { cells: inPanel, weight: r < R ? 1 / cells.length : 1 };
      cache.set(cell, target);
    }
    return target;
  };
  for (let i = 0; i < rows; i++) {
    if (reasons[i] !== 0) continue;
    if (file.cell) {
      const cell = file.cell[i]!;
      if (!isCell(cell)) {
        mark(i, 'cell-invalid');
        continue;
      }
      const r = resolutionOf(cell);
      const target = targetOf(cell);
      if (r > R) finer++;
      if (r < R) {
        coarser++;
        lostShare += 1 - target.cells.length * target.weight;
      }
      targets[i] = target;
    } else if (boxSide !== undefined) {
      const cover = coverBox({ lat: file.lat![i], lng: file.lng![i], side: boxSide, res: R });
      boxes++;
      for (const cell of cover) coverArea += areaOf(cell);
      targets[i] = { cells: cover.map((c) => cellIndex.get(c) ?? -1).filter((c) => c >= 0), weight: 1 };
    } else {
      targets[i] = targetOf(cellOf({ lat: file.lat![i], lng: file.lng![i], res: R }));
    }
  }
  if (finer > 0) notes.push(`${finer} rows give cells finer than the panel's resolution ${R}: each was summed into its parent cell.`);
  if (coarser > 0) {
    notes.push(
      `${coarser} rows give cells coarser than the panel's resolution ${R}: each value was split equally among its children at resolution ${R} (H3 children have near-equal areas, so equal shares are shares by area)` +
        (lostShare > 0
          ? `; ${(lostShare / coarser).toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 1 })} of their value on average fell on children outside the panel and was lost.`
          : '.'),
    );
  }
  if (boxes > 0) {
    const boxArea = boxes * boxSide! * boxSide!;
    notes.push(
      `${boxes} flagged boxes of ${boxSide} m × ${boxSide} m (${km2(boxArea)} in all) are covered by H3 cells of resolution ${R} with ${km2(coverArea)} in all: the cover is ${(coverArea / boxArea).toFixed(2)}× the boxes' area, and every model is scored on the cover's area.`,
    );
  } else if (flagsDeclared && !file.cell) {
    notes.push(`Each flagged point flags the whole resolution-${R} cell it falls in (no box side given): the flagged area is the cells', not the vendor's.`);
  }

  // Periods → panel periods and folds.
  const bucket = timeBucket(panel.bucket);
  const zone = panel.bucket.timeZone;
  const toPanel = (t: number): number => (file.clock === panel.bucket.clock ? t : file.clock === 'instant' ? instantToWall(zone, t) : wallToInstant(zone, t));
  if (file.clock !== panel.bucket.clock) {
    notes.push(
      `The file's times are ${file.clock === 'instant' ? 'instants' : 'wall-clock readings'} and the panel's are ${panel.bucket.clock === 'instant' ? 'instants' : 'wall-clock readings'}: converted in ${zone}.`,
    );
  }
  const periodIndex = new Map<number, number>();
  panel.periods.forEach((t, p) => periodIndex.set(t, p));
  const foldByCutoff = new Map(cutoffs.map((cutoff, k) => [panel.periods[cutoff], k]));
  const foldsOf = (p: number): number[] => cutoffs.flatMap((cutoff, k) => (cutoff <= p && p < cutoff + horizon ? [k] : []));
  const rowPeriod = new Int32Array(rows).fill(-1);
  const rowFold = new Int32Array(rows).fill(-1);
  let minValue = Infinity;
  for (let i = 0; i < rows; i++) {
    if (reasons[i] !== 0) continue;
    if (declared === 'count' && file.value && file.value[i] < 0) {
      mark(i, 'value-negative');
      continue;
    }
    const t = toPanel(file.period[i]);
    if (bucket.floor(t) !== t) {
      mark(i, 'period-misaligned');
      continue;
    }
    const p = periodIndex.get(t);
    let inFold = p !== undefined && foldsOf(p).length > 0;
    if (p !== undefined && file.cutoff) {
      const k = foldByCutoff.get(toPanel(file.cutoff[i]));
      inFold = k !== undefined && cutoffs[k] <= p && p < cutoffs[k] + horizon;
      if (inFold) rowFold[i] = k!;
    }
    if (!inFold) {
      mark(i, 'period-outside-backtest');
      continue;
    }
    rowPeriod[i] = p!;
    if (file.value) minValue = Math.min(minValue, file.value[i]);
  }

  // Coverage: a fold is covered when each test period has a usable row.
  const seen = new Uint8Array(folds * horizon);
  const periodSeen = new Set<number>();
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const p = rowPeriod[i];
    if (p < 0) continue;
    for (const k of rowFold[i] >= 0 ? [rowFold[i]] : foldsOf(p)) seen[k * horizon + (p - cutoffs[k])] = 1;
    periodSeen.add(p);
    if (file.value) total += file.value[i];
  }
  const covered = Uint8Array.from({ length: folds }, (_, k) => (seen.subarray(k * horizon, (k + 1) * horizon).every((v) => v === 1) ? 1 : 0));

  // Kind.
  let training = 0;
  for (let i = 0; i < cutoffs[0] * C; i++) training += panel.counts[i];
  const { kind, reason: kindReason } = resolveKind({
    value: file.value ? file.columns.value : null,
    declared,
    minValue: Number.isFinite(minValue) ? minValue : 0,
    perPeriod: periodSeen.size > 0 ? total / periodSeen.size : 0,
    trainingPerPeriod: training / Math.max(1, cutoffs[0]),
  });
  const shift = kind === 'score' && minValue < 0 ? -minValue : 0;
  if (shift > 0) notes.push(`Scores were shifted up by ${shift} so the lowest is 0 (ranking unchanged); a cell without a row ranks with the lowest.`);

  // Values, and the last reasons.
  const values = new Float32Array(folds * horizon * C);
  const keys = new Set<string>();
  let outsideRegion = 0;
  for (let i = 0; i < rows; i++) {
    const p = rowPeriod[i];
    if (p < 0) continue;
    const target = targets[i]!;
    if (target.cells.length === 0) {
      mark(i, 'cell-outside-panel');
      continue;
    }
    const inRegion = target.cells.some((c) => region.mask[c] === 1);
    if (!inRegion && kind !== 'count') {
      mark(i, 'cell-outside-region');
      continue;
    }
    if (file.cell && kind !== 'flags') {
      const key = `${rowFold[i]}|${p}|${file.cell[i]}`;
      if (keys.has(key)) {
        mark(i, 'duplicate');
        continue;
      }
      keys.add(key);
    }
    const rowFolds = (rowFold[i] >= 0 ? [rowFold[i]] : foldsOf(p)).filter((k) => !scored || scored[k] === 1);
    if (rowFolds.length === 0) {
      mark(i, 'fold-not-scored');
      continue;
    }
    if (!inRegion) outsideRegion++;
    const v = kind === 'flags' ? 1 : (file.value![i] + shift) * target.weight;
    for (const k of rowFolds) {
      const base = (k * horizon + (p - cutoffs[k])) * C;
      for (const c of target.cells) {
        if (kind === 'flags') values[base + c] = 1;
        else values[base + c] += v;
      }
    }
  }
  if (outsideRegion > 0)
    notes.push(
      `${outsideRegion} rows fall in panel cells outside the study region: they count in the count metrics (over every cell) but not in the hotspot metrics.`,
    );
  notes.push(...file.warnings);

  const dropped = Object.fromEntries(FORECAST_DROP_REASONS.map((r) => [r, 0])) as Record<ForecastDropReason, number>;
  let used = 0;
  const examples: ExternalDroppedRow[] = [];
  const shown = new Map<number, number>();
  const columnNames = Object.values(columnsOf(file));
  for (let i = 0; i < rows; i++) {
    const code = reasons[i];
    if (code === 0) {
      used++;
      continue;
    }
    const reason = FORECAST_DROP_REASONS[code - 1];
    dropped[reason]++;
    const n = shown.get(code) ?? 0;
    if (n < EXAMPLES) {
      shown.set(code, n + 1);
      const values: Record<string, string> = {};
      for (const column of columnNames) values[column] = formatCell(file.source.table.getChild(column)!, i);
      examples.push({ row: i, reason, values });
    }
  }
  // CSV records the reader could not make rows of: read, and dropped before any other check.
  const malformed = file.source.dropped?.counts['record-malformed'] ?? 0;
  dropped['record-malformed'] = malformed;
  for (const example of (file.source.dropped?.examples ?? []).slice(0, EXAMPLES)) {
    examples.push({ row: example.row, reason: 'record-malformed', values: example.values });
  }
  examples.sort((a, b) => FORECAST_DROP_CODE[a.reason as ForecastDropReason] - FORECAST_DROP_CODE[b.reason as ForecastDropReason] || a.row - b.row);
  return {
    kind,
    values,
    covered,
    report: {
      name,
      file: file.source.name,
      bytes: file.source.bytes,
      sha256,
      shape: file.columns.shape,
      shapeReason: file.columns.reason,
      columns: columnsOf(file),
      kind,
      kindReason,
      rows: { read: rows + malformed, used, dropped, examples },
      notes,
    },
  };
}

/** The file's columns by role. */
function columnsOf(file: ForecastFile): Record<string, string> {
  const { period, cutoff, cell, location, value } = file.columns;
  const out: Record<string, string> = { period };
  if (cutoff) out.cutoff = cutoff;
  if (cell) out.cell = cell;
  if (location?.kind === 'latlng') Object.assign(out, { lat: location.lat, lng: location.lng });
  if (location?.kind === 'xy') Object.assign(out, { x: location.x, y: location.y });
  if (value && file.value) out.forecast = value;
  return out;
}

/** Square metres as km² with three significant digits. */
function km2(m2: number): string {
  return `${(m2 / 1e6).toPrecision(3)} km²`;
}
