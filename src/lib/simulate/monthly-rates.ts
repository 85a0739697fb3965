import type { Panel } from '../grid/panel';
import { nominalLength } from '../grid/time-bucket';

/**
 * Each cell's mean count per period over a whole panel, as incidents a month: r_c =
 * (1/P) Σ_p y_{p,c} × (a month / one period), with a month of 30.436875 days and the nominal
 * length of the panel's unit (`nominalLength`). Turns a real panel into the known true risk
 * of a simulation on its geography (`simulateFeedbackLoop` with `cells`). An empty panel gives 0s.
 * @example monthlyRates({ bucket: { unit: 'week', … }, cells: ['a'], periods: [0, 1], counts: [1, 3] })
 *   // → [2 × 30.436875 / 7 ≈ 8.70]
 */
export function monthlyRates(panel: Pick<Panel, 'bucket' | 'cells' | 'periods' | 'counts'>): Float64Array {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const out = new Float64Array(C);
  if (P === 0) return out;
  for (let p = 0; p < P; p++) for (let c = 0; c < C; c++) out[c] += panel.counts[p * C + c];
  const scale = nominalLength('month') / nominalLength(panel.bucket.unit) / P;
  for (let c = 0; c < C; c++) out[c] *= scale;
  return out;
}
