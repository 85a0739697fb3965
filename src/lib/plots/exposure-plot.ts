import { scaleLinear } from 'd3';
import type { ReportExposure } from '../evaluate/exposure/report-exposure';
import { coverageKey } from '../evaluate/metric-catalogue';
import type { Tick } from './line-plot';
import { MODEL_COLOURS } from './palette';

/** One selection's ratio for one group: a dot at the mean and a whisker over the fold interval. */
export interface ExposureMark {
  readonly selection: string;
  readonly group: string;
  readonly colour: string;
  /** Dot shape: models are circles, the hindsight oracle a diamond, random selection a square (colour is never the only cue). */
  readonly shape: 'circle' | 'diamond' | 'square';
  readonly x: number;
  readonly y: number;
  /** Whisker ends in pixels (absent without an interval). */
  readonly lo?: number;
  readonly hi?: number;
  /** The ratio itself, for the tooltip. */
  readonly value: number;
}

/** The exposure chart as data: one band per group, one mark per selection in it, a reference line at ratio 1. Rendered by ExposureChart.svelte. */
export interface ExposurePlot {
  readonly width: number;
  readonly height: number;
  readonly frame: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly Tick[];
  readonly xLabel: string;
  /** Group labels at the middle of their band. */
  readonly groups: readonly { readonly name: string; readonly y: number }[];
  readonly marks: readonly ExposureMark[];
  /** x of ratio 1 (flagged in proportion to population). */
  readonly reference: number;
  readonly legend: readonly { readonly x: number; readonly y: number; readonly name: string; readonly colour: string; readonly shape: ExposureMark['shape'] }[];
}

/**
 * Lays out the exposure chart at one coverage level: for each population group a band, in it
 * one dot per selection (models, hindsight oracle, random selection) at its exposure ratio —
 * share of flags ÷ share of population — with a whisker over the 95 % fold interval, and a
 * dashed line at 1. x runs from 0 to the largest value shown (at least 2), linear, so a ratio
 * of 0 (a group never flagged) stays on the chart.
 * @example exposurePlot(report.exposure, 0.05).marks.length // → groups × selections (NaN ratios left out)
 */
export function exposurePlot(exposure: ReportExposure, coverage: number, options: { readonly width?: number } = {}): ExposurePlot {
  const key = coverageKey(coverage);
  const width = options.width ?? 560;
  const S = exposure.selections.length;
  const G = exposure.groups.length;
  const band = Math.max(36, 12 * S + 12);
  const label = Math.ceil(Math.min(180, 24 + 6.5 * Math.max(0, ...exposure.groups.map((g) => Math.min(g.length, 24)))));
  const frame = { left: label, top: 10, right: width - 16, bottom: 10 + band * G };
  const values = exposure.selections.flatMap((s) => s.coverage[key]?.ratio.flatMap((r) => [r.mean, r.hi]) ?? []).filter(Number.isFinite);
  const x = scaleLinear()
    .domain([0, Math.max(2, ...values)])
    .range([frame.left, frame.right])
    .nice();
  const count = Math.max(2, Math.floor((frame.right - frame.left) / 80));
  const format = x.tickFormat(count);
  const xTicks = x.ticks(count).map((value) => ({ value, position: x(value), label: format(value) }));
  const shapeOf = (kind: string): ExposureMark['shape'] => (kind === 'hindsight' ? 'diamond' : kind === 'random' ? 'square' : 'circle');
  const colourOf = (i: number, kind: string): string =>
    kind === 'hindsight' ? '#555555' : kind === 'random' ? '#999999' : MODEL_COLOURS[i % MODEL_COLOURS.length];
  const marks: ExposureMark[] = [];
  exposure.groups.forEach((group, g) => {
    exposure.selections.forEach((selection, i) => {
      const ratio = selection.coverage[key]?.ratio[g];
      if (!ratio || !Number.isFinite(ratio.mean)) return;
      const interval = Number.isFinite(ratio.lo) && Number.isFinite(ratio.hi);
      marks.push({
        selection: selection.name,
        group,
        colour: colourOf(i, selection.kind),
        shape: shapeOf(selection.kind),
        x: x(ratio.mean),
        y: frame.top + g * band + 12 + i * 12,
        ...(interval && { lo: x(ratio.lo), hi: x(ratio.hi) }),
        value: ratio.mean,
      });
    });
  });
  const legendColumn = Math.max(120, 40 + 6.5 * Math.max(0, ...exposure.selections.map((s) => s.name.length)));
  const columns = Math.max(1, Math.floor((width - 16) / legendColumn));
  const legendTop = frame.bottom + 40;
  const legend = exposure.selections.map((s, i) => ({
    x: 16 + (i % columns) * legendColumn,
    y: legendTop + Math.floor(i / columns) * 18,
    name: s.name,
    colour: colourOf(i, s.kind),
    shape: shapeOf(s.kind),
  }));
  return {
    width,
    height: legendTop + Math.ceil(S / columns) * 18 + 4,
    frame,
    xTicks,
    xLabel: 'Share of flags ÷ share of population (1 = in proportion)',
    groups: exposure.groups.map((name, g) => ({ name, y: frame.top + g * band + band / 2 })),
    marks,
    reference: x(1),
    legend,
  };
}
