import { formatPercent, formatSkill } from '../base/format-number';
import { COUNT_METRICS, HOTSPOT_METRICS, METRICS, coverageKey, type MetricId } from './metric-catalogue';
import type { Comparison, ModelSummary } from './summarise-scores';

/** The plain-language reading of a report. */
export interface Verdict {
  /** One sentence on the whole comparison. */
  readonly headline: string;
  /** One sentence per model that is not simply the best baseline everywhere. */
  readonly models: readonly { readonly name: string; readonly text: string; readonly better: number; readonly worse: number; readonly same: number }[];
  /** Caveats that hold for this report (e.g. multiple comparisons). */
  readonly caveats: readonly string[];
}

/** A metric at a coverage, labelled for people: 'PAI at 5 %'. */
export function metricLabel(id: MetricId, coverage?: number): string {
  const label = METRICS[id].label;
  return coverage === undefined ? label : `${label} at ${formatPercent(coverage, 2)}`;
}

/**
 * Reads the comparisons of every model with the best baseline and says, in plain words,
 * which differences are larger than their 95 % fold interval. The headline gives both sides
 * of every winner in one sentence — better on which metrics, worse on which — and says "no model
 * beats the best baseline by more than its interval" (naming learned models that are worse) when
 * that is so.
 */
export function verdictOf(models: readonly ModelSummary[], coverage: readonly number[]): Verdict {
  const entries = models.map((model) => {
    const better: string[] = [];
    const worse: string[] = [];
    let same = 0;
    let isBest = 0;
    let noInterval = 0;
    const visit = (label: string, comparison: Comparison): void => {
      if (comparison.verdict === 'better') better.push(`${label} (${formatSkill(comparison.skill)})`);
      else if (comparison.verdict === 'worse') worse.push(`${label} (${formatSkill(comparison.skill)})`);
      else if (comparison.verdict === 'is-baseline') isBest++;
      else if (comparison.verdict === 'undefined') noInterval++;
      else same++;
    };
    for (const id of COUNT_METRICS) visit(metricLabel(id), model.comparisons[id]);
    for (const id of HOTSPOT_METRICS) for (const c of coverage) visit(metricLabel(id, c), model.comparisons[id][coverageKey(c)]);
    return { model, better, worse, same, isBest, noInterval };
  });
  const lines = entries
    .filter((e) => e.better.length + e.worse.length + e.same + e.noInterval > 0)
    .map(({ model, better, worse, same, isBest, noInterval }) => {
      const compared = better.length + worse.length + same;
      const parts: string[] = [];
      if (better.length) parts.push(`better than the best baseline on ${listSome(better, 6)}`);
      if (compared > 0 && worse.length === compared && !isBest) parts.push('worse than the best baseline on every metric');
      else if (worse.length) parts.push(`worse on ${listSome(worse, 4)}`);
      if (same) parts.push(`no difference beyond the interval on ${same} metric${same === 1 ? '' : 's'}`);
      if (noInterval) parts.push(`no interval, so no verdict, on ${noInterval} metric${noInterval === 1 ? '' : 's'}`);
      if (isBest) parts.push(`itself the best baseline on ${isBest}`);
      return { name: model.name, text: `${model.name}: ${parts.join('; ')}.`, better: better.length, worse: worse.length, same };
    });
  const winners = entries.filter((e) => e.better.length > 0);
  const judged = entries.reduce((n, e) => n + e.better.length + e.worse.length + e.same, 0);
  const learned = models.filter((m) => m.kind === 'learned');
  let headline: string;
  if (models.length > 0 && !models.some((m) => m.kind === 'baseline')) {
    headline = 'No baseline was run, so there is nothing to compare with: add at least one (the historic or shrunk average is the one to beat).';
  } else if (judged === 0 && entries.some((e) => e.noInterval > 0)) {
    headline = 'Too few folds for intervals: no difference from the best baseline can be told apart from chance. Run at least 5 folds.';
  } else if (winners.length === 0) {
    const worse = entries.filter((e) => e.model.kind === 'learned' && e.worse.length > 0).map((e) => e.model.name);
    headline =
      learned.length > 0
        ? `No model beats the best baseline by more than its interval on any metric${worse.length ? `; ${listAnd(worse, 3)} ${worse.length === 1 ? 'is' : 'are'} worse beyond it on at least one (see below)` : ''}.`
        : 'Only baselines were compared; no model beats the best baseline by more than its interval on any metric.';
  } else {
    headline = winnersHeadline(winners);
  }
  const caveats: string[] = [];
  const tests = entries.reduce((n, e) => n + e.better.length + e.worse.length + e.same, 0);
  if (tests >= 10) {
    caveats.push(`${tests} comparisons were made at 95 %: about ${Math.max(1, Math.round(tests * 0.05))} could cross their interval by chance alone.`);
  }
  return { headline, models: lines, caveats };
}

/**
 * Both sides of every winner in one sentence: the metrics on which it is better than the best
 * baseline beyond the 95 % fold interval, and those on which it is worse beyond it (so a +0.7 %
 * deviance gain is never announced alone when MAE and MASE got worse). Three winners at most by
 * name; the rest are counted.
 * @example winnersHeadline([{ model: mlp, better: ['Poisson deviance (+0.7 %)'], worse: ['MAE (−3.1 %)', 'MASE (−2.0 %)'] }])
 *   // → 'Beyond the 95 % fold interval, mlp is better than the best baseline on Poisson deviance (+0.7 %) but worse on MAE (−3.1 %) and MASE (−2.0 %).'
 */
function winnersHeadline(winners: readonly { model: ModelSummary; better: readonly string[]; worse: readonly string[] }[]): string {
  const shown = winners.slice(0, 3).map(({ model, better, worse }) => {
    const against = `${model.name} is better than the best baseline on ${listAnd(better, 3)}`;
    return worse.length ? `${against} but worse on ${listAnd(worse, 3)}` : `${against}, and worse on none`;
  });
  const rest = winners.length - shown.length;
  const more = rest > 0 ? `; ${rest} more model${rest === 1 ? ' is' : 's are'} better on at least one metric (see below)` : '';
  return `Beyond the 95 % fold interval, ${shown.join('; ')}${more}.`;
}

/**
 * Items as prose: 'a', 'a and b', 'a, b and c'; past `max`, the first `max` and 'N more'.
 * @example listAnd(['MAE', 'MASE', 'RMSE', 'Brier'], 2) // → 'MAE, MASE and 2 more'
 */
function listAnd(items: readonly string[], max: number): string {
  const head = items.length <= max ? items.slice(0, -1) : items.slice(0, max);
  const tail = items.length <= max ? items[items.length - 1] : `${items.length - max} more`;
  return head.length ? `${head.join(', ')} and ${tail}` : tail;
}

/** The first `max` items joined with commas, then 'and N more'. */
function listSome(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
