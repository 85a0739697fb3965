/** Most helper workers a run starts: with the app's worker, five workers compute (more rarely pays for the panel copies and start-up). */
export const MAX_HELPERS = 4;

/**
 * Helper workers a run may spread over besides the app's worker: one fewer than the logical cores
 * (`navigator.hardwareConcurrency`; the page's own thread needs little during a run), at least 1
 * (on a 2-core machine the worker and one helper compute) and at most `MAX_HELPERS`. The URL
 * parameter `?workers=N` overrides it with N workers in all (`?workers=1`: the pool is off, the
 * single-worker path; the browser test compares the two); a value that is not a whole number ≥ 1
 * is ignored.
 * @example helperCount(2, '') // → 1
 * @example helperCount(16, '') // → 4
 * @example helperCount(8, '?workers=1') // → 0
 */
export function helperCount(cores: number | undefined, search: string): number {
  const asked = new URLSearchParams(search).get('workers');
  if (asked !== null && /^\d+$/.test(asked) && Number(asked) >= 1) return Math.min(MAX_HELPERS, Number(asked) - 1);
  const logical = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.min(MAX_HELPERS, Math.max(1, logical - 1));
}
