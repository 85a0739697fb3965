import type { ClaimCheck } from './check-claim';

/**
 * A claim check as the plain data `hexcast check-claim --json` prints and the app downloads:
 * `claim` (the text and its parsed metric, coverage, value and bound), `measured` (the terms the
 * answer is computed under), `baselines` (name, value {mean, lo, hi}), `best`, `random`,
 * `ceiling`, `flagNothing` (accuracy only), `verdict` (kind, sentence, needs), `rule`, and
 * `undefined`: each open term with its question, the range of the best baseline over its
 * choices, whether a choice changes the verdict, and per choice the best baseline, random,
 * ceiling and verdict. Undefined numbers (NaN) become null.
 * @example JSON.parse(JSON.stringify(claimCheckJson(check))).verdict.kind // → 'impossible'
 */
export function claimCheckJson(check: ClaimCheck): unknown {
  const { claim } = check;
  return {
    claim: { text: claim.text, kind: claim.kind, metric: claim.metric, coverage: claim.coverage, value: claim.value, bound: claim.bound },
    measured: { metric: check.metric, coverage: check.coverage, ...check.measured },
    baselines: check.baselines,
    best: check.best,
    random: check.random,
    ceiling: check.ceiling,
    ...(check.flagNothing && { flagNothing: check.flagNothing }),
    verdict: check.conclusion,
    rule: check.rule,
    undefined: check.undefined.map((t) => ({
      term: t.term,
      question: t.question,
      range: t.range,
      changesVerdict: t.changesVerdict,
      ...(t.note && { note: t.note }),
      choices: t.choices.map(({ label, answer }) => ({
        label,
        metric: answer.metric,
        coverage: answer.coverage,
        best: { name: answer.best, value: answer.baselines.find((b) => b.name === answer.best)?.value ?? null },
        random: answer.random,
        ceiling: answer.ceiling,
        verdict: answer.verdict,
      })),
    })),
  };
}
