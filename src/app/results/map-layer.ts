import { divergingScale, sequentialScale } from '../../lib/plots/colour-scale';
import { formatCompact } from '../../lib/base/format-compact';
import { formatPercent } from '../../lib/base/format-number';
import { HOTSPOT_CLASSES, hotspotMap } from '../../lib/plots/hotspot-classes';
import type { RunResult, StepSlice } from '../../lib/worker/protocol';
import type { Legend } from '../charts/legend';
import type { MapMode } from '../state/results.svelte';

/** What the results map draws for a mode: a fill per cell, its legend, a tooltip per cell and a one-line caption. */
export interface MapLayer {
  readonly fills: string[];
  readonly legend: Legend;
  readonly describe: (cell: number) => string;
  readonly caption: string;
}

/**
 * The results map for one fold and step: actual counts or a model's forecast (one sequential
 * scale shared by the actual counts and every model's forecast, so maps compare), its error
 * (forecast − actual, diverging), or the hotspots it flags at a coverage level.
 */
export function mapLayer(run: RunResult, slice: StepSlice, mode: MapMode, model: number, coverage: number): MapLayer {
  const C = run.cells.length;
  const forecast = slice.forecasts.subarray(model * C, (model + 1) * C);
  const name = run.models[model];
  const f = (v: number): string => formatCompact(v);
  const base = (c: number): string => `${run.cells[c]}\nactual ${f(slice.actual[c])} · ${name} ${f(forecast[c])}`;
  if (mode === 'hotspots') {
    const map = hotspotMap(forecast, slice.actual, run.area, run.region, coverage);
    return {
      fills: Array.from(map.classes, (k) => HOTSPOT_CLASSES[k].colour),
      legend: { title: `${name}: hotspots at ${formatPercent(coverage)}`, classes: HOTSPOT_CLASSES },
      describe: (c) => `${base(c)}\n${HOTSPOT_CLASSES[map.classes[c]].label}`,
      caption:
        `${name} flags ${map.flagged} cells (${formatPercent(map.areaShare, 1)} of the study area) that held ${map.captured} of ${map.total} incidents ` +
        `(hit rate ${formatPercent(map.total > 0 ? map.captured / map.total : Number.NaN, 1)}; PAI ${f(map.total > 0 && map.areaShare > 0 ? map.captured / map.total / map.areaShare : Number.NaN)}).`,
    };
  }
  if (mode === 'error') {
    const error = Float32Array.from(forecast, (v, c) => v - slice.actual[c]);
    let maxAbs = 0;
    let sum = 0;
    for (const e of error) {
      maxAbs = Math.max(maxAbs, Math.abs(e));
      sum += Math.abs(e);
    }
    const scale = divergingScale(maxAbs);
    return {
      fills: Array.from(error, scale.colour),
      legend: { title: `${name} − actual`, scale },
      describe: (c) => `${base(c)}\nerror ${f(error[c])}`,
      caption: `Forecast minus actual count per cell; mean absolute error ${f(sum / Math.max(1, C))}.`,
    };
  }
  let max = 0;
  for (const v of slice.actual) max = Math.max(max, v);
  for (const v of slice.forecasts) max = Math.max(max, v);
  const scale = sequentialScale(max);
  const values = mode === 'actual' ? slice.actual : forecast;
  let total = 0;
  for (const v of values) total += v;
  return {
    fills: Array.from(values, scale.colour),
    legend: { title: mode === 'actual' ? 'Actual incidents' : `${name}: expected incidents`, scale },
    describe: base,
    caption: mode === 'actual' ? `${f(total)} incidents in this period.` : `${name} expects ${f(total)} incidents in this period over all cells.`,
  };
}
