import { checkClaim, parseClaim, type ClaimCheck } from '../claims';
import type { BinSettings } from '../pipeline/bin';
import { binningVariants, runBinningVariants } from '../pipeline/binning-variants';
import type { Loaded, Opened } from '../pipeline/load';
import { readBoundary, type BoundaryInput } from '../pipeline/region';
import type { BinnedPanel } from '../pipeline/bin';
import type { BoundedPanel } from '../pipeline/region';
import { runBacktest, type RunHooks, type RunOutcome, type RunRequest } from '../pipeline/run';

/** What a claim check needs from the session: the last run and how it was made. */
export interface ClaimContext {
  /**
   * The last run when it held built-in models only; null when it also scored external forecasts
   * (its folds are then those the files cover and the files are no baselines): the check re-runs
   * `request` on `binned` first.
   */
  readonly outcome: RunOutcome | null;
  /** The panel the run was made on. */
  readonly binned: BinnedPanel & { readonly bounded: BoundedPanel };
  readonly opened: Opened;
  readonly loaded: Loaded;
  /** The binning of the run (null for a pre-binned panel, which cannot be re-binned). */
  readonly settings: BinSettings | null;
  readonly boundary: BoundaryInput | null;
  readonly request: RunRequest;
}

/** A claim check as the worker answers it: the check, and the variants that could not run. */
export interface ClaimCheckResult {
  readonly check: ClaimCheck;
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
}

/**
 * Checks a claim on the last run, as `hexcast check-claim` does: parses it (an InputError listing
 * the forms when it matches none), re-runs the built-in models alone when the run scored external
 * forecasts (they are not baselines, and they narrowed the folds), re-runs the same models and protocol at the other period
 * lengths and cell sizes asked for in `vary` (not for a pre-binned panel), and answers with
 * `checkClaim`'s result.
 */
export async function checkClaimRequest(
  text: string,
  vary: readonly ('period' | 'cells')[],
  context: ClaimContext,
  hooks: RunHooks,
): Promise<ClaimCheckResult> {
  const claim = parseClaim(text);
  const outcome = context.outcome ?? (await runBacktest(context.binned, context.binned.bounded, context.request, hooks));
  let runs: Awaited<ReturnType<typeof runBinningVariants>> = { runs: [], skipped: [] };
  if (context.settings && vary.length > 0 && context.loaded.kind === 'incidents') {
    const boundaryAt = async (res: number) => (context.boundary ? readBoundary(context.boundary, res) : undefined);
    const settings = { ...context.settings, res: outcome.panel.res, unit: outcome.panel.bucket.unit };
    runs = await runBinningVariants(context.opened, context.loaded, binningVariants(settings, vary), boundaryAt, context.request, hooks);
  }
  return { check: checkClaim(claim, outcome, { seed: context.request.protocol.seed, variants: runs.runs }), skipped: runs.skipped };
}
