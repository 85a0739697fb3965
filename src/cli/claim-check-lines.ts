import { formatPercent } from '../lib/base/format-number';
import { CLAIM_METRIC_LABELS, CLAIM_VERDICT_LABELS, formatClaimValue, type ClaimCheck, type ClaimInterval, type ClaimMetric } from '../lib/claims';

/**
 * A claim check as the lines `hexcast check-claim` prints: the claim as read, the data it was
 * checked on, a table of baselines, random selection, hindsight ceiling and the claimed value,
 * the verdict with its sentence, each open term with the answer under every choice, and the rule.
 */
export function claimCheckLines(check: ClaimCheck): string[] {
  const { claim, measured, metric } = check;
  const v = (i: ClaimInterval) => formatClaimValue(metric, i.mean);
  const range = (i: ClaimInterval) => (Number.isNaN(i.lo) ? '' : `${formatClaimValue(metric, i.lo)}–${formatClaimValue(metric, i.hi)}`);
  const area =
    check.coverage === null
      ? ''
      : ` at ${formatPercent(check.coverage, 2)} of the area${measured.coverageStated ? '' : ' (assumed: the claim states no area)'}`;
  const lines = [
    `Claim: "${claim.text}"`,
    `Read as: ${claim.kind}; ${CLAIM_METRIC_LABELS[metric]}${area}${measured.metricStated ? '' : ' (the claim names no metric: see below)'}; claimed value ${claim.value === null ? 'none' : `${claim.bound === 'about' ? '' : `${claim.bound} `}${formatClaimValue(metric, claim.value)}`}`,
    `Checked on: ${measured.incidents.toLocaleString('en-US')} incidents in the test periods, ${measured.regionCells.toLocaleString('en-US')} region cells (H3 res ${measured.res}), ${measured.bucket} periods, ${measured.folds} folds`,
    '',
  ];
  const rows: [string, string, string][] = [
    ...check.baselines.map((b): [string, string, string] => [`${b.name}${b.name === check.best ? '  (best)' : ''}`, v(b.value), range(b.value)]),
    ['random selection of the same area', v(check.random), range(check.random)],
    ...(check.flagNothing ? [['flagging nothing', v(check.flagNothing), range(check.flagNothing)] as [string, string, string]] : []),
    ['hindsight ceiling', v(check.ceiling), range(check.ceiling)],
    ['claimed', claim.value === null ? '–' : formatClaimValue(metric, claim.value), ''],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(6, ...rows.map((r) => r[1].length));
  lines.push(`  ${''.padEnd(w0)}  ${'mean'.padStart(w1)}  95 % interval`);
  for (const [name, mean, interval] of rows) lines.push(`  ${name.padEnd(w0)}  ${mean.padStart(w1)}  ${interval}`.trimEnd());
  lines.push(
    '',
    `Verdict: ${CLAIM_VERDICT_LABELS[check.conclusion.kind]}${check.conclusion.needs.length > 0 ? ` — needs ${check.conclusion.needs.join(', ')}` : ''}`,
    `  ${check.conclusion.sentence}`,
    '',
  );
  lines.push('Left open by the claim:');
  for (const t of check.undefined) {
    const spread = t.range
      ? ` best baseline ${formatClaimValue(metricOf(t.choices[0]?.answer.metric, metric), t.range.lo)} to ${formatClaimValue(metricOf(t.choices[0]?.answer.metric, metric), t.range.hi)}`
      : '';
    lines.push(`  ${t.question}${t.term === 'metric' ? '' : spread}${t.changesVerdict ? ' — changes the verdict' : ''}`);
    if (t.note) lines.push(`    ${t.note}`);
    for (const { label, answer } of t.choices) {
      const best = answer.baselines.find((b) => b.name === answer.best);
      const m = answer.metric;
      lines.push(
        `    ${label.padEnd(10)} ${best ? `${best.name} ${formatClaimValue(m, best.value.mean)}` : '–'}, random ${formatClaimValue(m, answer.random.mean)}, ceiling ${formatClaimValue(m, answer.ceiling.mean)}${answer.flagNothing ? `, flagging nothing ${formatClaimValue(m, answer.flagNothing.mean)}` : ''}${answer.verdict ? ` → ${CLAIM_VERDICT_LABELS[answer.verdict]}` : ''}`,
      );
    }
  }
  lines.push('', `Rule: ${check.rule}`);
  return lines;
}

function metricOf(m: ClaimMetric | undefined, fallback: ClaimMetric): ClaimMetric {
  return m ?? fallback;
}
