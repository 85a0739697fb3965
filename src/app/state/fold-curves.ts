import type { FitProgress, TrainingEpoch } from '../../lib/forecast/forecaster';

/** A learned model's training curve in the fold being fitted. */
export interface LossCurve {
  readonly model: string;
  readonly fold: number;
  /** What is being fitted: 'epoch', or a stage such as the GLM warm start. */
  readonly stage: string;
  readonly epochs: readonly TrainingEpoch[];
  /** The validation (else training) curves of the model's earlier folds in this run, oldest first. */
  readonly earlier: readonly { readonly fold: number; readonly epochs: readonly TrainingEpoch[] }[];
}

/** One model's training curves so far: each fitted fold's latest stage and its points. */
export type FoldCurves = ReadonlyMap<number, { readonly stage: string; readonly epochs: readonly TrainingEpoch[] }>;

/** A model's curves before its first fit step. */
export const NO_CURVES: FoldCurves = new Map();

/**
 * `curves` with the point of a fit step added to fold `fold` (a step that reports no loss adds
 * nothing). A new stage of a fold (the GLM's warm start, then its iterations) starts that fold's
 * curve afresh; a step at or before the last one (a fit that starts again) drops the points from
 * it on. Folds are kept apart, so reports of different folds may arrive interleaved, as they do
 * from a run spread over workers.
 * @example withFitPoint(new Map(), 0, { stage: 'iteration', step: 1, loss: 2, elapsedMs: 0 }).get(0) // → { stage: 'iteration', epochs: [{ epoch: 1, loss: 2 }] }
 */
export function withFitPoint(curves: FoldCurves, fold: number, fit: FitProgress): FoldCurves {
  if (fit.loss === undefined || fit.step === undefined) return curves;
  const previous = curves.get(fold);
  const kept = previous && previous.stage === fit.stage ? previous.epochs.filter((e) => e.epoch < fit.step!) : [];
  const epoch: TrainingEpoch = { epoch: fit.step, loss: fit.loss, ...(fit.valLoss !== undefined && { valLoss: fit.valLoss }) };
  return new Map(curves).set(fold, { stage: fit.stage, epochs: [...kept, epoch] });
}

/**
 * The chart of a model's curves: its latest fold (the highest fitted so far) as the live curve,
 * and the others, in fold order, as its earlier folds. A run in one piece fits the folds in
 * order, so this is the fold being fitted; a spread run fits several at once, and ends with the
 * same picture. Undefined while no fold has a point.
 * @example lossCurveOf('glm', new Map([[2, b], [0, a]])) // → { model: 'glm', fold: 2, …b, earlier: [{ fold: 0, epochs: a.epochs }] }
 */
export function lossCurveOf(model: string, curves: FoldCurves): LossCurve | undefined {
  const folds = [...curves.keys()].sort((a, b) => a - b);
  const last = folds.at(-1);
  if (last === undefined) return undefined;
  const { stage, epochs } = curves.get(last)!;
  const earlier = folds.slice(0, -1).map((fold) => ({ fold, epochs: curves.get(fold)!.epochs }));
  return { model, fold: last, stage, epochs, earlier };
}
