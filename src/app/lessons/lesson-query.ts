/** One numeric control of a lesson as it appears in the link: its query key, range, step and default. */
export interface QueryNumber {
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly fallback: number;
}

/**
 * Reads numeric controls from a query string: each value parsed, clamped to [min, max] and
 * snapped to its step; a missing or unreadable value takes its fallback.
 * @example readQueryNumbers('?lesson=ceiling&seed=7', [{ key: 'seed', min: 1, max: 999, step: 1, fallback: 1 }]) // → { seed: 7 }
 */
export function readQueryNumbers(search: string, specs: readonly QueryNumber[]): Record<string, number> {
  const params = new URLSearchParams(search);
  const out: Record<string, number> = {};
  for (const spec of specs) {
    const raw = params.get(spec.key);
    const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
    out[spec.key] = Number.isFinite(value) ? snap(value, spec) : spec.fallback;
  }
  return out;
}

/** A value clamped to the control's range and rounded to its step (kept to the step's decimals). */
function snap(value: number, spec: QueryNumber): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = Math.round((clamped - spec.min) / spec.step);
  const decimals = (String(spec.step).split('.')[1] ?? '').length;
  return Number((spec.min + steps * spec.step).toFixed(decimals));
}

/**
 * The query string of a lesson's state: `lesson=ID`, then each entry in order (null/undefined
 * entries left out), so a link reproduces exactly what the learner sees.
 * @example lessonQuery('ceiling', { seed: 7, guess: null }) // → '?lesson=ceiling&seed=7'
 */
export function lessonQuery(id: string, entries: Readonly<Record<string, string | number | null | undefined>>): string {
  const params = new URLSearchParams({ lesson: id });
  for (const [key, value] of Object.entries(entries)) if (value !== null && value !== undefined) params.set(key, String(value));
  return `?${params.toString()}`;
}

/** A choice among ranges of a computed value, for "guess first" questions. */
export interface GuessBand {
  readonly label: string;
  /** The range [low, high) the answer falls in when this choice is right. */
  readonly low: number;
  readonly high: number;
}

/**
 * The index of the band that `value` falls in ([low, high)); the last band past the end.
 * @example bandOf([{ label: 'low', low: 0, high: 0.5 }, { label: 'high', low: 0.5, high: 1 }], 0.7) // → 1
 */
export function bandOf(bands: readonly GuessBand[], value: number): number {
  const i = bands.findIndex((g) => value >= g.low && value < g.high);
  return i < 0 ? bands.length - 1 : i;
}
