/** The rows a Poisson GLM is fitted on: N rows of F features (row-major), counts and an optional offset. */
export interface PoissonDesign {
  readonly rows: number;
  readonly features: number;
  /** `tab[i * features + j]`: feature j of row i. */
  readonly tab: Float32Array;
  readonly y: Float32Array;
  /** Added to every row's linear predictor with coefficient 1 (log exposure, a built model's offset). */
  readonly offset?: Float32Array;
  /**
   * A hint: rows come in runs of this many that share some columns (a period's cells share its
   * calendar and city-wide features). Which columns are shared is checked on the values
   * (`columnGroups`), so a wrong hint costs time, never accuracy.
   */
  readonly groupSize?: number;
}

/** Columns of a design that are constant within every run of `size` consecutive rows, and the others. */
export interface ColumnGroups {
  readonly size: number;
  /** Feature columns that vary within a run. */
  readonly vary: Int32Array;
  /** Feature columns equal on every row of each run, then the intercept (index `features`). */
  readonly fixed: Int32Array;
}

/** Rows per block of the XᵀΛX accumulation: a block of every weighted column stays in cache. */
const BLOCK = 1024;

/**
 * The columns shared within each run of `design.groupSize` rows, found by comparing every
 * row's value with its run's first row (exact equality); undefined when there is no hint, the
 * rows are not whole runs, or no feature column is shared (then the plain sums are used).
 * @example columnGroups({ rows: 4, features: 2, tab: Float32Array.of(1, 5, 2, 5, 3, 6, 4, 6), y: new Float32Array(4), groupSize: 2 })
 *   // → { size: 2, vary: [0], fixed: [1, 2] } (column 1 is 5, 5 then 6, 6; 2 is the intercept)
 */
export function columnGroups(design: PoissonDesign): ColumnGroups | undefined {
  const { rows: N, features: F, tab, groupSize: G } = design;
  if (!G || G < 2 || N % G !== 0) return undefined;
  const vary: number[] = [];
  const fixed: number[] = [];
  for (let j = 0; j < F; j++) {
    let shared = true;
    for (let from = 0; from < N && shared; from += G) {
      const first = tab[from * F + j];
      for (let i = from + 1; i < from + G; i++) {
        if (tab[i * F + j] !== first) {
          shared = false;
          break;
        }
      }
    }
    (shared ? fixed : vary).push(j);
  }
  if (fixed.length === 0) return undefined;
  fixed.push(F);
  return { size: G, vary: Int32Array.from(vary), fixed: Int32Array.from(fixed) };
}

/**
 * The columns the row-by-row sums of `newtonTerms` read — the varying ones with `groups`, else
 * every column and the intercept — copied once per fit into float64, column by column (N
 * values each; filled in one pass over the rows), so that every Newton iteration streams
 * through them contiguously. `allocate` gives the array (every value of it is written).
 * @example columnsOf({ rows: 2, features: 1, tab: Float32Array.of(3, 4), y: new Float32Array(2) }) // → { cols: [0, 1], x: [3, 4, 1, 1] }
 */
export function columnsOf(
  design: PoissonDesign,
  groups?: ColumnGroups,
  allocate: (n: number) => Float64Array = (n) => new Float64Array(n),
): { cols: Int32Array; x: Float64Array } {
  const { rows: N, features: F, tab } = design;
  const cols = groups ? groups.vary : Int32Array.from({ length: F + 1 }, (_, j) => j);
  const m = cols.length;
  const x = allocate(m * N);
  // One pass over the rows (each row's features are adjacent in `tab`), writing every column.
  const features = cols.filter((j) => j !== F);
  const f = features.length;
  for (let a = 0; a < m; a++) if (cols[a] === F) x.fill(1, a * N, (a + 1) * N);
  const at = Int32Array.from(features, (j) => cols.indexOf(j) * N);
  for (let i = 0, row = 0; i < N; i++, row += F) for (let a = 0; a < f; a++) x[at[a] + i] = tab[row + features[a]];
  return { cols, x };
}

/**
 * The gradient Xᵀ(λ − y) and the Hessian XᵀΛX (p × p, row-major, both triangles) of
 * X = [tab, 1]. Over the columns that vary within a run (every column without `groups`;
 * `columns` from `columnsOf`), in blocks of rows: each column weighted by λ once per block (so
 * it stays in cache), and the upper triangle accumulated four columns at a time. The columns
 * shared within a run (x_g for run g; the intercept among them) enter through the run's sums
 * s_g = Σλ, r_g = Σ(λ − y) and u_g = Σλ·x_vary: H_shared,shared = Σ_g s_g·x_g·x_gᵀ,
 * H_vary,shared = Σ_g u_g·x_gᵀ, g_shared = Σ_g r_g·x_g — the same sums regrouped (equal up to
 * rounding), with about half the multiply-adds per row for the GLM's features (12 vary, 6
 * shared per period).
 * @example newtonTerms({ rows: 2, features: 1, tab: Float32Array.of(0, 1), y: Float32Array.of(1, 1) }, Float64Array.of(1, 2))
 *   // → gradient [1, 1], hessian [2, 2, 2, 3]
 */
export function newtonTerms(
  design: PoissonDesign,
  lambda: Float64Array,
  groups?: ColumnGroups,
  columns = columnsOf(design, groups),
): { gradient: Float64Array; hessian: Float64Array } {
  const { rows: N, features: F, y } = design;
  const p = F + 1;
  const { cols, x } = columns;
  const m = cols.length;
  const local = new Float64Array(m * m);
  const localGradient = new Float64Array(m);
  const weighted = new Float64Array(m * BLOCK);
  for (let from = 0; from < N; from += BLOCK) {
    const n = Math.min(BLOCK, N - from);
    for (let k = 0; k < m; k++) {
      const at = k * N + from;
      const to = k * BLOCK;
      let g = 0;
      for (let i = 0; i < n; i++) {
        const v = x[at + i];
        const l = lambda[from + i];
        weighted[to + i] = l * v;
        g += v * (l - y[from + i]);
      }
      localGradient[k] += g;
    }
    accumulateBlock(x, N, from, weighted, n, m, local);
  }
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (let a = 0; a < m; a++) {
    gradient[cols[a]] = localGradient[a];
    for (let b = a; b < m; b++) hessian[cols[a] * p + cols[b]] = hessian[cols[b] * p + cols[a]] = local[a * m + b];
  }
  if (groups) addSharedTerms(design, lambda, groups, x, gradient, hessian);
  return { gradient, hessian };
}

/**
 * local += the upper triangle of Xᵀ·weighted over rows [from, from + n) (X: m columns of
 * `stride` values; weighted: m columns of BLOCK values), rows j, j + 1 against columns
 * k … k + 3 (k ≥ j): eight sums from six loads per row. The entry (j + 1, j) below the diagonal
 * is summed too and never read.
 */
function accumulateBlock(x: Float64Array, stride: number, from: number, weighted: Float64Array, n: number, m: number, local: Float64Array): void {
  for (let j = 0; j < m; j += 2) {
    const a0 = j * stride + from;
    const a1 = j + 1 < m ? a0 + stride : a0;
    let k = j;
    for (; k + 3 < m; k += 4) {
      const b0 = k * BLOCK;
      const b1 = b0 + BLOCK;
      const b2 = b1 + BLOCK;
      const b3 = b2 + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let i = 0; i < n; i++) {
        const x0 = x[a0 + i];
        const x1 = x[a1 + i];
        const w0 = weighted[b0 + i];
        const w1 = weighted[b1 + i];
        const w2 = weighted[b2 + i];
        const w3 = weighted[b3 + i];
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
      }
      add4(local, j * m + k, s00, s01, s02, s03);
      if (j + 1 < m) add4(local, (j + 1) * m + k, s10, s11, s12, s13);
    }
    for (; k < m; k++) {
      const b0 = k * BLOCK;
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < n; i++) {
        const w = weighted[b0 + i];
        s0 += x[a0 + i] * w;
        s1 += x[a1 + i] * w;
      }
      local[j * m + k] += s0;
      if (j + 1 < m) local[(j + 1) * m + k] += s1;
    }
  }
}

/**
 * Adds the terms of the shared columns (see `newtonTerms`), run by run, into both triangles;
 * `columns` holds the varying columns, N values each.
 */
function addSharedTerms(
  design: PoissonDesign,
  lambda: Float64Array,
  groups: ColumnGroups,
  columns: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const { rows: N, features: F, tab, y } = design;
  const p = F + 1;
  const { size: G, vary, fixed } = groups;
  const u = new Float64Array(vary.length);
  const x = new Float64Array(fixed.length);
  for (let from = 0; from < N; from += G) {
    let s = 0;
    let r = 0;
    for (let i = from; i < from + G; i++) {
      const l = lambda[i];
      s += l;
      r += l - y[i];
    }
    for (let a = 0; a < vary.length; a++) {
      const at = a * N;
      let sum = 0;
      for (let i = from; i < from + G; i++) sum += lambda[i] * columns[at + i];
      u[a] = sum;
    }
    for (let k = 0; k < fixed.length; k++) x[k] = fixed[k] === F ? 1 : tab[from * F + fixed[k]];
    for (let k = 0; k < fixed.length; k++) {
      const q = fixed[k];
      gradient[q] += r * x[k];
      for (let a = 0; a < vary.length; a++) hessian[vary[a] * p + q] += u[a] * x[k];
      for (let l = k; l < fixed.length; l++) hessian[q * p + fixed[l]] += s * x[k] * x[l];
    }
  }
  for (let k = 0; k < fixed.length; k++) {
    const q = fixed[k];
    for (let a = 0; a < vary.length; a++) hessian[q * p + vary[a]] = hessian[vary[a] * p + q];
    for (let l = k + 1; l < fixed.length; l++) hessian[fixed[l] * p + q] = hessian[q * p + fixed[l]];
  }
}

/** h[at … at + 3] += (a, b, c, d). */
function add4(h: Float64Array, at: number, a: number, b: number, c: number, d: number): void {
  h[at] += a;
  h[at + 1] += b;
  h[at + 2] += c;
  h[at + 3] += d;
}
