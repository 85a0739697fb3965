import type { CellEvents } from './cell-events';
import { offspringInWindow } from './offspring-in-window';
import type { SeppParameters } from './sepp-parameters';

/** The expected sufficient statistics of one E-step, and the log-likelihood of the parameters it used. */
export interface EStepResult {
  /** B_c = Σ_p y_c(p) · μ_c / λ_c(p): expected background events per cell. */
  readonly background: Float64Array;
  /** T = Σ_{c,p} y_c(p) · θ S_c(p) / λ_c(p): expected triggered events. */
  readonly triggered: number;
  /** K = Σ_{c,p} y_c(p) · θ R_c(p) / λ_c(p): expected triggered events × their lag (periods). */
  readonly lagSum: number;
  /** D(ω), see `offspringInWindow`. */
  readonly offspringInWindow: number;
  /** ℓ = Σ_{c,p} [y ln λ − λ − ln y!], the Poisson log-likelihood of the counts given their past. */
  readonly logLikelihood: number;
}

/**
 * The E-step of the grid SEPP fit: the branching structure's expected sufficient statistics.
 * Each count y_c(p) splits in expectation into background, with probability μ_c / λ_c(p), and
 * offspring of period q < p, with probability θ g(p − q) y_c(q) / λ_c(p) (Mohler et al. 2011,
 * eq. 9, on periods instead of event times; `branchingProbabilities` writes the whole matrix).
 *
 * No lag is truncated: for the exponential kernel the sums over all earlier periods obey
 *   S(p) = Σ_{k≥1} g(k) y(p−k):      S(p+1) = a S(p) + (1 − a) y(p),
 *   R(p) = Σ_{k≥1} k g(k) y(p−k):    R(p+1) = a (R(p) + S(p)) + (1 − a) y(p),
 * with a = e^{−ω}, and across n empty periods S ← aⁿ S, R ← aⁿ (R + n S). The cost is
 * O(events + periods) per step, independent of the kernel's length. Counts before the window
 * are unknown and taken as 0 (their offspring are attributed to the background).
 * ℓ uses Σ_p λ_c(p) = P Σ_c μ_c + θ D(ω) (`offspringInWindow`).
 * @example eStep(cellEvents([2, 0, 1, 3], 4, 1), { mu: Float64Array.of(0.5), theta: 0.5, omega: Math.LN2 }).triggered
 *   // → 34/21 ≈ 1.619 (worked out in e-step.test.ts)
 */
export function eStep(events: CellEvents, params: SeppParameters): EStepResult {
  const { cells, periods: P, offsets, period, count } = events;
  const { mu, theta, omega } = params;
  if (mu.length !== cells) throw new RangeError(`SEPP parameters have ${mu.length} background rates for ${cells} cells`);
  const a = Math.exp(-omega);
  const b = -Math.expm1(-omega);
  const power = new Float64Array(P + 1);
  power[0] = 1;
  for (let n = 1; n <= P; n++) power[n] = power[n - 1] * a;
  const background = new Float64Array(cells);
  let triggered = 0;
  let lagSum = 0;
  let logTerms = 0;
  let muSum = 0;
  for (let c = 0; c < cells; c++) {
    const m = mu[c];
    muSum += m;
    let s = 0;
    let r = 0;
    let at = 0;
    let bg = 0;
    for (let j = offsets[c], end = offsets[c + 1]; j < end; j++) {
      const p = period[j];
      const y = count[j];
      const gap = p - at;
      const d = power[gap];
      r = d * (r + gap * s);
      s *= d;
      const excitation = theta * s;
      const lambda = m + excitation;
      if (lambda > 0) {
        const w = y / lambda;
        bg += w * m;
        triggered += w * excitation;
        lagSum += w * theta * r;
        logTerms += y * Math.log(lambda);
      } else {
        bg += y;
        logTerms = -Infinity;
      }
      r = a * (r + s) + b * y;
      s = a * s + b * y;
      at = p + 1;
    }
    background[c] = bg;
  }
  const window = offspringInWindow(events.byAge, omega);
  const logLikelihood = logTerms - P * muSum - theta * window - events.logFactorials;
  return { background, triggered, lagSum, offspringInWindow: window, logLikelihood };
}
