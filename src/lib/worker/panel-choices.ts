import { panelBytes } from '../grid/panel-size';
import { BUCKET_UNITS, timeBucket, type BucketUnit } from '../grid/time-bucket';
import type { Incidents } from '../io/incidents';

/** A panel's size: `periods × cells` values, `bytes` as allocated (`panelBytes`: Float32 counts, Float64 period starts and cell areas). */
export interface PanelSize {
  readonly res: number;
  readonly unit: BucketUnit;
  readonly periods: number;
  readonly cells: number;
  readonly bytes: number;
}

/**
 * A panel refused as too large: the one asked for, the budget, and the grids that fit — for each
 * bucket as long as or longer than the one asked for, the finest offered resolution no finer than
 * the one asked for whose panel fits. Cells at each resolution come from `ResolutionCells`
 * (approximate by a few cells at the coarser ones); periods from the loaded incidents' first
 * and last time, before any partial week or month is trimmed, so each size is an upper bound
 * to within one or two periods.
 */
export interface PanelChoices {
  readonly wanted: PanelSize;
  /** The budget in values (4 bytes each) and in bytes of counts. */
  readonly maxValues: number;
  readonly choices: readonly PanelSize[];
}

/**
 * The panel sizes of `res` and `unit` and of the coarser grids that fit `maxValues`, for the
 * refusal screen's choices. `cellsAt` holds the cells with incidents at each offered resolution.
 * @example panelChoices(incidents, { res: 10, unit: 'hour', timeZone: null }, counts, 1e6).choices[0]
 *   // → { res: 10, unit: 'day', … } when daily buckets fit
 */
export function panelChoices(
  incidents: Incidents,
  settings: { readonly res: number; readonly unit: BucketUnit; readonly timeZone: string | null },
  cellsAt: readonly { readonly res: number; readonly cells: number }[],
  maxValues: number,
): PanelChoices {
  let min = Infinity;
  let max = -Infinity;
  for (const t of incidents.time) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const timeZone = settings.timeZone ?? incidents.timeZone ?? 'UTC';
  const periodsOf = (unit: BucketUnit): number => (incidents.length === 0 ? 0 : timeBucket({ unit, clock: incidents.clock, timeZone }).count(min, max + 1));
  const cellsOf = new Map(cellsAt.map((c) => [c.res, c.cells]));
  const size = (res: number, unit: BucketUnit, periods: number): PanelSize => {
    const cells = cellsOf.get(res) ?? 0;
    return { res, unit, periods, cells, bytes: panelBytes(periods, cells) };
  };
  const finestFirst = [...cellsOf.keys()].filter((r) => r <= settings.res).sort((a, b) => b - a);
  const choices: PanelSize[] = [];
  for (const unit of BUCKET_UNITS.slice(BUCKET_UNITS.indexOf(settings.unit))) {
    const periods = periodsOf(unit);
    const res = finestFirst.find((r) => (r !== settings.res || unit !== settings.unit) && periods * (cellsOf.get(r) ?? 0) <= maxValues);
    if (res !== undefined) choices.push(size(res, unit, periods));
  }
  return { wanted: size(settings.res, settings.unit, periodsOf(settings.unit)), maxValues, choices };
}
