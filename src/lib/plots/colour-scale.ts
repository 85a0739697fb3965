import { interpolatePuOr, interpolateViridis, scaleDiverging, scaleSequentialSqrt, ticks as niceTicks } from 'd3';
import { formatCompact } from '../base/format-compact';

/** The fill of a cell with exactly zero (no incidents, nothing forecast): a light grey, apart from the ramp. */
export const ZERO_FILL = '#ececec';

/** A colour scale with what a legend needs: gradient stops and labelled ticks (positions 0–1 along the ramp). */
export interface ColourScale {
  readonly colour: (value: number) => string;
  readonly stops: readonly { readonly offset: number; readonly colour: string }[];
  readonly ticks: readonly { readonly position: number; readonly label: string }[];
  /** Words at the two ends of the ramp, e.g. 'forecast below actual'. */
  readonly ends?: readonly [string, string];
}

/**
 * Sequential scale for counts and rates: reversed viridis (light yellow for few, dark purple
 * for many; perceptually uniform and readable with every common colour-vision deficiency) on a
 * square-root scale from 0 to `max`, so a few busy cells do not wash out the rest. Exactly 0 is
 * `ZERO_FILL`; NaN is white.
 * @example sequentialScale(100).colour(0) // → '#ececec'
 */
export function sequentialScale(max: number): ColourScale {
  const top = max > 0 && Number.isFinite(max) ? max : 1;
  const interpolate = (t: number): string => interpolateViridis(1 - t);
  const scale = scaleSequentialSqrt(interpolate).domain([0, top]).clamp(true);
  // Nice values, minus those that would crowd the top of the square-root ramp (keeping the largest).
  const ticks: { position: number; label: string }[] = [];
  for (const value of niceTicks(0, top, 5).reverse()) {
    const position = Math.sqrt(value / top);
    if (ticks.length === 0 || ticks[ticks.length - 1].position - position >= 0.12) ticks.push({ position, label: formatCompact(value, 2) });
  }
  return {
    colour: remembered((value) => (Number.isNaN(value) ? '#ffffff' : value === 0 ? ZERO_FILL : scale(value))),
    stops: rampStops(interpolate),
    ticks: ticks.reverse(),
  };
}

/** Values remembered per scale: counts repeat (50,000 cells' totals take a few hundred values), forecasts rarely. */
const REMEMBERED = 4096;

/**
 * `colour` with its answers for the first `REMEMBERED` distinct values kept: the same strings,
 * without d3's interpolation and formatting again for each of thousands of cells with the same count.
 */
function remembered(colour: (value: number) => string): (value: number) => string {
  const known = new Map<number, string>();
  return (value) => {
    let answer = known.get(value);
    if (answer === undefined) {
      answer = colour(value);
      if (known.size < REMEMBERED) known.set(value, answer);
    }
    return answer;
  };
}

/**
 * Diverging scale for errors (forecast − actual): purple for forecasts below the actual count,
 * orange for forecasts above it (ColorBrewer PuOr, safe for colour-blind readers), white at 0,
 * symmetric on [−`maxAbs`, `maxAbs`].
 * @example divergingScale(4).colour(0) // → 'rgb(243, 238, 234)'
 */
export function divergingScale(maxAbs: number): ColourScale {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  const scale = scaleDiverging(interpolatePuOr).domain([-m, 0, m]).clamp(true);
  const values = [-m, -m / 2, 0, m / 2, m];
  return {
    colour: (value) => (Number.isNaN(value) ? '#ffffff' : scale(value)),
    stops: rampStops(interpolatePuOr),
    ticks: values.map((value) => ({ position: (value + m) / (2 * m), label: formatCompact(value, 2) })),
    ends: ['forecast below actual', 'forecast above actual'],
  };
}

function rampStops(interpolate: (t: number) => string): { offset: number; colour: string }[] {
  return Array.from({ length: 11 }, (_, i) => ({ offset: i / 10, colour: interpolate(i / 10) }));
}
