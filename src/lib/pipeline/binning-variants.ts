import type { BucketUnit } from '../grid/time-bucket';
import { binLoaded, type BinSettings } from './bin';
import type { Loaded, Opened } from './load';
import { applyBoundary, type Boundary } from './region';
import { runBacktest, type RunHooks, type RunOutcome, type RunRequest } from './run';

/** Another binning of the same incidents: a period length or cell size a claim leaves open. */
export interface BinningVariant {
  readonly term: 'period' | 'cells';
  /** 'day', 'month', 'H3 res 7'. */
  readonly label: string;
  readonly settings: BinSettings;
}

/** The period lengths a claim's check tries. */
const PERIODS: readonly BucketUnit[] = ['day', 'week', 'month'];

/**
 * The other binnings worth trying for the terms a claim leaves open: the period lengths day,
 * week and month other than the one chosen, and the H3 resolutions one coarser and one finer.
 * @example binningVariants({ res: 8, unit: 'week', timeZone: null, categories: null }, ['period', 'cells']).map((v) => v.label)
 * // → ['day', 'month', 'H3 res 7', 'H3 res 9']
 */
export function binningVariants(settings: BinSettings, vary: readonly ('period' | 'cells')[]): BinningVariant[] {
  const out: BinningVariant[] = [];
  if (vary.includes('period')) {
    for (const unit of PERIODS) if (unit !== settings.unit) out.push({ term: 'period', label: unit, settings: { ...settings, unit } });
  }
  if (vary.includes('cells')) {
    for (const res of [settings.res - 1, settings.res + 1])
      if (res >= 0 && res <= 15) out.push({ term: 'cells', label: `H3 res ${res}`, settings: { ...settings, res } });
  }
  return out;
}

/** Variant runs, and the variants that could not run with the reason. */
export interface VariantRuns {
  readonly runs: readonly { readonly term: BinningVariant['term']; readonly label: string; readonly run: RunOutcome }[];
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
}

/**
 * Re-bins the loaded incidents for each variant (no re-reading: `binLoaded` on the same load),
 * applies the boundary at the variant's resolution and backtests the same models with the same
 * protocol. A variant that cannot run (too few periods for the folds, no cell, a panel over the
 * limit) is skipped with its reason rather than failing the check; cancellation still stops
 * everything. A panel refused as too large names no coarser grid (`coarserAdvice: 'none'`):
 * changing the run's grid cannot make a variant run.
 */
export async function runBinningVariants(
  opened: Opened,
  loaded: Loaded,
  variants: readonly BinningVariant[],
  boundaryAt: (res: number) => Promise<Boundary | undefined>,
  request: RunRequest,
  hooks: RunHooks,
): Promise<VariantRuns> {
  const runs: VariantRuns['runs'][number][] = [];
  const skipped: VariantRuns['skipped'][number][] = [];
  for (const v of variants) {
    try {
      // The variant's grid is not the user's to change (they chose the run's): a refusal names no coarser grid, only the sizes and the limit.
      const binned = binLoaded(opened, loaded, { ...v.settings, coarserAdvice: 'none' });
      const bounded = applyBoundary(binned.panel, await boundaryAt(v.settings.res));
      runs.push({ term: v.term, label: v.label, run: await runBacktest(binned, bounded, request, hooks) });
    } catch (error) {
      if (hooks.signal?.aborted || (error as Error).name === 'AbortError') throw error;
      skipped.push({ label: v.label, reason: (error as Error).message.split('\n')[0] });
    }
  }
  return { runs, skipped };
}
