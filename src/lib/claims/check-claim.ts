import { foldInterval } from '../evaluate/uncertainty';
import type { Claim, ClaimMetric } from './claim';
import { claimFoldValues, type ClaimSelector } from './claim-fold-values';
import type { ClaimAnswer, ClaimInterval, OpenTerm } from './claim-answer';
import type { ClaimRun, ClaimVariant } from './claim-run';
import { claimSentence } from './claim-sentence';
import { claimVerdict, CLAIM_VERDICT_RULE, type ClaimVerdictKind } from './claim-verdict';

/** A claim checked on a run. */
export interface ClaimCheck extends ClaimAnswer {
  readonly claim: Claim;
  /** The terms the answer was computed under, and whether the claim stated them. */
  readonly measured: {
    readonly metricStated: boolean;
    readonly coverageStated: boolean;
    readonly res: number;
    readonly bucket: string;
    readonly folds: number;
    readonly horizon: number;
    readonly regionCells: number;
    readonly incidents: number;
  };
  readonly verdict: Exclude<ClaimVerdictKind, 'undefined'> | null;
  /** The overall verdict in words, with what it needs when undefined. */
  readonly conclusion: { readonly kind: ClaimVerdictKind; readonly sentence: string; readonly needs: readonly string[] };
  readonly rule: string;
  readonly undefined: readonly OpenTerm[];
}

/** Options of `checkClaim`. */
export interface CheckClaimOptions {
  /** Seed of the fold intervals (default 42). */
  readonly seed?: number;
  /** Runs at other period lengths or cell sizes, for those open terms. */
  readonly variants?: readonly ClaimVariant[];
  /** The area assumed when the claim states none (default 0.05). */
  readonly assumedCoverage?: number;
  /** The areas tried when the claim states none (default 1 %, 5 %, 10 %). */
  readonly areaChoices?: readonly number[];
}

/** The readings of "accuracy", in the order they are reported. */
const ACCURACY_READINGS: readonly ClaimMetric[] = ['hitRate', 'precision', 'accuracy', 'auc'];

/**
 * Checks a claim on a backtest, under the claim's own terms: the value every baseline achieves
 * on the claim's metric and area (mean over folds with a 95 % block-bootstrap interval), random
 * selection of the same area, the hindsight ceiling (the most any selection of that area could
 * have achieved in each period), the verdict by `CLAIM_VERDICT_RULE`, and every term the claim
 * leaves open — the metric ("accurate" read as hit rate, precision, classification accuracy or
 * AUC), the area (1, 5, 10 % when unstated), period length and cell size (from `variants`), the
 * incidents counted — with the answer under each choice. A claim without a metric is answered on
 * classification accuracy (the literal reading of "accurate"), one without a figure on hit rate,
 * and one without an area at `assumedCoverage`; the claim's verdict is then undefined if the
 * choice changes it.
 * @example checkClaim(parseClaim('captures 40 % of incidents in 3 % of the area'), run).conclusion.kind // → 'impossible' on sparse data
 */
export function checkClaim(claim: Claim, run: ClaimRun, options: CheckClaimOptions = {}): ClaimCheck {
  const { seed = 42, variants = [], assumedCoverage = 0.05, areaChoices = [0.01, 0.05, 0.1] } = options;
  const metric: ClaimMetric = claim.metric ?? (claim.kind === 'accuracy' ? 'accuracy' : 'hitRate');
  const coverage = claim.coverage ?? assumedCoverage;
  const answer = (r: ClaimRun, m: ClaimMetric, c: number) => answerOf(r, m, c, claim.value, seed);
  const primary = answer(run, metric, coverage);
  const open: OpenTerm[] = [];
  const term = (t: OpenTerm['term'], question: string, choices: OpenTerm['choices'], note?: string): OpenTerm => {
    const means = choices.map((c) => bestOf(c.answer).mean).filter((v) => v === v);
    return {
      term: t,
      question,
      choices,
      range: means.length > 0 ? { lo: Math.min(...means), hi: Math.max(...means) } : null,
      changesVerdict: primary.verdict !== null && choices.some((c) => c.answer.verdict !== primary.verdict),
      ...(note && { note }),
    };
  };
  if (claim.value === null) open.push(term('value', 'What figure is claimed?', [], 'The claim states no figure: there is nothing to check until it does.'));
  if (claim.metric === null) {
    const choices = ACCURACY_READINGS.map((m) => ({ label: m, answer: answer(run, m, coverage) }));
    open.push(term('metric', claim.kind === 'accuracy' ? '"Accurate" by which measure?' : 'Measured how?', choices));
  }
  if (claim.coverage === null && metric !== 'auc') {
    const choices = areaChoices.map((c) => ({ label: `${+(c * 100).toFixed(2)} %`, answer: answer(run, metric, c) }));
    open.push(term('area', 'Which share of the area is flagged?', choices));
  }
  for (const t of ['period', 'cells'] as const) {
    const own = t === 'period' ? run.panel.bucket.unit : `H3 res ${run.panel.res}`;
    const others = variants.filter((v) => v.term === t);
    if (others.length === 0) continue;
    const choices = [{ label: own, answer: primary }, ...others.map((v) => ({ label: v.label, answer: answer(v.run, metric, coverage) }))];
    open.push(term(t, t === 'period' ? 'Over which period length?' : 'Over which cells?', choices));
  }
  const incidents = totalIncidents(run);
  open.push(
    term(
      'incidents',
      'Which incidents count?',
      [],
      `All ${incidents.toLocaleString('en-US')} incidents of the loaded categories in the test periods; a claim about one offence type needs that filter.`,
    ),
  );

  // Every open term whose choice changes the verdict makes it undefined: a convention (the period length, the cell size) must not decide it.
  const textTerms = open.filter((t) => t.term !== 'incidents' && t.changesVerdict);
  let kind: ClaimVerdictKind = primary.verdict ?? 'undefined';
  let needs: string[] = [];
  if (claim.value === null) {
    kind = 'undefined';
    needs = ['a figure', 'the metric it is on', 'the share of the area flagged', 'the period length', 'the cell size', 'the incidents counted'];
  } else if (textTerms.length > 0) {
    kind = 'undefined';
    const NEEDS = {
      metric: 'the metric "accurate" refers to',
      area: 'the share of the area flagged',
      period: 'the period length',
      cells: 'the cell size',
    } as const;
    needs = textTerms.map((t) => NEEDS[t.term as keyof typeof NEEDS]);
  }
  const measured = {
    metricStated: claim.metric !== null,
    coverageStated: claim.coverage !== null,
    res: run.panel.res,
    bucket: run.panel.bucket.unit,
    folds: run.forecasts.cutoffs.length,
    horizon: run.forecasts.horizon,
    regionCells: run.region.cells,
    incidents,
  };
  const sentence = claimSentence({ claim, answer: primary, kind, needs, open, bucket: measured.bucket });
  return { ...primary, claim, measured, conclusion: { kind, sentence, needs }, rule: CLAIM_VERDICT_RULE, undefined: open };
}

/** The answer for one metric and area on one run. */
function answerOf(run: ClaimRun, metric: ClaimMetric, coverage: number, value: number | null, seed: number): ClaimAnswer {
  const interval = (who: ClaimSelector, c = coverage): ClaimInterval => {
    const { mean, lo, hi } = foldInterval(claimFoldValues(run, metric, c, who), { seed });
    return { mean, lo, hi };
  };
  const baselines = run.forecasts.models.map((m, i) => ({ name: m.name, value: interval(i) }));
  const best = bestOf({ baselines });
  const ceiling = interval('hindsight');
  return {
    metric,
    coverage: metric === 'auc' ? null : coverage,
    baselines,
    best: best.name,
    random: interval('random'),
    ceiling,
    ...(metric === 'accuracy' && { flagNothing: interval('random', 0) }),
    verdict: value === null ? null : claimVerdict(value, best, ceiling),
  };
}

/** The baseline with the highest mean (NaN lowest, ties to the first) and its interval. */
function bestOf(answer: Pick<ClaimAnswer, 'baselines'>): ClaimInterval & { name: string } {
  let best = { name: '', mean: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  for (const b of answer.baselines) if (Number.isNaN(best.mean) || b.value.mean > best.mean) best = { name: b.name, ...b.value };
  return best;
}

/** Incidents in every fold's test periods (all cells). */
function totalIncidents(run: ClaimRun): number {
  const C = run.panel.cells.length;
  let total = 0;
  for (const cutoff of run.forecasts.cutoffs) {
    const y = run.panel.counts.subarray(cutoff * C, (cutoff + run.forecasts.horizon) * C);
    for (let i = 0; i < y.length; i++) total += y[i];
  }
  return total;
}
