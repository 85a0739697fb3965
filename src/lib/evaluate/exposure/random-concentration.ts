import type { FlagConcentration } from './flag-concentration';
import { PERSISTENCE_THRESHOLD } from './flag-concentration';

/**
 * Persistence and concentration of random selection, analytically (no seed decides them): each
 * of T periods flags a fresh uniformly random set of m = c·n of the n region cells.
 *
 * A cell's flag count F is then Binomial(T, c) (each period flags it with probability m/n = c,
 * independently between periods), so with b(x) = C(T, x) cˣ (1 − c)^(T−x):
 * - persistence = E[Σ_c F_c 1{F_c ≥ 0.8T}] / E[Σ_c F_c] = Σ_{x ≥ ⌈0.8T⌉} x·b(x) / (T c);
 * - distinct cells = E[#{c : F_c > 0}] = n (1 − (1 − c)^T) (`distinctWhole` the same);
 * - Gini: Σ_c F_c = T·m is fixed, so E[G] = E[Σ_{i≠j} |F_i − F_j|] / (2 n T m). For two cells the
 *   per-period difference is +1 or −1 each with probability q = m(n − m)/(n(n − 1)) (sampling
 *   without replacement) and 0 otherwise, independently over periods; the distribution of
 *   D = F_i − F_j is the T-fold convolution of that step, so E[G] = (n − 1) E|D| / (2 T m).
 * Exact when c·n is a whole number and the region cells have equal area; otherwise m = c·n is
 * used as is (region cells of one H3 resolution differ in area by a few per cent).
 * Cost: O(T²) for the convolution. Throws when T < 1, n < 1 or c ∉ (0, 1].
 * @example randomConcentration(1, 0.5, 2) // → { persistence: 1, gini: 0.5, distinctCells: 1, distinctWhole: 1 }
 */
export function randomConcentration(steps: number, coverage: number, cells: number): FlagConcentration {
  const T = steps;
  const n = cells;
  const c = coverage;
  if (!(Number.isInteger(T) && T >= 1)) throw new RangeError(`randomConcentration: steps must be a whole number ≥ 1, got ${T}`);
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`randomConcentration: cells must be a whole number ≥ 1, got ${n}`);
  if (!(c > 0 && c <= 1)) throw new RangeError(`randomConcentration: coverage must lie in (0, 1], got ${c}`);
  // Binomial(T, c) probabilities by the recurrence b(x + 1) = b(x)·(T − x)/(x + 1)·c/(1 − c), in logs for stability.
  const logB = (x: number): number => logChoose(T, x) + (x > 0 ? x * Math.log(c) : 0) + (T - x > 0 ? (T - x) * Math.log1p(-c) : 0);
  let persistent = 0;
  for (let x = Math.ceil(PERSISTENCE_THRESHOLD * T - 1e-9 * T); x <= T; x++) persistent += x * Math.exp(logB(x));
  const distinct = n * (1 - Math.pow(1 - c, T));
  const m = c * n;
  let gini = 0;
  if (n > 1) {
    const q = Math.min(0.5, (m * (n - m)) / (n * (n - 1)));
    // dist[d + T] = P(D = d) after t periods.
    let dist = new Float64Array(2 * T + 1);
    dist[T] = 1;
    for (let t = 0; t < T; t++) {
      const next = new Float64Array(2 * T + 1);
      for (let d = 0; d <= 2 * T; d++) {
        const p = dist[d];
        if (p === 0) continue;
        next[d] += p * (1 - 2 * q);
        if (d + 1 <= 2 * T) next[d + 1] += p * q;
        if (d >= 1) next[d - 1] += p * q;
      }
      dist = next;
    }
    let meanAbs = 0;
    for (let d = 0; d <= 2 * T; d++) meanAbs += Math.abs(d - T) * dist[d];
    gini = ((n - 1) * meanAbs) / (2 * T * m);
  }
  return { persistence: persistent / (T * c), gini, distinctCells: distinct, distinctWhole: distinct };
}

/** log C(T, x). */
function logChoose(T: number, x: number): number {
  let sum = 0;
  for (let i = 1; i <= x; i++) sum += Math.log((T - x + i) / i);
  return sum;
}
