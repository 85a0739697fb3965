import { resolveParams, type ModelDefinition } from '../model-definition';
import { SEPP_DEFAULTS, seppForecaster } from './sepp-forecaster';

export { seppForecaster, SEPP_DEFAULTS, type SeppForecaster, type SeppOptions } from './sepp-forecaster';
export { fitSepp, type SeppFit, type EmIteration } from './fit-sepp';
export type { SeppParameters } from './sepp-parameters';

/**
 * The grid self-exciting point process (Mohler et al. 2015, "Randomized controlled field
 * trials of predictive policing", JASA 110:1399 — the model behind PredPol), on the panel's
 * periods and fitted by EM. As implemented, for cell c and period p:
 *
 *   λ_c(p) = μ_c + θ S_c(p),   S_c(p) = Σ_{q<p} y_c(q) g(p − q),   g(k) = e^{−ω(k−1)} (1 − e^{−ω}),
 *
 * y_c(p) ~ Poisson(λ_c(p)) given the past; Σ_k g(k) = 1, so θ is the branching ratio and
 * 1 / (1 − e^{−ω}) the mean lag in periods (`triggerKernel` explains the discretisation of
 * Mohler's θ ω e^{−ωt}). Triggering stays within a cell, as in the 2015 grid model.
 *
 * Fit (`fitSepp`): E-step `eStep` (branching probabilities summed by exact recursions, no lag
 * truncated), M-step `mStep`: μ_c = (B_c + κ m̄) / (P + κ), θ = T / D(ω) with D(ω) the kernel
 * mass inside the window (edge correction, `offspringInWindow`), ω maximising the profile
 * Q(θ(ω), ω) (the mean triggered lag K / T when no mass is cut off); SQUAREM-accelerated,
 * stopping on relative change < tolerance of ℓ + log-prior.
 *
 * Background shrinkage κ (default 1 pseudo-period toward m̄ = N / (P C), the mean count per
 * cell and period; a Gamma(κ m̄ + 1, κ) prior, MAP): Mohler 2015 estimates each μ_c by maximum
 * likelihood (κ = 0), which gives μ_c = 0 — a forecast of exactly 0 for ever — in cells without
 * training events, an infinite log score if one occurs, and ties at the bottom of the hotspot
 * ranking. One pseudo-period keeps every rate positive while moving a cell with data by only
 * (m̄ − ȳ_c) / (P + 1). A spatially smoothed background (Mohler 2011's kernel density) would add
 * a bandwidth to tune and is what the KDE baselines already offer, so it is not used here.
 *
 * Forecast (`seppForecast`): expected counts propagated step by step from the excitation at the
 * cutoff; `update` recomputes the excitation only.
 * @example createModel({ id: 'sepp', params: { shrinkage: 0 } }, [SEPP], context).name // → 'sepp(shrinkage=0)'
 */
export const SEPP: ModelDefinition = {
  id: 'sepp',
  label: 'Self-exciting point process (grid ETAS)',
  kind: 'learned',
  summary: 'Per-cell background rate plus exponentially decaying excitation by recent counts, fitted by EM (the PredPol model).',
  params: [
    {
      name: 'maxIterations',
      label: 'Max. EM iterations',
      type: 'integer',
      default: SEPP_DEFAULTS.maxIterations,
      min: 1,
      max: 10_000,
      doc: 'Most EM iterations (each a SQUAREM cycle of 3 E-steps when accelerated) before the fit stops.',
    },
    {
      name: 'tolerance',
      label: 'Tolerance',
      type: 'number',
      default: SEPP_DEFAULTS.tolerance,
      min: 0,
      max: 0.01,
      doc: 'The fit stops when the log-likelihood changes by less than this fraction between iterations (unitless).',
    },
    {
      name: 'shrinkage',
      label: 'Background shrinkage',
      type: 'number',
      default: SEPP_DEFAULTS.shrinkage,
      min: 0,
      max: 10_000,
      doc: 'Pull of each cell’s background rate toward the mean count per cell-period, in pseudo-periods (0: maximum likelihood).',
    },
    {
      name: 'accelerate',
      label: 'SQUAREM acceleration',
      type: 'boolean',
      default: SEPP_DEFAULTS.accelerate,
      doc: 'Accelerate EM by squared extrapolation (same optimum, typically 10–20× fewer iterations); off runs plain EM.',
    },
  ],
  create(params) {
    const p = resolveParams(SEPP, params);
    return seppForecaster({
      maxIterations: p.maxIterations as number,
      tolerance: p.tolerance as number,
      shrinkage: p.shrinkage as number,
      accelerate: p.accelerate as boolean,
    });
  },
};
