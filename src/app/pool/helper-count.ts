/** Most helper workers a run starts: with the app's worker, five workers compute (more rarely pays for the panel copies and start-up). */
export const MAX_HELPERS = 4;

/**
 * Helper workers a run may spread over besides the app's worker: by default one fewer than the
 * logical cores (`navigator.hardwareConcurrency`, taken as 1 when unknown; so a 2-core machine
 * computes on the worker and one helper, a 1-core one on the worker alone; at most `MAX_HELPERS`). The helpers forward their folds' progress, so a
 * spread run draws the same live training curves as one worker. `?workers=N` asks for N workers
 * in all (`?workers=1`: the single-worker path, no helper; the browser test compares the two);
 * `?workers=auto` is the default said out loud. Any other value is ignored.
 * @example helperCount(2, '') // → 1
 * @example helperCount(1, '') // → 0
 * @example helperCount(16, '') // → 4
 * @example helperCount(8, '?workers=1') // → 0
 * @example helperCount(8, '?workers=3') // → 2
 */
export function helperCount(cores: number | undefined, search: string): number {
  const asked = new URLSearchParams(search).get('workers');
  if (asked !== null && /^\d+$/.test(asked) && Number(asked) >= 1) return Math.min(MAX_HELPERS, Number(asked) - 1);
  const logical = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.min(MAX_HELPERS, logical - 1);
}
