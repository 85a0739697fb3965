/** Count metrics, scored over every cell and forecast step of a fold. */
export const COUNT_METRICS = ['mae', 'rmse', 'poissonDeviance', 'mase', 'brier', 'logScore'] as const;
/** Hotspot metrics, scored per forecast step at each coverage level and averaged over steps. */
export const HOTSPOT_METRICS = ['hitRate', 'pai', 'pei'] as const;

export type CountMetricId = (typeof COUNT_METRICS)[number];
export type HotspotMetricId = (typeof HOTSPOT_METRICS)[number];
export type MetricId = CountMetricId | HotspotMetricId;

/** How to read a metric: its label, unit, which direction is better, and one line of meaning. */
export interface MetricInfo {
  readonly id: MetricId;
  readonly label: string;
  readonly better: 'lower' | 'higher';
  readonly meaning: string;
}

/** Every metric of a report, in the order tables show them. */
export const METRICS: Readonly<Record<MetricId, MetricInfo>> = {
  mae: {
    id: 'mae',
    label: 'MAE',
    better: 'lower',
    meaning:
      'mean absolute error per cell and period; it rewards forecasting the median, which is 0 for sparse counts, so it can favour forecasts that are too low',
  },
  rmse: { id: 'rmse', label: 'RMSE', better: 'lower', meaning: 'root mean squared error; punishes large misses' },
  poissonDeviance: {
    id: 'poissonDeviance',
    label: 'Poisson deviance',
    better: 'lower',
    meaning: 'mean Poisson deviance: how likely the observed counts are under the forecast rates',
  },
  mase: {
    id: 'mase',
    label: 'MASE',
    better: 'lower',
    meaning: "MAE divided by the in-sample MAE of the naive forecast (below 1 beats naive in-sample); shares MAE's preference for low forecasts",
  },
  brier: { id: 'brier', label: 'Brier', better: 'lower', meaning: 'squared error of P(at least one incident) = 1 − e^(−λ)' },
  logScore: { id: 'logScore', label: 'Log score', better: 'lower', meaning: 'negative log-likelihood of "at least one incident" per cell and period' },
  hitRate: {
    id: 'hitRate',
    label: 'Hit rate',
    better: 'higher',
    meaning:
      'share of all incidents that fell in the area flagged as hotspots (exactly that share of the study area; tied cells at the boundary count in part)',
  },
  pai: { id: 'pai', label: 'PAI', better: 'higher', meaning: 'hit rate divided by the share of area flagged (1 = no better than chance)' },
  pei: {
    id: 'pei',
    label: 'PEI*',
    better: 'higher',
    meaning: 'incidents captured relative to the most any area of the same size could have held (1 = hindsight)',
  },
};

/** The key a coverage level has in reports: its decimal string ('0.05'). */
export function coverageKey(coverage: number): string {
  return String(coverage);
}
