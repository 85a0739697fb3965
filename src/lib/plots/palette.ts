/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours that stay
 * distinguishable under the common colour-vision deficiencies. Series beyond eight repeat
 * colours with a dash pattern, and baselines are always dashed, so colour is never the only cue.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Dash patterns (SVG stroke-dasharray) used in turn once colours run out, '' = solid. */
export const DASHES = ['', '6 3', '2 2', '8 3 2 3'] as const;

/** The colour and dash of series i; baselines get a dash even within the first eight. */
export function seriesStyle(i: number, kind: 'baseline' | 'learned' = 'learned'): { colour: string; dash: string } {
  const colour = OKABE_ITO[i % OKABE_ITO.length];
  const round = Math.floor(i / OKABE_ITO.length);
  const dash = kind === 'baseline' ? DASHES[1 + (round % (DASHES.length - 1))] : DASHES[round % DASHES.length];
  return { colour, dash };
}
