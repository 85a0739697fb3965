import { formatNumber, formatPercent } from '../base/format-number';
import { isFractionMetric, type Claim, type ClaimMetric } from './claim';
import type { ClaimAnswer, ClaimInterval, OpenTerm } from './claim-answer';
import { CLAIM_VERDICT_LABELS, type ClaimVerdictKind } from './claim-verdict';

/** Short metric names for sentences. */
const SHORT: Readonly<Record<ClaimMetric, string>> = {
  hitRate: 'hit rate',
  pai: 'PAI',
  precision: 'precision',
  accuracy: 'classification accuracy',
  auc: 'AUC',
  hotspotRatio: "hit rate relative to a KDE hotspot map's",
};

/**
 * A value of a metric as printed: percentages for shares, three significant digits otherwise.
 * @example formatClaimValue('hitRate', 0.123) // → '12.3 %'; formatClaimValue('pai', 4.567) // → '4.57'
 */
export function formatClaimValue(metric: ClaimMetric, value: number): string {
  if (!isFractionMetric(metric)) return metric === 'hotspotRatio' ? `${formatNumber(value)}×` : formatNumber(value);
  return formatPercent(value, Math.abs(value) < 0.1 ? 2 : 1);
}

/**
 * An interval as printed: "12.3 % (95 % interval 10.1–14.2 %)", or the mean alone when there is no interval or no spread.
 * @example formatClaimInterval('pai', { mean: 4, lo: 3.5, hi: 4.5 }) // → '4.00 (95 % interval 3.50–4.50)'
 */
export function formatClaimInterval(metric: ClaimMetric, i: ClaimInterval): string {
  if (Number.isNaN(i.lo) || (i.lo === i.hi && i.lo === i.mean)) return formatClaimValue(metric, i.mean);
  return `${formatClaimValue(metric, i.mean)} (95 % interval ${formatClaimValue(metric, i.lo)}–${formatClaimValue(metric, i.hi)})`;
}

/** What the sentence is made from. */
export interface ClaimSentenceInput {
  readonly claim: Claim;
  readonly answer: ClaimAnswer;
  readonly kind: ClaimVerdictKind;
  readonly needs: readonly string[];
  readonly open: readonly OpenTerm[];
  readonly bucket: string;
}

/**
 * The verdict of a checked claim in plain words: the claimed value, the best baseline and the
 * hindsight ceiling under the claim's terms, what the verdict means, and, when it is undefined,
 * what the claim would need and the verdict under each open choice.
 * @example claimSentence(…) // → 'The claimed 0.5 % is below the best baseline, kde(…), …'
 */
export function claimSentence(input: ClaimSentenceInput): string {
  const { claim, answer, kind, needs, open, bucket } = input;
  const m = answer.metric;
  const best = answer.baselines.find((b) => b.name === answer.best);
  const where = answer.coverage === null ? '' : ` at ${formatPercent(answer.coverage, 2)} of the area`;
  const bestText = best ? `the best baseline, ${best.name}, at ${formatClaimInterval(m, best.value)}` : 'no baseline';
  const ceilingText = `the hindsight ceiling of ${formatClaimInterval(m, answer.ceiling)}`;
  if (claim.value === null) {
    return (
      `The claim states no figure, so it cannot be checked: it would need ${needs.join(', ')}. ` +
      `For reference, on this data (${SHORT[m]}${where}, ${bucket} periods) ${bestText}, and ${ceilingText}, are what such a figure would be measured against.`
    );
  }
  const claimed = `The claimed ${bound(claim)}${formatClaimValue(m, claim.value)} (${SHORT[m]}${where})`;
  let text: string;
  if (kind === 'undefined') {
    const label = (t: OpenTerm, choice: string): string =>
      t.term === 'metric' ? `as ${SHORT[choice as ClaimMetric]}` : t.term === 'area' ? `at ${choice}` : choice;
    const per = open
      .filter((t) => t.term !== 'incidents' && t.changesVerdict)
      .map((t) => t.choices.map((c) => `${label(t, c.label)}: ${c.answer.verdict ? CLAIM_VERDICT_LABELS[c.answer.verdict] : '–'}`).join('; '))
      .join('; ');
    text = `The verdict depends on ${needs.join(' and ')}, which the claim leaves open (${per}).`;
  } else if (kind === 'impossible') {
    text = `${claimed} is above ${ceilingText}: no selection of that area could have done so in these ${bucket} periods, so it is impossible on this data.`;
  } else if (kind === 'beats-baselines') {
    text = `${claimed} would beat ${bestText} by more than its interval while staying under ${ceilingText}: possible, and worth verifying on the vendor's own predictions.`;
  } else if (kind === 'below-baselines') {
    text = `${claimed} is below ${bestText}: a simple baseline does better on this data.`;
  } else {
    text = `${claimed} lies within the interval of ${bestText}: a simple baseline achieves as much on this data.`;
  }
  return text;
}

/** "under " / "over " for a bounded value. */
function bound(claim: Claim): string {
  return claim.bound === 'under' ? 'under ' : claim.bound === 'over' ? 'over ' : '';
}
