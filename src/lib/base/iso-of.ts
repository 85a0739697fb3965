/**
 * An ISO-8601 string for a time on a clock: instants end in 'Z'; wall-clock readings have
 * no zone designator (they are local times).
 * @example isoOf(Date.UTC(2018, 0, 1), 'wall') // → '2018-01-01T00:00:00'
 */
export function isoOf(t: number, clock: 'instant' | 'wall'): string {
  const text = new Date(t).toISOString();
  return clock === 'wall' ? text.slice(0, 19) : text;
}
