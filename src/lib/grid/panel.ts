import type { BucketSpec } from './time-bucket';

/**
 * Binned incidents: a dense H3 cell × time-bucket matrix of counts (DESIGN.md).
 *
 * - `cells` are H3 indexes at `res`, sorted ascending (as strings; same-resolution indexes
 *   have equal length, so this is also numeric order).
 * - `area[c]` is the area of `cells[c]` in m² (from h3-js, per cell).
 * - `periods[p]` is the start of bucket p (epoch ms on the bucket's clock); buckets are
 *   contiguous, and `end` is the end of the last one.
 * - `counts[p * cells.length + c]` is the number of incidents in cell c during period p
 *   (period-major). An empty cell-period is 0, never missing.
 */
export interface Panel {
  readonly res: number;
  readonly bucket: BucketSpec;
  readonly cells: readonly string[];
  readonly area: Float64Array;
  readonly periods: Float64Array;
  readonly end: number;
  readonly counts: Float32Array;
}

/** Number of incidents in a panel (the sum of its counts). */
export function panelTotal(panel: Pick<Panel, 'counts'>): number {
  let total = 0;
  for (let i = 0; i < panel.counts.length; i++) total += panel.counts[i];
  return total;
}

/**
 * Throws a specific error unless the panel's arrays agree with each other:
 * `area.length === cells.length`, `counts.length === periods.length × cells.length`,
 * cells strictly ascending, periods strictly ascending and before `end`, counts finite and ≥ 0.
 */
export function assertPanel(panel: Panel): Panel {
  const C = panel.cells.length;
  const P = panel.periods.length;
  if (panel.area.length !== C) throw new Error(`Panel has ${C} cells but ${panel.area.length} areas`);
  if (panel.counts.length !== P * C) {
    throw new Error(`Panel counts have length ${panel.counts.length}, expected ${P} periods × ${C} cells = ${P * C}`);
  }
  for (let c = 1; c < C; c++) {
    if (!(panel.cells[c - 1] < panel.cells[c])) throw new Error(`Panel cells are not strictly ascending at index ${c}`);
  }
  for (let p = 1; p < P; p++) {
    if (!(panel.periods[p - 1] < panel.periods[p])) throw new Error(`Panel periods are not strictly ascending at index ${p}`);
  }
  if (P > 0 && !(panel.end > panel.periods[P - 1])) throw new Error('Panel end must be after its last period start');
  for (let i = 0; i < panel.counts.length; i++) {
    const v = panel.counts[i];
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new Error(`Panel count at period ${Math.floor(i / C)}, cell ${i % C} is ${v}; counts must be finite and ≥ 0`);
    }
  }
  return panel;
}
