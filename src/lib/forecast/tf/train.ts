import * as tf from '@tensorflow/tfjs';
import { throwIfAborted, type FitOptions, type TrainingEpoch } from '../forecaster';
import { random } from '../../base/random';
import { poissonUnitDeviance } from '../../evaluate/metrics/poisson-deviance';
import { adamFor, type Adam } from './adam';
import { momentumFor } from './momentum';
import { offsetRate, restore, snapshot, type Batch, type Network } from './network';

/** Fewest Adam steps per epoch: batches shrink (never below one unit) on small panels. */
const MIN_STEPS = 20;

/** Relative drop in validation deviance that counts as an improvement (Keras' min_delta, relative). */
const MIN_DELTA = 5e-4;

/** How a network is trained. */
export interface TrainSettings {
  /** Most epochs; early stopping usually ends sooner. */
  readonly epochs: number;
  /** Epochs without a better validation deviance before stopping. */
  readonly patience: number;
  /** Targets per mini-batch (smaller when an epoch would otherwise take fewer than 20 steps). */
  readonly batchSize: number;
  readonly learningRate: number;
  /** L2 penalty on the weights, added to the mean Poisson loss per target. */
  readonly l2: number;
  /** Targets drawn (without replacement) per epoch; 0 → all of them. */
  readonly samplesPerEpoch: number;
  /** The optimiser: Adam (the default) or SGD with Nesterov-free momentum 0.9. */
  readonly optimizer?: 'adam' | 'sgd';
  /** Bytes of validation inputs held for the whole fit (`validationSet`); default `VALIDATION_CACHE_BYTES`. */
  readonly validationCacheBytes?: number;
}

/** The targets to train and validate on, and how to turn some of them into a batch. */
export interface TrainData {
  /** Training units (a unit is one target, or one period of all cells for graph models). */
  readonly train: Int32Array;
  readonly validation: Int32Array;
  /** Targets per unit (1, or the number of cells). */
  readonly unitSize: number;
  /**
   * Consecutive units whose batch rows share a period, this many at a time (the cells, for one
   * target per unit): a hint the Newton fit uses to sum the period's shared features once.
   */
  readonly rowGroup?: number;
  /**
   * Inputs of the given units; `tabularOnly` leaves out the sequence channels (for the GLM
   * part, which reads only the tabular features and the offset).
   */
  batch(units: Int32Array, tabularOnly?: boolean): Batch;
  /** Observed counts of the given units' targets, in the batch's order. */
  targets(units: Int32Array): Float32Array;
}

/** What training did, for the training log. */
export interface TrainResult {
  readonly epochs: TrainingEpoch[];
  /** The epoch whose weights the network holds now (1-based). */
  readonly chosenEpoch: number;
}

/**
 * Trains `network` with Adam (Kingma & Ba 2015) on the Poisson negative log-likelihood
 * mean(λ − y·log λ) (+ L2), in seeded shuffled mini-batches; after each epoch computes the mean
 * Poisson deviance on the validation units and keeps the weights of the best epoch (early
 * stopping with `patience`; an improvement must exceed 0.05 % of the best deviance so far), restoring them at the end; an epoch that does not improve halves
 * the learning rate (as Keras' ReduceLROnPlateau with patience 1). Without validation units it
 * trains for `settings.epochs` epochs at the given rate and keeps the last. Checks
 * `options.signal` before every batch and yields to the event loop about every 50 ms so a
 * cancel message can arrive. Only `trainable` variables (default: all) are updated. The
 * optimizer's state is always disposed.
 * Reported losses are mean Poisson deviances 2·mean(y·log(y/λ) − (y − λ)).
 * @example const { epochs, chosenEpoch } = await trainNetwork(net, data, settings, { seed: 1, validation: 8 }, performance.now())
 *   // → e.g. 6 epochs logged, the weights of epoch 4 kept
 */
export async function trainNetwork(
  network: Network,
  data: TrainData,
  settings: TrainSettings,
  options: FitOptions,
  started: number,
  trainable: readonly tf.Variable[] = network.variables,
): Promise<TrainResult> {
  const optimizer = settings.optimizer === 'sgd' ? momentumFor(trainable, settings.learningRate) : adamFor(trainable, settings.learningRate);
  const shuffle = random((options.seed ^ 0x5bd1e995) >>> 0);
  const epochs: TrainingEpoch[] = [];
  const perEpoch = settings.samplesPerEpoch > 0 ? Math.max(1, Math.ceil(settings.samplesPerEpoch / data.unitSize)) : data.train.length;
  // Small panels: shrink batches so that an epoch still takes MIN_STEPS Adam steps.
  const unitsPerBatch = Math.max(1, Math.min(Math.round(settings.batchSize / data.unitSize), Math.floor(Math.min(perEpoch, data.train.length) / MIN_STEPS)));
  const order = data.train.slice();
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: Float32Array[] | undefined;
  let lastYield = performance.now();
  const validation = data.validation.length > 0 ? validationSet(data, false, settings.validationCacheBytes) : undefined;
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      shuffleInPlace(order, shuffle.int);
      const units = order.subarray(0, Math.min(perEpoch, order.length));
      let devianceSum = 0;
      let count = 0;
      for (let start = 0; start < units.length; start += unitsPerBatch) {
        throwIfAborted(options.signal);
        const batchUnits = units.subarray(start, start + unitsPerBatch);
        const batch = data.batch(batchUnits);
        const y = data.targets(batchUnits);
        devianceSum += step(network, trainable, optimizer, batch, y, settings.l2) * batch.n;
        count += batch.n;
        if (performance.now() - lastYield > 50) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
      }
      const loss = devianceSum / Math.max(1, count);
      const valLoss = validation ? validationDeviance(network, validation) : undefined;
      epochs.push(valLoss === undefined ? { epoch, loss } : { epoch, loss, valLoss });
      options.onProgress?.({ stage: 'epoch', step: epoch, steps: settings.epochs, loss, valLoss, elapsedMs: performance.now() - started });
      if (valLoss === undefined) {
        bestEpoch = epoch;
        continue;
      }
      if (Number.isFinite(valLoss) && (best === Infinity || valLoss < best * (1 - MIN_DELTA))) {
        best = valLoss;
        bestEpoch = epoch;
        bestWeights = snapshot(trainable);
      } else if (epoch - bestEpoch >= settings.patience) {
        break;
      } else {
        optimizer.learningRate /= 2;
      }
    }
    if (bestWeights && bestEpoch < epochs.length) restore(trainable, bestWeights);
    return { epochs, chosenEpoch: bestEpoch };
  } finally {
    optimizer.dispose();
  }
}

/**
 * Log-rates of `batch` (clipped to [−30, 15]) as a Float32Array; no tensor outlives the call.
 * @example logRates(glmNetwork({ features: 1, outputBias: 0, … }), { n: 2, tab: Float32Array.of(1, 2) }) // → [0, 0] (w = 0, b = 0)
 */
export function logRates(network: Network, batch: Batch): Float32Array {
  return tf.tidy(() => offsetRate(network, batch).clipByValue(-30, 15).dataSync() as Float32Array).slice();
}

/** One optimiser step (dropout on); returns the batch's mean Poisson deviance before the step. */
function step(network: Network, trainable: readonly tf.Variable[], optimizer: Adam, batch: Batch, y: Float32Array, l2: number): number {
  let eta: tf.Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const logRate = offsetRate(network, batch, true).clipByValue(-30, 15);
    eta = tf.keep(logRate);
    const target = tf.tensor1d(y);
    const nll = tf.mean(tf.exp(logRate).sub(target.mul(logRate)));
    if (!(l2 > 0)) return nll as tf.Scalar;
    const penalty = tf.addN(network.penalised.map((w) => tf.sum(tf.square(w))));
    return nll.add(penalty.mul(l2)) as tf.Scalar;
  }, trainable as tf.Variable[]);
  optimizer.apply(trainable.map((v) => grads[v.name]));
  value.dispose();
  tf.dispose(grads);
  const logRate = eta!.dataSync() as Float32Array;
  eta!.dispose();
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += poissonUnitDeviance(Math.exp(logRate[i]), y[i]);
  return sum / Math.max(1, y.length);
}

/** Validation targets per chunk (about; a unit's targets stay together). */
const VALIDATION_CHUNK = 8192;

/**
 * Most bytes of validation inputs and targets a fit holds from start to end (32 MiB). Above it
 * every evaluation builds the chunks again and drops each after use: an hourly GRU's validation
 * span (20,000 cells × 8 periods, 48 steps × 3 channels) would hold ~100 MB per fit, per fold
 * thread or app helper.
 */
export const VALIDATION_CACHE_BYTES = 32 * 2 ** 20;

/** One chunk of validation units: their inputs and observed counts. */
export interface ValidationChunk {
  readonly batch: Batch;
  readonly targets: Float32Array;
}

/** The validation units in chunks of about 8192 targets: held for the whole fit when small, else built at each read. */
export interface ValidationSet {
  readonly chunks: number;
  /** Whether the chunks are held (built once) rather than built at every `chunk(k)`. */
  readonly held: boolean;
  /** Chunk k's inputs and targets (the same values either way). */
  chunk(k: number): ValidationChunk;
}

/**
 * Splits the validation units into chunks of about 8192 targets; `tabularOnly` as in
 * `TrainData.batch`. Builds the first chunk, and when its bytes (inputs and targets) times the
 * number of chunks stay within `capBytes` builds and holds all of them once (every epoch or
 * Newton iteration reads the same); otherwise each read builds its chunk anew, as training did
 * before the set was held, so memory stays one chunk.
 * @example validationSet(data).chunks // → 1 for 888 cells × 8 periods (held)
 */
export function validationSet(data: TrainData, tabularOnly = false, capBytes = VALIDATION_CACHE_BYTES): ValidationSet {
  const size = Math.max(1, Math.floor(VALIDATION_CHUNK / data.unitSize));
  const chunks = Math.ceil(data.validation.length / size);
  const build = (k: number): ValidationChunk => {
    const units = data.validation.subarray(k * size, (k + 1) * size);
    return { batch: data.batch(units, tabularOnly), targets: data.targets(units) };
  };
  if (chunks === 0) return { chunks, held: true, chunk: build };
  // Every chunk but the last is as large as the first: first × chunks bounds the whole set.
  const first = build(0);
  if (chunkBytes(first) * chunks > capBytes) return { chunks, held: false, chunk: build };
  const all = [first, ...Array.from({ length: chunks - 1 }, (_, k) => build(k + 1))];
  return { chunks, held: true, chunk: (k) => all[k] };
}

/** Bytes a chunk's arrays take. */
function chunkBytes({ batch, targets }: ValidationChunk): number {
  return batch.tab.byteLength + (batch.seq?.byteLength ?? 0) + (batch.nodes?.byteLength ?? 0) + (batch.offset?.byteLength ?? 0) + targets.byteLength;
}

/**
 * Mean Poisson deviance of the network on a validation set (`validationSet`).
 * @example validationDeviance(net, validationSet(data)) // → e.g. 1.23 (0 for a perfect forecast)
 */
export function validationDeviance(network: Network, set: ValidationSet): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < set.chunks; k++) {
    const { batch, targets: y } = set.chunk(k);
    const eta = logRates(network, batch);
    for (let i = 0; i < y.length; i++) sum += poissonUnitDeviance(Math.exp(eta[i]), y[i]);
    count += y.length;
  }
  return sum / Math.max(1, count);
}

function shuffleInPlace(values: Int32Array, int: (n: number) => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
}
