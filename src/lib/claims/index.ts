/**
 * The claim checker: read a stated claim about a crime forecast (`parseClaim`) and check it on a
 * backtest under its own terms (`checkClaim`): baselines with intervals, the hindsight ceiling,
 * a verdict by one stated rule, and the terms the claim leaves open with how much they move it.
 */
export { parseClaim } from './parse-claim';
export { checkClaim, type ClaimCheck, type CheckClaimOptions } from './check-claim';
export type { ClaimAnswer, ClaimInterval, OpenTerm } from './claim-answer';
export { CLAIM_FORMS, claimFormLines, type ClaimForm } from './claim-forms';
export { CLAIM_METRIC_LABELS, isFractionMetric, type Claim, type ClaimKind, type ClaimMetric } from './claim';
export { CLAIM_VERDICT_RULE, CLAIM_VERDICT_LABELS, claimVerdict, type ClaimVerdictKind } from './claim-verdict';
export { claimFoldValues, type ClaimSelector } from './claim-fold-values';
export { formatClaimValue, formatClaimInterval } from './claim-sentence';
export type { ClaimRun, ClaimVariant } from './claim-run';
export { claimCheckJson } from './claim-check-json';
export { CLAIM_EXAMPLES, type ClaimExample } from './claim-examples';
