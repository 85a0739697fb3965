import { describe, expect, it } from 'vitest';
import { exposureOfRun } from './exposure-of-run';
import type { ReportExposure } from './report-exposure';
import { toyAreas, toyInput } from './test-world';

// Four cells of area 1. Group A lives mostly in c0, group B in c1–c3:
//   A = [90, 10, 0, 50] (150), B = [10, 90, 100, 50] (250) → population shares 0.375, 0.625.
const cells = ['c0', 'c1', 'c2', 'c3'];
const areas = toyAreas(cells, { A: [90, 10, 0, 50], B: [10, 90, 100, 50] });
// One fold: the model forecasts [5, 3, 1, 0]; the incidents were [2, 0, 4, 2].
const oneFold = toyInput(cells, [[2, 0, 4, 2]], { m: [[5, 3, 1, 0]] }, areas, [0.25, 0.5]);
const means = (report: ReportExposure, name: string, key: string, what: 'share' | 'ratio' | 'ratioToIncidents'): number[] =>
  report.selections.find((s) => s.name === name)!.coverage[key][what].map((x) => x.mean);

describe('exposureOfRun on a hand-computed world', () => {
  const report = exposureOfRun(oneFold);

  it('population shares 150/400 and 250/400; incident shares: c0 2·(0.9, 0.1) + c2 4·(0, 1) + c3 2·(0.5, 0.5) = (2.8, 5.2) of 8', () => {
    expect(report.groups).toEqual(['A', 'B']);
    expect(report.population).toEqual([150, 250]);
    expect(report.populationShare).toEqual([0.375, 0.625]);
    expect(report.incidentShare[0].mean).toBeCloseTo(2.8 / 8, 12);
    expect(report.incidentShare[1].mean).toBeCloseTo(5.2 / 8, 12);
    expect([report.regionCells, report.populatedCells, report.uncoveredCells, report.coveredShare, report.groupsOfTotal, report.unassignedIncidents]).toEqual([
      4, 4, 0, 1, 1, 0,
    ]);
  });

  it('with only A listed, the rest of the total is its own group: the same shares as listing B, and A is 150/400 of the total', () => {
    const onlyA = { ...areas, groups: [areas.groups[0]] };
    const rest = exposureOfRun(toyInput(cells, [[2, 0, 4, 2]], { m: [[5, 3, 1, 0]] }, onlyA, [0.25, 0.5]));
    expect(rest.groups).toEqual(['A', 'rest of total']);
    expect(rest.population).toEqual([150, 250]);
    expect(rest.populationShare).toEqual([0.375, 0.625]);
    expect(rest.groupsOfTotal).toBe(0.375);
    expect(means(rest, 'm', '0.25', 'share')).toEqual([0.9, 0.1]);
    // Over A alone, A would take every flag (share 1): the rest group keeps the shares honest.
  });

  it('the model at 25 % flags c0 (A 90, B 10): shares 0.9/0.1, ratios 0.9/0.375 = 2.4 and 0.1/0.625 = 0.16, against incidents 0.9/0.35 and 0.1/0.65', () => {
    expect(means(report, 'm', '0.25', 'share')).toEqual([0.9, 0.1]);
    const [a, b] = means(report, 'm', '0.25', 'ratio');
    expect(a).toBeCloseTo(2.4, 12);
    expect(b).toBeCloseTo(0.16, 12);
    const [ai, bi] = means(report, 'm', '0.25', 'ratioToIncidents');
    expect(ai).toBeCloseTo(0.9 / 0.35, 12);
    expect(bi).toBeCloseTo(0.1 / 0.65, 12);
    // …and at 50 % c0 and c1: A 100, B 100.
    expect(means(report, 'm', '0.5', 'share')).toEqual([0.5, 0.5]);
  });

  it('the hindsight oracle at 25 % flags c2 (B only); at 50 % c2 and half of the tie {c0, c3}: A 0.5·90 + 0.5·50 = 70, B 100 + 5 + 25 = 130', () => {
    expect(means(report, 'hindsight oracle', '0.25', 'share')).toEqual([0, 1]);
    const [a, b] = means(report, 'hindsight oracle', '0.5', 'share');
    expect(a).toBeCloseTo(70 / 200, 12);
    expect(b).toBeCloseTo(130 / 200, 12);
  });

  it('random selection is flagged exactly in proportion to population: shares 0.375/0.625, ratio 1', () => {
    for (const key of ['0.25', '0.5']) {
      const [a, b] = means(report, 'random selection', key, 'share');
      expect(a).toBeCloseTo(0.375, 12);
      expect(b).toBeCloseTo(0.625, 12);
      means(report, 'random selection', key, 'ratio').forEach((r) => expect(r).toBeCloseTo(1, 12));
    }
  });

  it('lists the models in report order, then the oracle, then random selection, with the rule, caveat and four sources', () => {
    expect(report.selections.map((s) => [s.name, s.kind])).toEqual([
      ['m', 'model'],
      ['hindsight oracle', 'hindsight'],
      ['random selection', 'random'],
    ]);
    expect(report.caveat).toContain('exposure to a flag is not harm');
    expect(report.sources).toHaveLength(4);
  });
});

describe('exposureOfRun over folds', () => {
  // Six folds: the model always forecasts c0 highest; incidents move around.
  const actual = [
    [1, 0, 0, 0],
    [0, 2, 0, 1],
    [0, 0, 3, 0],
    [1, 1, 1, 1],
    [0, 0, 0, 5],
    [2, 0, 1, 0],
  ];
  const input = toyInput(
    cells,
    actual,
    { sticky: actual.map(() => [9, 1, 1, 0]), lagged: actual.map((_, k) => actual[Math.max(0, k - 1)]) },
    areas,
    [0.25, 0.5],
  );
  const report = exposureOfRun(input);

  it('exposure shares sum to 1 across groups in every fold for every selection and coverage (their fold means too)', () => {
    for (const selection of report.selections) {
      for (const key of ['0.25', '0.5']) {
        const shares = selection.coverage[key].share;
        expect(shares[0].mean + shares[1].mean).toBeCloseTo(1, 12);
        expect(shares[0].n).toBe(6);
      }
    }
    const incident = report.incidentShare;
    expect(incident[0].mean + incident[1].mean).toBeCloseTo(1, 12);
  });

  it('a model that flags c0 in all six folds: persistence 1, Gini of [6, 0, 0, 0] = 2·4·6/(4·6) − 5/4 = 0.75, one distinct cell; the interval of a constant share is that share', () => {
    const sticky = report.selections[0].coverage['0.25'];
    expect([sticky.persistence, sticky.gini, sticky.distinctCells, sticky.distinctWhole]).toEqual([1, 0.75, 1, 1]);
    expect(sticky.share[0]).toEqual({ mean: 0.9, lo: 0.9, hi: 0.9, n: 6 });
    // At 50 % c0 whole and the tie {c1, c2} in half each, every fold: flags [6, 3, 3, 0].
    const half = report.selections[0].coverage['0.5'];
    expect([half.persistence, half.distinctCells, half.distinctWhole]).toEqual([0.5, 3, 1]);
    expect(half.gini).toBeCloseTo((2 * (2 * 3 + 3 * 3 + 4 * 6)) / (4 * 12) - 5 / 4, 12);
  });

  it('random selection over 6 periods at 25 % of 4 cells: persistence = Σ_{x ≥ 5} x·b(x)/(6·0.25), distinct = 4(1 − 0.75⁶)', () => {
    const random = report.selections.find((s) => s.kind === 'random')!.coverage['0.25'];
    const b = (x: number, n = 6, p = 0.25): number => [1, 6, 15, 20, 15, 6, 1][x] * p ** x * (1 - p) ** (n - x);
    expect(random.persistence).toBeCloseTo((5 * b(5) + 6 * b(6)) / 1.5, 12);
    expect(random.distinctCells).toBeCloseTo(4 * (1 - 0.75 ** 6), 12);
  });

  it('does not depend on the order of the panel cells or of the area file’s cells', () => {
    const order = [2, 0, 3, 1];
    const permute = <T>(row: readonly T[]): T[] => order.map((i) => row[i]);
    const cellsP = permute(cells);
    const areasP = toyAreas(permute(['c0', 'c1', 'c2', 'c3']).reverse(), {
      A: permute([90, 10, 0, 50]).reverse(),
      B: permute([10, 90, 100, 50]).reverse(),
    });
    const permuted = exposureOfRun(
      toyInput(
        cellsP,
        actual.map(permute),
        { sticky: actual.map(() => permute([9, 1, 1, 0])), lagged: actual.map((_, k) => permute(actual[Math.max(0, k - 1)])) },
        areasP,
        [0.25, 0.5],
      ),
    );
    const round = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));
    expect(round(permuted)).toEqual(round(report));
  });
});

describe('exposureOfRun edge cases', () => {
  it('a flag on cells nobody lives in gives NaN shares for that fold, and incidents there are unassigned', () => {
    const empty = toyAreas(cells, { A: [0, 0, 10, 0], B: [0, 0, 30, 0] });
    const report = exposureOfRun(toyInput(cells, [[4, 0, 0, 0]], { m: [[5, 0, 0, 0]] }, empty, [0.25]));
    expect(report.selections[0].coverage['0.25'].share.map((x) => x.n)).toEqual([0, 0]);
    expect(report.unassignedIncidents).toBe(1);
    expect(report.populatedCells).toBe(1);
  });

  it('cells the area file does not list have no population and count as uncovered', () => {
    const partial = toyAreas(['c0', 'c1'], { A: [1, 3], B: [3, 1] }, [1, 0.5]);
    const report = exposureOfRun(toyInput(cells, [[1, 1, 1, 1]], { m: [[4, 3, 2, 1]] }, partial, [0.25]));
    expect([report.uncoveredCells, report.coveredShare, report.populationShare]).toEqual([2, 1.5 / 4, [0.5, 0.5]]);
    expect(report.selections[0].coverage['0.25'].share.map((x) => x.mean)).toEqual([0.25, 0.75]);
  });
});
