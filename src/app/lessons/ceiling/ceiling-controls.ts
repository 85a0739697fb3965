import { CEILING_DEFAULTS } from '../../../lib/lessons/ceiling-defaults';
import type { GuessBand } from '../../../lib/lessons/guess-bands';
import type { QueryNumber } from '../lesson-query';

/** A slider of the ceiling lesson: its query key, range, the input field it sets, and its label. */
export interface CeilingControl extends QueryNumber {
  readonly field: 'seed' | 'meanRate' | 'concentration' | 'noise' | 'excitation' | 'reportingSpread';
  readonly label: string;
  readonly hint: string;
}

/** The ceiling lesson's controls, in the order the page shows them; defaults from `CEILING_DEFAULTS`. */
export const CEILING_CONTROLS: readonly CeilingControl[] = [
  { key: 'hot', field: 'concentration', min: 0, max: 2, step: 0.1, label: 'Hotspot concentration', hint: '0: every cell alike' },
  { key: 'rate', field: 'meanRate', min: 0.05, max: 3, step: 0.05, label: 'Incidents per cell per period', hint: 'volume of data' },
  { key: 'noise', field: 'noise', min: 0, max: 1.5, step: 0.1, label: 'Unpredictable noise', hint: 'random shocks no forecast can know' },
  { key: 'repeat', field: 'excitation', min: 0, max: 0.8, step: 0.05, label: 'Near repeats', hint: 'extra incidents each incident triggers nearby' },
  { key: 'report', field: 'reportingSpread', min: 0, max: 2, step: 0.1, label: 'Reporting varies by area', hint: 'how unevenly incidents get recorded' },
  { key: 'seed', field: 'seed', min: 1, max: 999, step: 1, label: 'Seed', hint: 'another random world with the same settings' },
].map((c) => ({ ...c, fallback: CEILING_DEFAULTS[c.field as CeilingControl['field']] })) as readonly CeilingControl[];

/**
 * The learner's choices for "what share can the best possible forecast catch at 5 % of the area?",
 * each up to its upper edge `below`; `bandOf(CEILING_GUESSES, hitRate)` is the right one. The link
 * keeps a choice's position in this list.
 */
export const CEILING_GUESSES = [
  { id: 'about-5', label: 'about 5 % (no better than chance)', below: 0.1 },
  { id: 'about-15', label: 'about 15 %', below: 0.22 },
  { id: 'about-30', label: 'about 30 %', below: 0.4 },
  { id: 'about-50', label: 'about 50 %', below: 0.65 },
  { id: 'over-80', label: 'over 80 %', below: Infinity },
] as const satisfies readonly GuessBand[];
