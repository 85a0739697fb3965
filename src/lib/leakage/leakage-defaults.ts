/**
 * The models the leakage lab runs when none are chosen: the naive forecast, the two long-run
 * averages and the kernel density, which between them react to every mistake (the random split
 * moves "the last period"; pooling and smoothing see future cells). This module imports no
 * code, so the app's main thread can read it without loading the lab.
 * @example LEAKAGE_MODELS.length // → 4
 */
export const LEAKAGE_MODELS: readonly string[] = ['naive', 'historic-average', 'shrunk-average', 'kde'];
