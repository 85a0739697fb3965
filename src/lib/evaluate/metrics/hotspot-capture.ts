import type { HotspotCut, HotspotRanking } from './hotspot-ranking';

/** Incidents in a flagged area: the expectation over the order of the tied cells, and its extremes. */
export interface HotspotCapture {
  /** n: whole groups' incidents + s × the boundary group's incidents. */
  readonly expected: number;
  /** The boundary group's cells taken worst-first (fewest incidents per m² first), the last one in part. */
  readonly worst: number;
  /** … and best-first. */
  readonly best: number;
}

/**
 * Incidents held by the first g groups of a ranking, for g = 0 … G (G + 1 entries).
 * @example capturedPrefix(hotspotRanking([3, 2, 2], [1, 1, 1], [1, 1, 1]), [6, 3, 0]) // → [0, 6, 9]
 */
export function capturedPrefix(ranking: HotspotRanking, actual: ArrayLike<number>): Float64Array {
  const { order, groupStart } = ranking;
  const prefix = new Float64Array(groupStart.length);
  let sum = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    for (let r = groupStart[g]; r < groupStart[g + 1]; r++) sum += actual[order[r]];
    prefix[g + 1] = sum;
  }
  return prefix;
}

/**
 * Incidents captured by the flagged area of a cut, in expectation over the order of the tied
 * cells: the whole groups' incidents + s × the boundary group's (see `hotspotCapture`).
 * @example expectedCapture({ groups: 1, cells: 1, end: 3, share: 0.5 }, [0, 6, 16, 16]) // → 11
 */
export function expectedCapture(cut: HotspotCut, prefix: Float64Array): number {
  const whole = prefix[cut.groups];
  return cut.end === cut.cells ? whole : whole + cut.share * (prefix[cut.groups + 1] - whole);
}

/**
 * Incidents captured by the flagged area of a cut: every tied cell of the boundary group is
 * taken in the same share s of its area and counts s of its incidents, so the expectation over
 * every order of the tied cells is exact (for cells of equal area). `worst`/`best` order the
 * boundary group's cells by observed incidents per m², ascending/descending, and take them
 * until the same area s·(group area) is flagged, the last cell in part: the pessimistic and
 * optimistic tie rules (as in ptools' `pai`, which sorts ties by count ascending).
 * @example const r = hotspotRanking([3, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]);
 * hotspotCapture(r, hotspotCut(r, 0.5), [6, 7, 3, 0], [1, 1, 1, 1], capturedPrefix(r, [6, 7, 3, 0]))
 * // → { expected: 11, worst: 9, best: 13 }: cell 0, then half of the tie {7, 3}
 */
export function hotspotCapture(
  ranking: HotspotRanking,
  cut: HotspotCut,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  prefix: Float64Array,
): HotspotCapture {
  const whole = prefix[cut.groups];
  const expected = expectedCapture(cut, prefix);
  if (cut.end === cut.cells) return { expected, worst: expected, best: expected };
  const cells = Array.from(ranking.order.subarray(cut.cells, cut.end));
  const density = (i: number): number => actual[i] / area[i];
  cells.sort((i, j) => density(i) - density(j) || area[i] - area[j]);
  const goal = cut.share * (ranking.groupArea[cut.groups + 1] - ranking.groupArea[cut.groups]);
  const take = (sequence: number[]): number => {
    let left = goal;
    let sum = 0;
    for (const i of sequence) {
      if (left <= 0) break;
      const part = Math.min(1, left / area[i]);
      sum += part * actual[i];
      left -= area[i];
    }
    return whole + sum;
  };
  return { expected, worst: take(cells), best: take(cells.reverse()) };
}
