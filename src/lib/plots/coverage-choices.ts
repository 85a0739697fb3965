/**
 * The coverage level charts show by default: the middle one of the protocol's levels (the
 * upper middle for an even count).
 * @example middleCoverage([0.01, 0.05, 0.1]) // → 0.05
 */
export function middleCoverage(coverage: readonly number[]): number {
  return coverage[Math.floor(coverage.length / 2)];
}

/**
 * How far a zoomed capture-curve chart runs along the share of area flagged: twice the largest
 * coverage level, at least 20 % and at most all of it, so every level sits well inside.
 * @example captureZoom([0.01, 0.05, 0.1]) // → 0.2
 */
export function captureZoom(coverage: readonly number[]): number {
  return Math.min(1, Math.max(0.2, coverage[coverage.length - 1] * 2));
}
