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
 * The query string of lesson `id` with `values` (entries that are null are left out), in the order given.
 * @example lessonQuery('feedback', { seed: 7, guess: null }) // → '?lesson=feedback&seed=7'
 */
export function lessonQuery(id: string, values: Record<string, string | number | null>): string {
  const params = new URLSearchParams({ lesson: id });
  for (const [name, value] of Object.entries(values)) if (value !== null) params.set(name, String(value));
  return `?${params.toString()}`;
}

/** Puts `lessonQuery(id, values)` in the address bar, keeping the hash. */
export function replaceLessonQuery(id: string, values: Record<string, string | number | null>): void {
  const query = lessonQuery(id, values);
  if (query !== location.search) history.replaceState(history.state, '', `${query}${location.hash}`);
}
