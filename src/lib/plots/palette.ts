/**
 * Model colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
 * distinguishable under the common colour-vision deficiencies, without its black — black is the
 * actual counts' alone (`ACTUAL_STYLE`) — plus Paul Tol's wine (#882255, "muted" scheme) as the
 * eighth.
 */
export const MODEL_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#882255'] as const;

/**
 * Dash patterns (SVG stroke-dasharray) by kind, one per round of eight colours: baselines are
 * always dashed, learned models start solid, and the two sets share no pattern, so a colour is
 * never the only cue and a baseline never looks like a learned model.
 */
export const DASHES = {
  baseline: ['6 3', '2 3', '10 3 2 3', '1 2'],
  learned: ['', '12 3', '8 3 2 3 2 3', '4 4'],
} as const;

/** How a series is drawn: stroke colour, dash pattern ('' = solid), stroke width and an optional point marker. */
export interface SeriesStyle {
  readonly colour: string;
  readonly dash: string;
  readonly width: number;
  readonly marker?: 'dot';
}

/**
 * The style of series i of a chart: colour i mod 8, and the dash of its kind for round ⌊i / 8⌋.
 * No two of the first 32 series share colour and dash (series i and j share a colour only when
 * j = i + 8k, and then their rounds, or their kinds, differ), and none is black.
 * @example seriesStyle(8, 'learned') // → { colour: '#0072B2', dash: '12 3', width: 2 } (naive, series 0, is '6 3')
 */
export function seriesStyle(i: number, kind: 'baseline' | 'learned' = 'learned'): SeriesStyle {
  const round = Math.floor(i / MODEL_COLOURS.length);
  const dashes = DASHES[kind];
  return { colour: MODEL_COLOURS[i % MODEL_COLOURS.length], dash: dashes[round % dashes.length], width: 2 };
}

/** The actual (observed) counts: black, thicker than any model, solid, with a dot at every period. */
export const ACTUAL_STYLE: SeriesStyle = { colour: '#000000', dash: '', width: 3, marker: 'dot' };
