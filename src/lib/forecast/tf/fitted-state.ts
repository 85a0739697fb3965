import type { BucketSpec } from '../../grid/time-bucket';
import type { Forecaster } from '../forecaster';
import type { ParamValue } from '../model-definition';
import type { FeatureLayout } from './features';
import type { InputSpec, Scalers } from './inputs';

/** The training span a fit saw: first and last period start (epoch ms), the cutoff, periods and cells. */
export interface TrainingSpan {
  readonly first: number;
  readonly last: number;
  /** The end of the last training period (the cutoff of the fit). */
  readonly end: number;
  readonly periods: number;
  readonly cells: number;
}

/**
 * Everything a fitted learned model is, as numbers and typed arrays (no tensors): enough to
 * forecast any later history without refitting. `saved-model.ts` writes it as one file.
 */
export interface FittedState {
  /** The model's definition id and resolved parameters ('poisson-glm', { iterations: 25, … }). */
  readonly model: { readonly id: string; readonly params: Readonly<Record<string, ParamValue>>; readonly name: string };
  /** The panel it was fitted on: H3 resolution and time bucket. */
  readonly res: number;
  readonly bucket: BucketSpec;
  readonly input: InputSpec;
  readonly layout: FeatureLayout;
  /** Empirical-Bayes prior strength (periods) of the `cell-rate` feature. */
  readonly prior: number;
  readonly scalers: Scalers;
  /** Network sizes, cells aside (the weights are shared by all cells). */
  readonly dims: { readonly features: number; readonly window: number; readonly channels: number; readonly hidden: number };
  /** The network's variables in order, with their shapes. */
  readonly weights: readonly { readonly shape: readonly number[]; readonly values: Float32Array }[];
  readonly trainedOn: TrainingSpan;
}

/**
 * A learned forecaster that can hand out its fitted state and be frozen to one: after
 * `freeze(state)`, `fit(history)` estimates nothing — it rebuilds the saved network for the
 * history's cells and computes its inputs from the history with the saved feature layout,
 * scalers and prior — so forecasts on later data come from the weights fitted once.
 */
export interface FreezableForecaster extends Forecaster {
  /** The state of the last fit (model id and params filled in by the caller); undefined before a fit. */
  fittedState(): Omit<FittedState, 'model' | 'res' | 'bucket'> | undefined;
  freeze(state: FittedState): void;
}

/**
 * True for a forecaster that can save and be frozen (the tfjs models).
 * @example isFreezable(POISSON_GLM.create(params, context)) // → true
 */
export function isFreezable(model: Forecaster): model is FreezableForecaster {
  return typeof (model as Partial<FreezableForecaster>).fittedState === 'function' && typeof (model as Partial<FreezableForecaster>).freeze === 'function';
}
