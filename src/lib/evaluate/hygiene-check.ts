/** Fewest folds behind an interval that the checklist accepts (the report gives none below it). */
export const HYGIENE_MIN_FOLDS = 5;

/** The items of the checklist, in the order every rendering shows them. */
export const HYGIENE_ITEMS = {
  'every-cell-scored': 'Every study-region cell scored, zeros included',
  'tuning-on-validation': 'Tuning on validation periods only',
  'cutoffs-fixed': 'Cutoffs and horizon fixed before scoring',
  'region-before-cutoff': 'Study region from pre-cutoff data or a declared boundary',
  'data-fingerprint': 'Data fingerprint (SHA-256 of the inputs)',
  'enough-folds': `Intervals from at least ${HYGIENE_MIN_FOLDS} folds`,
} as const;

export type HygieneId = keyof typeof HYGIENE_ITEMS;

/** One checked item: whether the run passes it, and the evidence or the reason it fails. */
export interface HygieneCheck {
  readonly id: HygieneId;
  readonly label: string;
  readonly ok: boolean;
  /** What the code found: the evidence for a pass, the reason for a failure (with an example). */
  readonly reason: string;
}
