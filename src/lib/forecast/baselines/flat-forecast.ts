/**
 * Repeats one forecast per cell for every step: `out[s * C + c] = level[c]` for
 * s = 0 … horizon − 1, the step-major layout of `Forecaster.predict`. Used by every baseline
 * whose forecast does not change with the horizon (FPP3 §5.2: "flat" forecasts).
 * @example flatForecast(Float32Array.of(2, 0.5), 2) // → Float32Array [2, 0.5, 2, 0.5]
 */
export function flatForecast(level: Float32Array, horizon: number): Float32Array {
  const C = level.length;
  const out = new Float32Array(horizon * C);
  for (let s = 0; s < horizon; s++) out.set(level, s * C);
  return out;
}
