/**
 * A forecaster written against the public model API (docs/own-model.md): each cell's mean count
 * in the same period of the last `years` years — the same week for weekly panels, the same month
 * for monthly ones. It learns nothing, so `fit` only keeps the history.
 *
 *   hexcast check-model examples/same-week-four-year-mean.ts
 *   hexcast backtest DATA.arrow --res 8 --bucket week --out r.json --model-file examples/same-week-four-year-mean.ts
 */
import { defineModel, type BucketUnit, type Forecaster, type History } from '../src/lib/model-api';

/** Periods in a year, by bucket unit (52 weeks, so week 10 lines up with week 10). */
const YEAR: Record<BucketUnit, number> = { hour: 52 * 168, day: 364, week: 52, month: 12 };

export default defineModel({
  id: 'same-week-mean',
  label: 'Same week, four-year mean',
  kind: 'learned',
  summary: 'Each cell’s mean count in the same week of the last four years.',
  params: [{ name: 'years', label: 'Years', type: 'integer', default: 4, min: 1, max: 10, doc: 'Years averaged (periods one year apart).' }],
  create(params, context): Forecaster {
    const years = params.years as number;
    const m = YEAR[context.bucket.unit];
    let history: History | undefined;
    return {
      name: `same-week-mean(years=${years})`,
      minHistory: m, // one year back must exist
      fit(h) {
        history = h;
      },
      predict(horizon) {
        if (!history) throw new Error('same-week-mean: predict() before fit()');
        const { counts, cells } = history;
        const C = cells.length;
        const T = history.periods.length;
        const out = new Float32Array(horizon * C);
        for (let h = 0; h < horizon; h++) {
          for (let c = 0; c < C; c++) {
            let sum = 0;
            let n = 0;
            for (let y = 1; y <= years; y++) {
              const p = T + h - y * m; // the same period, y years before step h
              if (p < 0 || p >= T) continue;
              sum += counts[p * C + c];
              n++;
            }
            out[h * C + c] = n > 0 ? sum / n : 0;
          }
        }
        return out;
      },
    };
  },
});
