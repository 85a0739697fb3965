import type { CellEvents } from './cell-events';
import type { EStepResult } from './e-step';
import { offspringInWindow } from './offspring-in-window';
import type { SeppParameters } from './sepp-parameters';

/** Settings of the M-step that stay fixed through a fit. */
export interface MStepOptions {
  /** κ ≥ 0: strength of the pull of each μ_c toward `target`, in pseudo-periods. */
  readonly shrinkage: number;
  /** The shrinkage target m̄ (events per cell and period), fixed before the fit. */
  readonly target: number;
  /** Upper bound of θ (< 1). */
  readonly maxTheta: number;
  /** Bounds of ω (per period), 0 < min < max. */
  readonly minOmega: number;
  readonly maxOmega: number;
}

/**
 * The M-step of the grid SEPP fit: the parameters that maximise the expected complete-data
 * log-likelihood (plus the shrinkage prior) given the E-step's statistics.
 *
 * - Background, closed form with a Gamma(κm̄ + 1, κ) prior on each μ_c (MAP):
 *   μ_c = (B_c + κ m̄) / (P + κ). κ = 0 gives the maximum-likelihood B_c / P.
 * - Triggering: Q(θ, ω) = T ln θ + T ln(1 − e^{−ω}) − (K − T) ω − θ D(ω), where T is the
 *   expected triggered count, K its lag sum and D(ω) the kernel mass inside the window
 *   (`offspringInWindow`). For fixed ω, θ = min(T / D(ω), maxTheta). Without edge effects
 *   (D = N) this is θ = T / N and ω = ln(K / (K − T)), i.e. a mean kernel lag K / T; with them
 *   the profile Q(θ(ω), ω) is maximised over ln ω ∈ [ln minOmega, ln maxOmega] by a 40-point
 *   grid and golden-section refinement, keeping the previous ω if it scores at least as well,
 *   so the step never lowers Q and the EM log-likelihood never falls.
 * @example mStep({ ...stats, triggered: 0 }, events, previous, options) // → θ = 0, ω = previous.omega (nothing to fit)
 */
export function mStep(stats: EStepResult, events: CellEvents, previous: SeppParameters, options: MStepOptions): SeppParameters {
  const { shrinkage: kappa, target } = options;
  const P = events.periods;
  const mu = new Float64Array(events.cells);
  for (let c = 0; c < mu.length; c++) mu[c] = (stats.background[c] + kappa * target) / (P + kappa);
  const T = stats.triggered;
  if (!(T > 0)) return { mu, theta: 0, omega: previous.omega };
  const excess = Math.max(0, stats.lagSum - T);
  const thetaAt = (window: number): number => (window > 0 ? Math.min(options.maxTheta, T / window) : options.maxTheta);
  const profile = (omega: number): number => {
    const window = offspringInWindow(events.byAge, omega);
    const theta = thetaAt(window);
    return T * Math.log(theta) + T * Math.log(-Math.expm1(-omega)) - excess * omega - theta * window;
  };
  const lo = Math.log(options.minOmega);
  const hi = Math.log(options.maxOmega);
  const f = (x: number): number => profile(Math.exp(x));
  const GRID = 40;
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i <= GRID; i++) {
    const v = f(lo + ((hi - lo) * i) / GRID);
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  let x = lo + ((hi - lo) * best) / GRID;
  const left = lo + ((hi - lo) * Math.max(0, best - 1)) / GRID;
  const right = lo + ((hi - lo) * Math.min(GRID, best + 1)) / GRID;
  const refined = goldenSectionMax(f, left, right, 1e-10);
  if (refined.value > bestValue) {
    x = refined.x;
    bestValue = refined.value;
  }
  let omega = Math.exp(x);
  const clampedPrevious = Math.min(options.maxOmega, Math.max(options.minOmega, previous.omega));
  if (profile(clampedPrevious) >= bestValue) omega = clampedPrevious;
  return { mu, theta: thetaAt(offspringInWindow(events.byAge, omega)), omega };
}

/** Maximum of a unimodal f on [a, b] by golden-section search, to an interval width of `tolerance`. */
function goldenSectionMax(f: (x: number) => number, a: number, b: number, tolerance: number): { x: number; value: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a);
  let x2 = a + r * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > tolerance) {
    if (f1 >= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = f(x2);
    }
  }
  return f1 >= f2 ? { x: x1, value: f1 } : { x: x2, value: f2 };
}
