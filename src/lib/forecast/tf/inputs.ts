import { sequenceStep, SEQUENCE_CHANNELS, tabularRow, type FeatureContext } from './features';
import type { Batch } from './network';
import { applyScaler, fitScaler, type Scaler } from './scaler';

/** What a network reads: one target per unit ('cell') or all cells of a period per unit ('period'), and the sequence window. */
export interface InputSpec {
  readonly sample: 'cell' | 'period';
  /** Periods of sequence inputs before the target (0: tabular features only). */
  readonly window: number;
}

/** Scalers of the tabular features and the sequence channels, fitted on the training span. */
export interface Scalers {
  readonly tab: Scaler;
  readonly seq: Scaler;
}

/** Inputs and targets of any units of one series. */
export interface Inputs {
  /** Inputs of the units; `tabularOnly` leaves out the sequence channels (the GLM part reads none). */
  batch(units: Int32Array, tabularOnly?: boolean): Batch;
  targets(units: Int32Array): Float32Array;
}

/** Rows of the scaled tabular features kept in memory at most (beyond, rows are computed per batch). */
const CACHE_LIMIT = 1 << 24;

/**
 * Fits the scalers on training targets only and returns them with the inputs of the series:
 * the tabular scaler on the rows of target periods [first, end) (at most ~20 000, spread
 * evenly), the sequence scaler on the channels of periods [0, end). Rows of periods from
 * `first` on are computed once and kept, scaled (when they fit in 2^24 floats), and so are the
 * scaled sequence channels of every period when the spec reads windows.
 * @example trainingInputs(ctx, { sample: 'cell', window: 0 }, 4, 240).inputs.batch(Int32Array.of(4 * C)).n // → 1
 */
export function trainingInputs(ctx: FeatureContext, spec: InputSpec, first: number, end: number): { inputs: Inputs; scalers: Scalers } {
  const C = ctx.series.cells;
  const F = ctx.layout.names.length;
  const cache = (ctx.series.length - first) * C * F <= CACHE_LIMIT ? rawRows(ctx, first) : undefined;
  const total = (end - first) * C;
  const stride = Math.max(1, Math.floor(total / 20_000));
  const rows = new Float32Array(Math.ceil(total / stride) * F);
  let n = 0;
  for (let i = 0; i < total; i += stride, n++) {
    if (cache) rows.set(cache.subarray(i * F, (i + 1) * F), n * F);
    else tabularRow(ctx, first + Math.floor(i / C), i % C, rows, n * F);
  }
  const seqTotal = end * C;
  const seqStride = Math.max(1, Math.floor(seqTotal / 50_000));
  const seq = new Float32Array(Math.ceil(seqTotal / seqStride) * SEQUENCE_CHANNELS);
  let m = 0;
  for (let i = 0; i < seqTotal; i += seqStride, m++) sequenceStep(ctx.series, Math.floor(i / C), i % C, seq, m * SEQUENCE_CHANNELS);
  const scalers = { tab: fitScaler(rows.subarray(0, n * F), F), seq: fitScaler(seq.subarray(0, m * SEQUENCE_CHANNELS), SEQUENCE_CHANNELS) };
  if (cache) applyScaler(scalers.tab, cache);
  const steps = spec.window > 0 && ctx.series.length * C * SEQUENCE_CHANNELS <= CACHE_LIMIT ? scaledSteps(ctx, scalers.seq) : undefined;
  return {
    inputs: inputsOf(ctx, spec, scalers, cache || steps ? { from: first, rows: cache ?? new Float32Array(0), ...(steps && { steps }) } : undefined),
    scalers,
  };
}

/**
 * The scaled sequence channels of every (period, cell) of the series, period-major: computed
 * once per fit instead of once per window step of every batch (a GRU's 26-step windows read
 * each step 26 times an epoch). The same float32 values `inputsOf` computes step by step.
 */
function scaledSteps(ctx: FeatureContext, seq: Scaler): Float32Array {
  const C = ctx.series.cells;
  const S = SEQUENCE_CHANNELS;
  const out = new Float32Array(ctx.series.length * C * S);
  for (let p = 0; p < ctx.series.length; p++) {
    for (let c = 0; c < C; c++) {
      const at = (p * C + c) * S;
      sequenceStep(ctx.series, p, c, out, at);
      for (let j = 0; j < S; j++) out[at + j] = (out[at + j] - seq.mean[j]) * seq.scale[j];
    }
  }
  return out;
}

/** Unscaled tabular rows of every target from period `first` to the series' end, period-major. */
function rawRows(ctx: FeatureContext, first: number): Float32Array {
  const C = ctx.series.cells;
  const F = ctx.layout.names.length;
  const out = new Float32Array((ctx.series.length - first) * C * F);
  for (let t = first; t < ctx.series.length; t++) for (let c = 0; c < C; c++) tabularRow(ctx, t, c, out, ((t - first) * C + c) * F);
  return out;
}

/**
 * The inputs of a series. A unit is a target index t·C + c ('cell') or a period t ('period',
 * whose batches are cell-major: row c·B + b is cell c in the batch's period b);
 * targets need 1 ≤ t ≤ series.length and t ≥ window. `cache` holds scaled tabular rows of
 * the periods from `cache.from` on and, with `steps`, the scaled sequence channels of periods
 * from 0 on (see `trainingInputs`); both only for a series that no longer grows.
 * @example inputsOf(ctx, { sample: 'period', window: 8 }, scalers).batch(Int32Array.of(t)).n // → C (one period of all cells)
 */
export function inputsOf(ctx: FeatureContext, spec: InputSpec, scalers: Scalers, cached?: { from: number; rows: Float32Array; steps?: Float32Array }): Inputs {
  const { series } = ctx;
  const C = series.cells;
  const F = ctx.layout.names.length;
  const S = SEQUENCE_CHANNELS;
  const cacheEnd = cached ? cached.from + cached.rows.length / (C * F) : 0;
  const tabInto = (t: number, c: number, out: Float32Array, row: number): void => {
    if (cached && t >= cached.from && t < cacheEnd) {
      const from = ((t - cached.from) * C + c) * F;
      const to = row * F;
      for (let j = 0; j < F; j++) out[to + j] = cached.rows[from + j];
      return;
    }
    tabularRow(ctx, t, c, out, row * F);
    for (let j = 0; j < F; j++) out[row * F + j] = (out[row * F + j] - scalers.tab.mean[j]) * scalers.tab.scale[j];
  };
  const steps = cached?.steps;
  const stepsEnd = steps ? steps.length / (C * S) : 0;
  const stepInto = (p: number, c: number, out: Float32Array, offset: number): void => {
    if (steps && p >= 0 && p < stepsEnd) {
      const from = (p * C + c) * S;
      for (let j = 0; j < S; j++) out[offset + j] = steps[from + j];
      return;
    }
    sequenceStep(series, p, c, out, offset);
    for (let j = 0; j < S; j++) out[offset + j] = (out[offset + j] - scalers.seq.mean[j]) * scalers.seq.scale[j];
  };
  const offsetOf = ctx.layout.offset;
  return {
    batch(units: Int32Array, tabularOnly = false): Batch {
      const L = tabularOnly ? 0 : spec.window;
      if (spec.sample === 'cell') {
        const n = units.length;
        const first = n > 0 ? units[0] : 0;
        if (cached && L === 0 && !offsetOf && consecutive(units) && first >= cached.from * C && first + n <= cacheEnd * C) {
          // A span of cached rows (the Newton fit's whole training span): a view, not a copy
          // (readers never write a batch; a copy of 15 MB cost more in page faults than the fit's first iteration).
          const from = (first - cached.from * C) * F;
          return { n, tab: cached.rows.subarray(from, from + n * F) };
        }
        const tab = new Float32Array(n * F);
        const seq = L > 0 ? new Float32Array(L * n * S) : undefined;
        const offset = offsetOf ? new Float32Array(n) : undefined;
        for (let i = 0; i < n; i++) {
          const t = Math.floor(units[i] / C);
          const c = units[i] - t * C;
          tabInto(t, c, tab, i);
          if (seq) for (let l = 0; l < L; l++) stepInto(t - L + l, c, seq, (l * n + i) * S);
          if (offset) offset[i] = offsetOf!(ctx, t, c);
        }
        return { n, tab, ...(seq && { seq }), ...(offset && { offset }) };
      }
      const B = units.length;
      const n = B * C;
      const tab = new Float32Array(n * F);
      const nodes = tabularOnly ? undefined : new Float32Array(n * L * S);
      const offset = offsetOf ? new Float32Array(n) : undefined;
      for (let c = 0; c < C; c++) {
        for (let b = 0; b < B; b++) {
          const t = units[b];
          tabInto(t, c, tab, c * B + b);
          if (offset) offset[c * B + b] = offsetOf!(ctx, t, c);
          if (nodes) for (let l = 0; l < L; l++) stepInto(t - L + l, c, nodes, ((c * B + b) * L + l) * S);
        }
      }
      return { n, tab, ...(nodes && { nodes }), ...(offset && { offset }) };
    },
    targets(units: Int32Array): Float32Array {
      if (spec.sample === 'cell') {
        const out = new Float32Array(units.length);
        for (let i = 0; i < units.length; i++) out[i] = series.counts[units[i]];
        return out;
      }
      const B = units.length;
      const out = new Float32Array(B * C);
      for (let c = 0; c < C; c++) for (let b = 0; b < B; b++) out[c * B + b] = series.counts[units[b] * C + c];
      return out;
    },
  };
}

/** Whether `units` are u, u + 1, u + 2, … */
function consecutive(units: Int32Array): boolean {
  for (let i = 1; i < units.length; i++) if (units[i] !== units[i - 1] + 1) return false;
  return true;
}
