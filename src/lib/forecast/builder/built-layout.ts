import { parentOf } from '../../grid/h3';
import { wallTimeOf } from '../../grid/wall-time';
import type { BucketUnit } from '../../grid/time-bucket';
import type { History } from '../history';
import { calendarNames } from '../tf/calendar';
import { cellRate, cityLevel, featureLayout, type FeatureContext, type FeatureLayout } from '../tf/features';
import { ringLists, windowMean } from '../tf/series';
import type { FeatureToken } from './feature-tokens';

type Writer = (ctx: FeatureContext, t: number, c: number, out: Float32Array, k: number) => number;

/** One token turned into columns: their names and a writer that fills them and returns the next offset. */
interface Block {
  readonly names: readonly string[];
  readonly write: Writer;
}

const NO_CALENDAR = { hourHarmonics: 0, weekday: false, yearHarmonics: 0 } as const;
const YEAR = 365.2425 * 86_400_000;
/** EWMA terms stop when the next weight would be below this fraction of the first. */
const EWMA_CUTOFF = 1e-4;

/** For each cell, the cells (itself included) that share its H3 parent at `res`, as CSR lists. */
function siblingsAt(cells: readonly string[], res: number): { offsets: Int32Array; index: Int32Array } {
  const groups = new Map<string, number[]>();
  const parents = cells.map((cell) => parentOf({ cell, res }));
  parents.forEach((p, c) => (groups.get(p) ?? groups.set(p, []).get(p)!).push(c));
  const offsets = new Int32Array(cells.length + 1);
  const index: number[] = [];
  parents.forEach((p, c) => {
    index.push(...groups.get(p)!);
    offsets[c + 1] = index.length;
  });
  return { offsets, index: Int32Array.from(index) };
}

const log1pMean = (cum: Float64Array, C: number, t: number, w: number, c: number): number => Math.log1p(windowMean(cum, C, t, w, c));

/** The wall-clock date of period t (calendar tokens). */
const dateOf = (ctx: FeatureContext, t: number, bucket: History['bucket']): Date => new Date(wallTimeOf(ctx.series.times[t], bucket));

function blockOf(token: FeatureToken, unit: BucketUnit, base: FeatureLayout, history: History): Block {
  const w0 = base.windows[0];
  switch (token.kind) {
    case 'lag': {
      const lags = Array.from({ length: token.to - token.from + 1 }, (_, i) => token.from + i);
      return {
        names: lags.map((k) => `lag${k}`),
        write: ({ series }, t, c, out, k) => {
          const C = series.cells;
          for (const lag of lags) out[k++] = t - lag >= 0 ? Math.log1p(series.counts[(t - lag) * C + c]) : log1pMean(series.cumCounts, C, t, w0, c);
          return k;
        },
      };
    }
    case 'seasonal':
      return {
        names: base.seasonal.map((s) => `lag${s}`),
        write: (ctx, t, c, out, k) => {
          const expected = Math.log1p(Math.exp(cellRate(ctx, t, c)));
          const C = ctx.series.cells;
          for (const lag of base.seasonal) out[k++] = t - lag >= 0 ? Math.log1p(ctx.series.counts[(t - lag) * C + c]) : expected;
          return k;
        },
      };
    case 'mean': {
      const windows = token.window === 0 ? base.windows : [token.window];
      return {
        names: windows.map((w) => `mean${w}`),
        write: ({ series }, t, c, out, k) => {
          for (const w of windows) out[k++] = log1pMean(series.cumCounts, series.cells, t, w, c);
          return k;
        },
      };
    }
    case 'ewma': {
      const decay = 1 - token.alpha;
      const terms = Math.max(1, Math.ceil(Math.log(EWMA_CUTOFF) / Math.log(decay)));
      return {
        names: [`ewma${token.alpha}`],
        write: ({ series }, t, c, out, k) => {
          let sum = 0;
          let weights = 0;
          let weight = 1;
          for (let j = 1; j <= Math.min(t, terms); j++, weight *= decay) {
            sum += weight * series.counts[(t - j) * series.cells + c];
            weights += weight;
          }
          out[k++] = Math.log1p(weights > 0 ? sum / weights : 0);
          return k;
        },
      };
    }
    case 'ring': {
      const writers: Writer[] = [];
      const names: string[] = [];
      for (let r = token.from; r <= token.to; r++) {
        names.push(`ring${r}-lag1`, `ring${r}-mean${w0}`);
        if (r <= 2) {
          writers.push(({ series }, t, c, out, k) => {
            const C = series.cells;
            out[k++] = Math.log1p((r === 1 ? series.ring1 : series.ring2)[(t - 1) * C + c]);
            out[k++] = log1pMean(r === 1 ? series.cumRing1 : series.cumRing2, C, t, w0, c);
            return k;
          });
        } else {
          const lists = ringLists(history, r);
          writers.push(({ series }, t, c, out, k) => {
            const C = series.cells;
            const from = lists.offsets[c];
            const n = lists.offsets[c + 1] - from;
            let last = 0;
            let mean = 0;
            for (let j = from; j < from + n; j++) {
              last += series.counts[(t - 1) * C + lists.index[j]];
              mean += windowMean(series.cumCounts, C, t, w0, lists.index[j]);
            }
            out[k++] = Math.log1p(n > 0 ? last / n : 0);
            out[k++] = Math.log1p(n > 0 ? mean / n : 0);
            return k;
          });
        }
      }
      return {
        names,
        write: (ctx, t, c, out, k) => {
          for (const w of writers) k = w(ctx, t, c, out, k);
          return k;
        },
      };
    }
    case 'rate':
      return {
        names: ['cell-rate'],
        write: (ctx, t, c, out, k) => {
          out[k] = cellRate(ctx, t, c);
          return k + 1;
        },
      };
    case 'rate-offset':
      return { names: [], write: (_ctx, _t, _c, _out, k) => k };
    case 'area':
      return {
        names: ['city-lag1', `city-mean${w0}`],
        write: ({ series }, t, _c, out, k) => {
          const C = series.cells;
          const longRun = series.cumMean[t] / t;
          out[k++] = cityLevel(series.cumMean, t, 1, longRun, C);
          out[k++] = cityLevel(series.cumMean, t, w0, longRun, C);
          return k;
        },
      };
    case 'cal':
      return {
        names: calendarNames(base.calendar),
        write: (ctx, t, _c, out, k) => {
          const K = ctx.layout.calendarWidth;
          out.set(ctx.calendar.subarray(t * K, (t + 1) * K), k);
          return k + K;
        },
      };
    case 'dow':
      return {
        names: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `dow-${d}`),
        write: (ctx, t, _c, out, k) => {
          const weekday = (dateOf(ctx, t, history.bucket).getUTCDay() + 6) % 7;
          for (let d = 0; d < 7; d++) out[k++] = d === weekday ? 1 : 0;
          return k;
        },
      };
    case 'woy':
      return {
        names: ['woy-sin1', 'woy-cos1', 'woy-sin2', 'woy-cos2'],
        write: (ctx, t, _c, out, k) => {
          const date = dateOf(ctx, t, history.bucket);
          const week = Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
          const f = (week * 7 * 86_400_000) / YEAR;
          for (let h = 1; h <= 2; h++) {
            out[k++] = Math.sin(2 * Math.PI * h * f);
            out[k++] = Math.cos(2 * Math.PI * h * f);
          }
          return k;
        },
      };
    case 'month':
      return {
        names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m) => `month-${m}`),
        write: (ctx, t, _c, out, k) => {
          const month = dateOf(ctx, t, history.bucket).getUTCMonth();
          for (let m = 0; m < 12; m++) out[k++] = m === month ? 1 : 0;
          return k;
        },
      };
    case 'parent': {
      if (token.res >= history.res) {
        throw new RangeError(`feature 'parent${token.res}w${token.window}': the parent resolution must be coarser than the panel's (${history.res})`);
      }
      const lists = siblingsAt(history.cells, token.res);
      const w = token.window;
      return {
        names: [`parent${token.res}-sum${w}`],
        write: ({ series }, t, c, out, k) => {
          const C = series.cells;
          const from = Math.max(0, t - w);
          let sum = 0;
          for (let j = lists.offsets[c]; j < lists.offsets[c + 1]; j++)
            sum += series.cumCounts[t * C + lists.index[j]] - series.cumCounts[from * C + lists.index[j]];
          out[k] = Math.log1p(sum);
          return k + 1;
        },
      };
    }
  }
  void unit;
}

/**
 * The feature layout of a built model on `history`, for training targets of periods
 * [first, end): the columns of each token in order (see feature-tokens.ts), computed by the same
 * formulas as the built-in layout (`featureLayout`), so `default` gives the same columns, names
 * and values. Seasonal lags, window lengths and the `cal` terms follow the built-in rules for the
 * bucket and span; `dow`, `woy` and `month` are always written. Every column reads periods
 * before t only (and t's calendar). `rate-offset` adds no column: the cell's shrunk long-run
 * log rate becomes the model's offset. With `saved` (a frozen model's layout), the seasonal lags,
 * windows and calendar are the saved ones instead of this span's.
 * @example builtLayout(parseFeatures('lag1-2'), history, 4, 200).names // → ['lag1', 'lag2']
 */
export function builtLayout(
  tokens: readonly FeatureToken[],
  history: History,
  first: number,
  end: number,
  saved?: Pick<FeatureLayout, 'seasonal' | 'windows' | 'calendar' | 'calendarWidth'>,
): FeatureLayout {
  const unit = history.bucket.unit;
  const fresh = featureLayout(unit, first, end);
  // A saved model's span decided its seasonal lags, windows and calendar: a frozen model keeps them.
  const base = saved
    ? {
        ...fresh,
        seasonal: saved.seasonal,
        windows: saved.windows,
        calendar: saved.calendar,
        calendarWidth: saved.calendarWidth,
      }
    : fresh;
  const blocks = tokens.map((token) => blockOf(token, unit, base, history));
  const names = blocks.flatMap((b) => b.names);
  const hasCal = tokens.some((t) => t.kind === 'cal');
  return {
    lags: [],
    seasonal: base.seasonal,
    windows: base.windows,
    names,
    calendar: hasCal ? base.calendar : NO_CALENDAR,
    calendarWidth: hasCal ? base.calendarWidth : 0,
    write: (ctx, t, c, out, offset) => {
      let k = offset;
      for (const block of blocks) k = block.write(ctx, t, c, out, k);
    },
    ...(tokens.some((t) => t.kind === 'rate-offset') && { offset: (ctx: FeatureContext, t: number, c: number) => cellRate(ctx, t, c) }),
  };
}
