import type { LeakageLab } from './leakage-lab';
import { relativeInflation } from './leakage-text';
import type { MetricKey } from './metric-series';
import type { MistakeId } from './mistake-catalogue';

/** One bar of the app's leakage view: a mistake's inflation of one metric for one model. */
export interface LeakageBar {
  readonly mistake: MistakeId;
  readonly title: string;
  /** The model the bar shows (the chosen one, or the mistake's own model: the lag regression, a tuned baseline). */
  readonly model?: string;
  /** Relative inflation (inflation / |honest|) and its interval; NaN when not run. */
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  readonly honest: number;
  readonly leaky: number;
  readonly skipped?: string;
}

/**
 * The bars of the leakage view: one per mistake, for the metric `key` and the model `model`
 * where the mistake ran on it (else the mistake's first model: the lab's lag regression, the
 * tuned window average). Values are relative inflations (`relativeInflation`), so mistakes on
 * different models share one axis; the interval is the inflation's, divided the same way.
 * @example leakageBars(lab, { metric: 'pai', coverage: 0.05 }, 'naive').map((b) => b.value) // → six relative inflations
 */
export function leakageBars(lab: LeakageLab, key: MetricKey, model?: string): LeakageBar[] {
  return lab.mistakes.map((mistake): LeakageBar => {
    const rows = mistake.rows.filter((r) => r.metric === key.metric && r.coverage === key.coverage);
    const row = rows.find((r) => r.model === model) ?? rows[0];
    if (!row)
      return { mistake: mistake.id, title: mistake.title, value: NaN, lo: NaN, hi: NaN, honest: NaN, leaky: NaN, skipped: mistake.skipped ?? 'no such metric' };
    const base = Math.abs(row.honest.mean);
    return {
      mistake: mistake.id,
      title: mistake.title,
      model: row.model,
      value: relativeInflation(row),
      lo: base > 0 ? row.inflation.lo / base : NaN,
      hi: base > 0 ? row.inflation.hi / base : NaN,
      honest: row.honest.mean,
      leaky: row.leaky.mean,
    };
  });
}
