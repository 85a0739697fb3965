import { formatPercent } from '../base/format-number';
import { linePlot, type LinePlot } from './line-plot';

/** A model's capture curve as the report stores it. */
export interface CaptureInput {
  readonly name: string;
  readonly kind: 'baseline' | 'learned';
  readonly captureCurve: { readonly coverage: readonly number[]; readonly hitRate: readonly number[] };
}

/**
 * The capture-curve chart: hit rate (share of incidents in flagged cells) against the share of
 * the study area flagged, one line per model, with the diagonal a random choice of cells
 * would follow. `maxCoverage` zooms on the small coverages that matter for patrol planning.
 */
export function capturePlot(models: readonly CaptureInput[], options: { width?: number; height?: number; maxCoverage?: number } = {}): LinePlot {
  const max = options.maxCoverage ?? 1;
  const series = models.map((m) => {
    const keep = m.captureCurve.coverage.map((c, i) => (c <= max + 1e-12 ? i : -1)).filter((i) => i >= 0);
    return { name: m.name, kind: m.kind, x: keep.map((i) => m.captureCurve.coverage[i]), y: keep.map((i) => m.captureCurve.hitRate[i]) };
  });
  return linePlot(series, {
    width: options.width,
    height: options.height,
    xLabel: 'Share of study area flagged',
    yLabel: 'Share of incidents captured (hit rate)',
    xDomain: [0, max],
    yDomain: [0, max === 1 ? 1 : Math.min(1, Math.max(0.05, ...series.flatMap((s) => s.y.filter(Number.isFinite))))],
    xFormat: (v) => formatPercent(v, 1),
    yFormat: (v) => formatPercent(v, 0),
    reference: {
      points: [
        [0, 0],
        [max, max],
      ],
      label: 'random selection',
    },
  });
}
