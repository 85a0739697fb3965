import { divergingScale, sequentialScale } from '../../lib/plots/colour-scale';
import { formatCompact } from '../../lib/base/format-compact';
import { formatPercent } from '../../lib/base/format-number';
import { HOTSPOT_CLASSES, hotspotMap } from '../../lib/plots/hotspot-classes';
import type { RunResult, StepSlice } from '../../lib/worker/protocol';
import { cellLabel } from '../cell-name-lookup';
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
 * (forecast − actual, diverging), or the hotspots it flags at a coverage level (cells tied at
 * the boundary, flagged in part, marked apart). Tooltips name a cell by its place (`nameOf`) when the binning has place names. Hit rate, PAI and MAE in the captions are the
 * core's own scores of this step (`slice.scores`), never recomputed here.
 */
export function mapLayer(
  run: RunResult,
  slice: StepSlice,
  mode: MapMode,
  model: number,
  coverage: number,
  nameOf: (cell: string) => string | null = () => null,
): MapLayer {
  const C = run.cells.length;
  const forecast = slice.forecasts.subarray(model * C, (model + 1) * C);
  const name = run.models[model];
  const f = (v: number): string => formatCompact(v);
  const base = (c: number): string => `${cellLabel(run.cells[c], nameOf(run.cells[c]))}\nactual ${f(slice.actual[c])} · ${name} ${f(forecast[c])}`;
  if (mode === 'hotspots') {
    const map = hotspotMap(forecast, slice.actual, run.area, run.region, coverage);
    const score = slice.scores[model].hotspot.find((s) => s.coverage === coverage);
    if (!score) throw new RangeError(`mapLayer: the run was not scored at coverage ${coverage}`);
    const tied = score.tied > 0 ? ` and ${formatPercent(score.share, 0)} of the area of ${score.tied} cells tied at the boundary` : '';
    const { worst, best } = score;
    const hit = `${formatPercent(worst.hitRate, 1)}–${formatPercent(best.hitRate, 1)}`;
    const pai = `${f(worst.pai)}–${f(best.pai)}`;
    const moved = f(worst.pai) !== f(best.pai) || formatPercent(worst.hitRate, 1) !== formatPercent(best.hitRate, 1);
    const ranges = moved ? `; tied cells worst- to best-first: hit rate ${hit}, PAI ${pai}` : '';
    return {
      fills: Array.from(map.classes, (k) => HOTSPOT_CLASSES[k].colour),
      legend: { title: `${name}: hotspots at ${formatPercent(coverage)}`, classes: HOTSPOT_CLASSES },
      describe: (c) => `${base(c)}\n${HOTSPOT_CLASSES[map.classes[c]].label}`,
      caption:
        `${name} flags exactly ${formatPercent(coverage)} of the study area: ${score.cells} cells whole${tied}, holding ${f(score.captured)} of ${f(score.total)} incidents ` +
        `(hit rate ${formatPercent(score.hitRate, 1)}; PAI ${f(score.pai)}${ranges}).`,
    };
  }
  if (mode === 'error') {
    const error = Float32Array.from(forecast, (v, c) => v - slice.actual[c]);
    let maxAbs = 0;
    for (const e of error) maxAbs = Math.max(maxAbs, Math.abs(e));
    const scale = divergingScale(maxAbs);
    return {
      fills: Array.from(error, scale.colour),
      legend: { title: `${name} − actual`, scale },
      describe: (c) => `${base(c)}\nerror ${f(error[c])}`,
      caption: `Forecast minus actual count per cell; mean absolute error ${f(slice.scores[model].mae)}.`,
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
