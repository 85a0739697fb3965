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
 * which differences are larger than their 95 % fold interval. Says "no model beats the best
 * baseline by more than its interval" when that is so.
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
    headline =
      learned.length > 0
        ? 'No model beats the best baseline by more than its interval on any metric.'
        : 'Only baselines were compared; no model beats the best baseline by more than its interval on any metric.';
  } else {
    headline = `${winners.map((e) => e.model.name).join(', ')} ${winners.length === 1 ? 'beats' : 'beat'} the best baseline by more than the interval on at least one metric; see below for which, and by how much.`;
  }
  const caveats: string[] = [];
  const tests = entries.reduce((n, e) => n + e.better.length + e.worse.length + e.same, 0);
  if (tests >= 10) {
    caveats.push(`${tests} comparisons were made at 95 %: about ${Math.max(1, Math.round(tests * 0.05))} could cross their interval by chance alone.`);
  }
  return { headline, models: lines, caveats };
}

/** The first `max` items joined with commas, then 'and N more'. */
function listSome(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
