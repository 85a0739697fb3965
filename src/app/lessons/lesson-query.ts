/**
 * A lesson's controls in the page's query (`?lesson=ID&seed=7&…`), so a link reproduces the state:
 * `readLessonQuery` at mount, `lessonQuery` to build the query string, `replaceLessonQuery` after a change
 * (history.replaceState: no new history entry; the hash, where the workbench keeps its experiment, stays).
 */

/** An integer parameter of `search` within [min, max], or `fallback` when absent or not such a number. */
export function intParam(search: string, name: string, fallback: number, min: number, max: number): number {
  const raw = new URLSearchParams(search).get(name);
  const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/** A parameter of `search` that must be one of `choices`, or `fallback`. */
export function choiceParam<T extends string>(search: string, name: string, choices: readonly T[], fallback: T): T {
  const raw = new URLSearchParams(search).get(name);
  return choices.find((choice) => choice === raw) ?? fallback;
}

/**
 * The query string of lesson `id` with `values` (entries that are null or undefined are left out), in the order given.
 * @example lessonQuery('feedback', { seed: 7, guess: null }) // → '?lesson=feedback&seed=7'
 */
export function lessonQuery(id: string, values: Readonly<Record<string, string | number | null | undefined>>): string {
  const params = new URLSearchParams({ lesson: id });
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined) params.set(name, String(value));
  return `?${params.toString()}`;
}

/** Puts `lessonQuery(id, values)` in the address bar, keeping the hash. */
export function replaceLessonQuery(id: string, values: Record<string, string | number | null>): void {
  const query = lessonQuery(id, values);
  if (query !== location.search) history.replaceState(history.state, '', `${query}${location.hash}`);
}

/**
 * A whole number from a query parameter, clamped to [min, max]; `fallback` when absent or not a number.
 * @example queryInteger(new URLSearchParams('k=250'), 'k', 20, 1, 100) // → 100
 */
export function queryInteger(params: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const text = params.get(key);
  const value = text === null || text.trim() === '' ? NaN : Math.round(Number(text));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * A query parameter that must be one of `allowed`; null otherwise.
 * @example queryChoice(new URLSearchParams('metric=mae'), 'metric', ['pai', 'mae']) // → 'mae'
 */
export function queryChoice<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | null {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

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
