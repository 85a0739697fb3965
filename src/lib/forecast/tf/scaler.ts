/**
 * Per-column standardisation fitted on training rows only: z = (x − mean) · scale with
 * scale = 1 / sd (1 for a constant column, so one-hot calendar columns that never vary stay finite).
 */
export interface Scaler {
  readonly mean: Float32Array;
  readonly scale: Float32Array;
}

/**
 * Fits a scaler to `rows` (row-major, `width` columns), reading at most `maxRows` rows spread
 * evenly over the array (deterministic: no sampling).
 * @example fitScaler(Float32Array.of(1, 10, 3, 10), 2).mean // → Float32Array [2, 10]; scale → [1, 1]
 */
export function fitScaler(rows: Float32Array, width: number, maxRows = 50_000): Scaler {
  const n = Math.floor(rows.length / width);
  if (n === 0) throw new Error('fitScaler() needs at least one row');
  const stride = Math.max(1, Math.floor(n / maxRows));
  const sum = new Float64Array(width);
  const sum2 = new Float64Array(width);
  let used = 0;
  for (let i = 0; i < n; i += stride) {
    for (let j = 0; j < width; j++) {
      const v = rows[i * width + j];
      sum[j] += v;
      sum2[j] += v * v;
    }
    used++;
  }
  const mean = new Float32Array(width);
  const scale = new Float32Array(width);
  for (let j = 0; j < width; j++) {
    const m = sum[j] / used;
    const variance = Math.max(0, sum2[j] / used - m * m);
    mean[j] = m;
    scale[j] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 1;
  }
  return { mean, scale };
}

/** Standardises `rows` (row-major, the scaler's width) in place and returns them. */
export function applyScaler(scaler: Scaler, rows: Float32Array): Float32Array {
  const width = scaler.mean.length;
  const { mean, scale } = scaler;
  for (let row = 0; row < rows.length; row += width) {
    const n = Math.min(width, rows.length - row);
    for (let j = 0; j < n; j++) rows[row + j] = (rows[row + j] - mean[j]) * scale[j];
  }
  return rows;
}
