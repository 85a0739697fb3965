/**
 * A duration for people: milliseconds below a second, seconds with two decimals below ten
 * seconds and one below a minute, then minutes and seconds; '< 1 ms' for less than a
 * millisecond and '–' for NaN.
 * @example formatDuration(0.2) // → '< 1 ms'; formatDuration(9.8) // → '10 ms'; formatDuration(1234) // → '1.23 s'; formatDuration(75_000) // → '1 min 15 s'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1) return '< 1 ms';
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 9995) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
