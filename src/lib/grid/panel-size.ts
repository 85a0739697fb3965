import { remedyWith } from '../io/load-remedies';
import { parentOf } from './h3';
import { BUCKET_UNITS, timeBucket, type BucketSpec } from './time-bucket';

/** Bytes a panel of `periods × cells` takes: Float32 counts, Float64 period starts and areas. */
export function panelBytes(periods: number, cells: number): number {
  return 4 * periods * cells + 8 * periods + 8 * cells;
}

/** Every H3 resolution, 0–15: the ones a refusal may name when the shell does not say (`coarserThatFits`). */
const ALL_RESOLUTIONS: readonly number[] = Array.from({ length: 16 }, (_, r) => r);

/** Default largest panel (periods × cells) `binIncidents` allocates: 250 M values, 1 GB of Float32 counts. */
export const DEFAULT_MAX_VALUES = 250_000_000;

/**
 * '2.6 GB', '110 MB', '12 kB': a byte count in decimal units, 2 significant digits.
 * @example formatBytes(2_628_000_000) // → '2.6 GB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let u = 0;
  let x = bytes;
  while (x >= 1000 && u < units.length - 1) {
    x /= 1000;
    u++;
  }
  return `${Number(x.toPrecision(2)).toLocaleString('en-US')} ${units[u]}`;
}

/**
 * One line describing a panel size: '43,800 hour periods × 15,000 cells = 657,000,000 values (2.6 GB)'.
 * @example describePanel(24, 'hour', 2) // → '24 hour periods × 2 cells = 48 values (260 B)'
 */
export function describePanel(periods: number, unit: string, cells: number): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${n(periods)} ${unit} periods × ${n(cells)} ${cells === 1 ? 'cell' : 'cells'} = ${n(periods * cells)} values (${formatBytes(panelBytes(periods, cells))})`;
}

/**
 * The finest coarser grid that fits `maxValues`, as advice for a refused panel: the first bucket
 * longer than `spec.unit` that fits with the same cells, and the finest coarser resolution whose
 * parents of `cells` fit with the same bucket (cells counted as distinct H3 parents: ≈, since a
 * parent covers its children only approximately).
 * Each suggestion names its setting and value in the neutral phrase (`remedyWith`), which each
 * shell words as its own control (`wordRemedies`: the CLI's --bucket and --res, the app's fields),
 * followed by its size; empty when nothing coarser fits. Only the resolutions in `resolutions`
 * are named (a shell's control may offer fewer than H3's 0–15: the app's 5–10).
 *
 * @example
 * coarserThatFits({ unit: 'hour', … }, min, max, cells, 8, 250e6)
 * // → ['the time bucket setting at day (1,826 day periods × 15,000 cells = …)', 'the resolution setting at 6 (≈ 43,800 hour periods × 1,200 cells = …)']
 */
export function coarserThatFits(
  spec: BucketSpec,
  min: number,
  max: number,
  cells: readonly string[],
  res: number,
  maxValues: number,
  resolutions: readonly number[] = ALL_RESOLUTIONS,
): string[] {
  const out: string[] = [];
  for (const unit of BUCKET_UNITS.slice(BUCKET_UNITS.indexOf(spec.unit) + 1)) {
    const periods = timeBucket({ ...spec, unit }).count(min, max + 1);
    if (periods * cells.length <= maxValues) {
      out.push(`${remedyWith('coarserBucket', unit)} (${describePanel(periods, unit, cells.length)})`);
      break;
    }
  }
  const periods = timeBucket(spec).count(min, max + 1);
  let level: readonly string[] = cells;
  const coarsest = Math.min(...resolutions);
  for (let r = res - 1; r >= coarsest; r--) {
    level = [...new Set(level.map((cell) => parentOf({ cell, res: r })))]; // parents of parents: each level ~7× smaller
    if (resolutions.includes(r) && periods * level.length <= maxValues) {
      out.push(`${remedyWith('coarserRes', r)} (≈ ${describePanel(periods, spec.unit, level.length)})`);
      break;
    }
  }
  return out;
}
