/**
 * Solves A·x = b for a symmetric positive-definite A (n × n, row-major) by Cholesky
 * decomposition A = LLᵀ; adds growing jitter to the diagonal if a pivot is not positive.
 * @example solveSpd(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2) // → [0.5, 0]
 */
export function solveSpd(A: Float64Array, b: Float64Array, n: number): Float64Array {
  let extra = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    const L = new Float64Array(n * n);
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = A[i * n + j] + (i === j ? extra : 0);
        for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
        if (i === j) {
          if (!(sum > 0)) ok = false;
          else L[i * n + i] = Math.sqrt(sum);
        } else {
          L[i * n + j] = sum / L[j * n + j];
        }
      }
    }
    if (ok) {
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sum = b[i];
        for (let k = 0; k < i; k++) sum -= L[i * n + k] * z[k];
        z[i] = sum / L[i * n + i];
      }
      const x = new Float64Array(n);
      for (let i = n - 1; i >= 0; i--) {
        let sum = z[i];
        for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * x[k];
        x[i] = sum / L[i * n + i];
      }
      return x;
    }
    let trace = 0;
    for (let i = 0; i < n; i++) trace += Math.abs(A[i * n + i]);
    extra = extra === 0 ? 1e-10 * (trace / n + 1) : extra * 100;
  }
  throw new Error(`solveSpd: the ${n} × ${n} system is not positive definite even with jitter`);
}

/**
 * √diag(H⁻¹) of a symmetric positive-definite n × n matrix H (row-major), one Cholesky solve
 * per unit vector: the standard errors of a maximum-likelihood fit whose Hessian is H (the
 * observed information; McCullagh & Nelder 1989, §2.5).
 * @example inverseDiagonalRoot(Float64Array.of(4, 0, 0, 25), 2) // → [0.5, 0.2]
 */
export function inverseDiagonalRoot(H: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = new Float64Array(n);
    e[i] = 1;
    out[i] = Math.sqrt(Math.max(0, solveSpd(H, e, n)[i]));
  }
  return out;
}
