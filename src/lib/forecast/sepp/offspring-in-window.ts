/**
 * The edge correction of the fit: how much triggering the window can hold, per unit θ,
 *
 *   D(ω) = Σ_{c,q} y_c(q) · G(P − 1 − q),   G(m) = Σ_{k=1}^{m} g(k) = 1 − e^{−ωm},
 *
 * i.e. the expected number of direct offspring of the window's events that land inside it,
 * divided by θ. An event in the last period has all its offspring after the window (G(0) = 0);
 * one far from the end has nearly all inside (G → 1). θ · D(ω) is the triggered part of
 * Σ_{c,p} λ_c(p), and the M-step divides the expected triggered count by D(ω), not by the
 * number of events, so offspring that the data cannot show yet do not bias θ down.
 * `byAge[m]` holds the counts m periods before the last one (`CellEvents.byAge`).
 * @example offspringInWindow(Float64Array.of(3, 0, 2), Math.LN2) // → 2 · (1 − 1/4) = 1.5
 */
export function offspringInWindow(byAge: Float64Array, omega: number): number {
  const a = Math.exp(-omega);
  let sum = 0;
  let power = 1;
  for (let m = 1; m < byAge.length; m++) {
    power *= a;
    if (byAge[m] !== 0) sum += byAge[m] * (1 - power);
  }
  return sum;
}
