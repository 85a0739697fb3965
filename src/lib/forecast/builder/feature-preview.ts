import { neighbours } from '../../grid/neighbours';
import type { Panel } from '../../grid/panel';
import { wallTimesOf } from '../../grid/wall-time';
import { historyOf } from '../history';
import { featureContext, priorStrength, tabularRow } from '../tf/features';
import { seriesOf } from '../tf/series';
import { builtLayout } from './built-layout';
import { MAX_RING, parseFeatures, type FeatureToken } from './feature-tokens';

/** Each feature column of one cell over the panel, as a fit at the panel's end computes them. */
export interface FeaturePreview {
  /** Index of the cell in the panel. */
  readonly cell: number;
  readonly cellId: string;
  /** The busiest cells (most incidents first), to pick another from. */
  readonly busiest: readonly { readonly cell: number; readonly id: string; readonly total: number }[];
  /** Wall-clock start of each previewed period (periods 1 to P − 1). */
  readonly periods: Float64Array;
  /** Each column with the kind of the token that made it (`seasonal` lags and own lags told apart). */
  readonly columns: readonly { readonly name: string; readonly kind: FeatureToken['kind']; readonly values: Float32Array }[];
  /** The offset's values when the features have `rate-offset`. */
  readonly offset?: Float32Array;
}

/** First target period of the built models (as `learnedForecaster`'s FIRST_TARGET). */
const FIRST_TARGET = 4;

/**
 * The raw values of every column of `features` for one cell (default: the busiest), for each
 * period t = 1 … P − 1 of `panel`, each from the periods before t (and t's calendar) — the
 * features a fit on the whole panel would train on, with the scaling left out and the prior
 * strength fitted on the panel. For the builder's sparklines.
 * @example featurePreview(panel, 'lag1+ring1', null).columns.map((c) => c.name) // → ['lag1', 'ring1-lag1', 'ring1-mean4']
 */
export function featurePreview(panel: Panel, features: string, cell: number | null): FeaturePreview {
  const tokens = parseFeatures(features);
  const rings = Math.max(2, ...tokens.map((t) => (t.kind === 'ring' ? Math.min(t.to, MAX_RING) : 0)));
  const P = panel.periods.length;
  const C = panel.cells.length;
  if (P < FIRST_TARGET + 2 || C === 0)
    throw new RangeError(`A feature preview needs at least ${FIRST_TARGET + 2} periods and one cell; the panel has ${P} × ${C}`);
  const totals = new Float64Array(C);
  for (let i = 0; i < panel.counts.length; i++) totals[i % C] += panel.counts[i];
  const order = Array.from({ length: C }, (_, c) => c).sort((a, b) => totals[b] - totals[a] || a - b);
  const c = cell !== null && cell >= 0 && cell < C ? cell : order[0];
  const history = historyOf(panel, neighbours(panel.cells, rings), P);
  const series = seriesOf(history, 0);
  const layout = builtLayout(tokens, history, FIRST_TARGET, P);
  const ctx = featureContext(series, history.bucket, layout, priorStrength(series, P));
  const F = layout.names.length;
  const row = new Float32Array(F);
  const kinds = tokens.flatMap((token) => builtLayout([token], history, FIRST_TARGET, P).names.map(() => token.kind));
  const columns = layout.names.map((name, j) => ({ name, kind: kinds[j], values: new Float32Array(P - 1) }));
  const offset = layout.offset ? new Float32Array(P - 1) : undefined;
  for (let t = 1; t < P; t++) {
    tabularRow(ctx, t, c, row, 0);
    for (let j = 0; j < F; j++) columns[j].values[t - 1] = row[j];
    if (offset) offset[t - 1] = layout.offset!(ctx, t, c);
  }
  return {
    cell: c,
    cellId: panel.cells[c],
    busiest: order.slice(0, 8).map((i) => ({ cell: i, id: panel.cells[i], total: totals[i] })),
    periods: wallTimesOf(panel.periods.subarray(1), panel.bucket),
    columns,
    ...(offset && { offset }),
  };
}
