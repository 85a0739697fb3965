import { line, scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';
import type { BucketUnit } from '../grid/time-bucket';
import { seriesStyle, type SeriesStyle } from './palette';
import { timeTicks } from './time-ticks';

/** One axis tick: data value, pixel position and label. */
export interface Tick {
  readonly value: number;
  readonly position: number;
  readonly label: string;
}

/** A series of a line plot, ready to draw: an SVG path plus its style (`SeriesStyle`) and legend name. */
export interface PlotSeries extends SeriesStyle {
  readonly name: string;
  readonly path: string;
  readonly kind: 'baseline' | 'learned';
  /** Pixel positions of the points (for tooltips and markers); NaN values are skipped. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly value: number; readonly at: number }[];
}

/** A line plot as data: size, plotting frame, ticks and series. Rendered by LineChart.svelte. */
export interface LinePlot {
  readonly width: number;
  readonly height: number;
  readonly frame: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly PlotSeries[];
  /** An optional reference line (e.g. the diagonal of a random selection), as a path. */
  readonly reference?: { readonly path: string; readonly label: string };
  /** Legend entries laid out in rows under the x-axis label, inside the SVG. */
  readonly legend: readonly ({ readonly x: number; readonly y: number; readonly name: string } & SeriesStyle)[];
}

/** Input series of `linePlot`: x and y values of equal length. */
export interface SeriesInput {
  readonly name: string;
  readonly kind?: 'baseline' | 'learned';
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** A fixed style (the actual counts' `ACTUAL_STYLE`) instead of the palette's by position; such series take no palette slot. */
  readonly style?: SeriesStyle;
}

/** Options of `linePlot`. */
export interface LinePlotOptions {
  readonly width?: number;
  readonly height?: number;
  readonly xLabel: string;
  readonly yLabel: string;
  /** 'time' for epoch-ms x values (UTC calendar ticks), 'linear' otherwise. */
  readonly xType?: 'linear' | 'time';
  /** For time x values that are starts of time buckets: ticks are never finer than the bucket (see `timeTicks`). */
  readonly xUnit?: BucketUnit;
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly xFormat?: (value: number) => string;
  readonly yFormat?: (value: number) => string;
  readonly reference?: { readonly points: readonly (readonly [number, number])[]; readonly label: string };
}

/**
 * Lays out a multi-series line plot with d3 scales: nice domains, ~6 ticks per axis (calendar
 * ticks from `timeTicks` on a time axis), one SVG path per series (gaps at NaN), styles from
 * the colour-blind-safe palette.
 * @example linePlot([{ name: 'a', x: [0, 1], y: [0, 1] }], { xLabel: 'x', yLabel: 'y' }).series[0].path
 *   // → 'M48,…L…' (pixel coordinates)
 */
export function linePlot(series: readonly SeriesInput[], options: LinePlotOptions): LinePlot {
  const width = options.width ?? 560;
  const plotHeight = options.height ?? 340;
  const frame = { left: 60, top: 12, right: width - 16, bottom: plotHeight - 44 };
  // Legend columns as wide as the longest name (≈ 6.5 px a character at 11 px) plus the swatch.
  const legendColumn = Math.max(120, 40 + 6.5 * Math.max(0, ...series.map((s) => s.name.length)));
  const columns = Math.max(1, Math.floor((width - frame.left) / legendColumn));
  const legendRows = Math.ceil(series.length / columns);
  const height = plotHeight + legendRows * 18 + (legendRows ? 6 : 0);
  const finite = (values: ArrayLike<number>): number[] => Array.from(values).filter(Number.isFinite);
  const xs = series.flatMap((s) => finite(s.x));
  const ys = series.flatMap((s) => finite(s.y));
  const extent = (values: number[], fallback: [number, number]): [number, number] => (values.length ? [Math.min(...values), Math.max(...values)] : fallback);
  const [x0, x1] = options.xDomain ?? extent(xs, [0, 1]);
  const [y0, y1] = options.yDomain ?? extent(ys, [0, 1]);
  const time = options.xType === 'time';
  const x: ScaleLinear<number, number> | ScaleTime<number, number> = time
    ? scaleUtc()
        .domain([x0, x1 === x0 ? x0 + 86_400_000 : x1])
        .range([frame.left, frame.right])
    : scaleLinear()
        .domain([x0, x1 === x0 ? x0 + 1 : x1])
        .range([frame.left, frame.right]);
  const y = scaleLinear()
    .domain([Math.min(0, y0), y1 === y0 ? y0 + 1 : y1])
    .range([frame.bottom, frame.top]);
  if (!options.xDomain && !time) (x as ScaleLinear<number, number>).nice();
  if (!options.yDomain) y.nice();
  const xCount = Math.max(2, Math.floor((frame.right - frame.left) / 90));
  const yDefault = y.tickFormat(6);
  const yFormat = options.yFormat ?? ((v: number) => yDefault(v).replace('-', '−'));
  let xTicks: Tick[];
  if (time) {
    const [start, end] = x.domain().map(Number);
    xTicks = timeTicks(start, end, xCount, options.xUnit).map(({ value, label }) => ({ value, position: x(value), label: options.xFormat?.(value) ?? label }));
  } else {
    const linear = x as ScaleLinear<number, number>;
    const xFormat = options.xFormat ?? linear.tickFormat(xCount);
    xTicks = linear.ticks(xCount).map((value) => ({ value, position: linear(value), label: xFormat(value) }));
  }
  const yTicks = y.ticks(6).map((value) => ({ value, position: y(value), label: yFormat(value) }));
  const path = line<[number, number]>()
    .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
    .x(([a]) => x(a))
    .y(([, b]) => y(b));
  let slot = 0;
  const out = series.map((s): PlotSeries => {
    const kind = s.kind ?? 'learned';
    const style = s.style ?? seriesStyle(slot++, kind);
    const pairs = Array.from({ length: s.x.length }, (_, k) => [s.x[k], s.y[k]] as [number, number]);
    return {
      name: s.name,
      kind,
      path: path(pairs) ?? '',
      ...style,
      points: pairs.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b)).map(([a, b]) => ({ x: x(a), y: y(b), value: b, at: a })),
    };
  });
  const reference = options.reference
    ? { path: path(options.reference.points.map(([a, b]) => [a, b] as [number, number])) ?? '', label: options.reference.label }
    : undefined;
  const legend = out.map((s, i) => ({
    x: frame.left + (i % columns) * legendColumn,
    y: plotHeight + 6 + Math.floor(i / columns) * 18,
    name: s.name,
    colour: s.colour,
    dash: s.dash,
    width: s.width,
    ...(s.marker && { marker: s.marker }),
  }));
  return { width, height, frame, xTicks, yTicks, xLabel: options.xLabel, yLabel: options.yLabel, series: out, reference, legend };
}
