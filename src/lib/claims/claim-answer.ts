import type { ClaimMetric } from './claim';
import type { ClaimVerdictKind } from './claim-verdict';

// The parts of a claim check's answer, shared by `checkClaim` and the sentences that describe it.

/** A mean over folds with its 95 % block-bootstrap interval (`foldInterval`). */
export interface ClaimInterval {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** The answer under one set of terms: what every baseline, random selection and hindsight achieve. */
export interface ClaimAnswer {
  readonly metric: ClaimMetric;
  /** The share of the area flagged (null for AUC, which needs none). */
  readonly coverage: number | null;
  readonly baselines: readonly { readonly name: string; readonly value: ClaimInterval }[];
  /** The baseline with the highest mean (ties to the first listed). */
  readonly best: string;
  /** Flagging the same area at random (a constant forecast under the shared-tie rule). */
  readonly random: ClaimInterval;
  /** The hindsight ceiling: the best any selection of that area could have done in each period. */
  readonly ceiling: ClaimInterval;
  /** For accuracy: the score of flagging nothing at all. */
  readonly flagNothing?: ClaimInterval;
  /** The claim's verdict under these terms; null when the claim states no value. */
  readonly verdict: Exclude<ClaimVerdictKind, 'undefined'> | null;
}

/** A term the claim leaves open, with the answer under each choice and how far they spread. */
export interface OpenTerm {
  readonly term: 'value' | 'metric' | 'area' | 'period' | 'cells' | 'incidents';
  readonly question: string;
  readonly choices: readonly { readonly label: string; readonly answer: ClaimAnswer }[];
  /** The lowest and highest mean of the best baseline over the choices (null without choices). */
  readonly range: { readonly lo: number; readonly hi: number } | null;
  /** True when some choice gives another verdict than the one reported. */
  readonly changesVerdict: boolean;
  readonly note?: string;
}
