/**
 * Writes a lesson's controls into the page's query (`?lesson=ID&…`) without a new history entry,
 * keeping the hash (the workbench's experiment), so that the link reproduces the state.
 */
export function replaceLessonQuery(lesson: string, values: Readonly<Record<string, string | number | null>>): void {
  const params = new URLSearchParams({ lesson });
  for (const [key, value] of Object.entries(values)) if (value !== null) params.set(key, String(value));
  history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
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
