import { describe, expect, test } from 'vitest';
import type { Panel } from '../grid/panel';
import type { ForecastSet } from '../evaluate/run-forecasts';
import { hotspotScores } from '../evaluate/metrics';
import { checkClaim } from './check-claim';
import { claimFoldValues } from './claim-fold-values';
import type { ClaimRun } from './claim-run';
import { claimVerdict, CLAIM_VERDICT_RULE } from './claim-verdict';
import { parseClaim } from './parse-claim';

/**
 * Four cells of 1 m², three folds of one step. Incidents per fold (periods 2, 3, 4):
 *   y = [3, 1, 0, 0], [0, 1, 3, 0], [0, 0, 1, 3]  (4 incidents each; two empty cells each)
 * 'kde(test)' ranks the 3-incident cell first, then the 1-incident cell; 'naive' the other way round.
 * At 25 % (one cell): kde 3/4 every fold, naive 1/4, hindsight 3/4, random (all tied) 1/4.
 */
function makeRun(models: readonly ('kde' | 'naive')[] = ['kde', 'naive']): ClaimRun {
  const y = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [3, 1, 0, 0],
    [0, 1, 3, 0],
    [0, 0, 1, 3],
  ];
  const forecasts = {
    kde: [2, 1, 0, 0, 0, 1, 2, 0, 0, 0, 1, 2],
    naive: [1, 2, 0, 0, 0, 2, 1, 0, 0, 0, 2, 1],
  };
  const panel = {
    res: 8,
    bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
    cells: ['a', 'b', 'c', 'd'],
    area: new Float64Array([1, 1, 1, 1]),
    periods: new Float64Array(5),
    end: 0,
    counts: Float32Array.from(y.flat()),
  } as unknown as Panel;
  const set = {
    cutoffs: [2, 3, 4],
    horizon: 1,
    cells: 4,
    models: models.map((m) => ({ name: m === 'kde' ? 'kde(test)' : 'naive', values: Float32Array.from(forecasts[m]) })),
  } as unknown as ForecastSet;
  return { panel, forecasts: set, region: { mask: new Uint8Array([1, 1, 1, 1]), cells: 4, area: 4, source: 'history' } };
}

const point = (v: number) => ({ mean: v, lo: v, hi: v });
const options = { assumedCoverage: 0.25, areaChoices: [0.25, 0.5] };

describe('checkClaim', () => {
  test('checkClaim("captures 90 % of incidents in 25 % of the area") on the four-cell run: baselines, random, ceiling, impossible', () => {
    const check = checkClaim(parseClaim('captures 90 % of incidents in 25 % of the area'), makeRun(), options);
    expect(check.metric).toBe('hitRate');
    expect(check.coverage).toBe(0.25);
    expect(check.baselines).toEqual([
      { name: 'kde(test)', value: point(0.75) },
      { name: 'naive', value: point(0.25) },
    ]);
    expect(check.best).toBe('kde(test)');
    expect(check.random).toEqual(point(0.25));
    expect(check.ceiling).toEqual(point(0.75));
    expect(check.conclusion.kind).toBe('impossible');
    expect(check.conclusion.sentence).toMatch(
      /^The claimed 90 % \(hit rate at 25 % of the area\) is above the hindsight ceiling of 75 %: no selection of that area could have done so in these week periods/,
    );
    expect(check.measured).toMatchObject({ res: 8, bucket: 'week', folds: 3, horizon: 1, regionCells: 4, incidents: 12, coverageStated: true });
    expect(check.undefined.map((t) => t.term)).toEqual(['incidents']);
  });

  test.each([
    ['captures 75 % of incidents in 25 % of the area', ['kde', 'naive'], 'consistent'],
    ['captures 50 % of incidents in 25 % of the area', ['kde', 'naive'], 'below-baselines'],
    ['captures 50 % of incidents in 25 % of the area', ['naive'], 'beats-baselines'], // naive 25 % < 50 % ≤ ceiling 75 %
    ['PAI of 3 at 25 %', ['kde', 'naive'], 'consistent'], // kde: (3/4)/(1/4) = 3
    ['PAI of 3.5 at 25 %', ['kde', 'naive'], 'impossible'], // ceiling PAI 3
    ['twice as much crime as hotspot maps at 25 %', ['kde', 'naive'], 'impossible'], // ceiling ratio 0.75/0.75 = 1
    ['under 0.5 % of predictions were followed by a crime at 25 %', ['kde', 'naive'], 'below-baselines'], // precision 1
  ] as const)('checkClaim(%j) with models %j → %s', (text, models, kind) => {
    expect(checkClaim(parseClaim(text), makeRun(models), options).conclusion.kind).toBe(kind);
  });

  test('checkClaim("90 % accurate") reads accuracy four ways and is undefined: the readings and the areas disagree', () => {
    const check = checkClaim(parseClaim('90 % accurate'), makeRun(), options);
    const metric = check.undefined.find((t) => t.term === 'metric')!;
    // at 25 %: hit rate kde 3/4 (ceiling 3/4); precision 1 (both flag a cell with incidents);
    // accuracy 3/4 (cell 0 right, cell 1 wrong, two empty right); AUC 1 (positives all above the empty cells)
    expect(metric.choices.map((c) => [c.label, c.answer.baselines[0].value.mean, c.answer.ceiling.mean, c.answer.verdict])).toEqual([
      ['hitRate', 0.75, 0.75, 'impossible'],
      ['precision', 1, 1, 'below-baselines'],
      ['accuracy', 0.75, 0.75, 'impossible'],
      ['auc', 1, 1, 'below-baselines'],
    ]);
    expect(metric.range).toEqual({ lo: 0.75, hi: 1 });
    // flagging nothing is right on the two empty cells of four
    expect(check.flagNothing).toEqual(point(0.5));
    // at 50 % both non-empty cells are flagged: accuracy 1 → 90 % falls below it
    const area = check.undefined.find((t) => t.term === 'area')!;
    expect(area.choices.map((c) => [c.label, c.answer.verdict])).toEqual([
      ['25 %', 'impossible'],
      ['50 %', 'below-baselines'],
    ]);
    expect(check.conclusion.kind).toBe('undefined');
    expect(check.conclusion.needs).toEqual(['the metric "accurate" refers to', 'the share of the area flagged']);
    expect(check.conclusion.sentence).toMatch(/as hit rate: above the hindsight ceiling: impossible on this data; as precision: below the best baseline/);
  });

  test('checkClaim("predict future crimes") says what a check would need', () => {
    const check = checkClaim(parseClaim('predict future crimes'), makeRun(), options);
    expect(check.conclusion.kind).toBe('undefined');
    expect(check.conclusion.needs).toEqual([
      'a figure',
      'the metric it is on',
      'the share of the area flagged',
      'the period length',
      'the cell size',
      'the incidents counted',
    ]);
    expect(check.verdict).toBeNull();
    expect(check.undefined.map((t) => t.term)).toEqual(['value', 'metric', 'area', 'incidents']);
    expect(check.conclusion.sentence).toMatch(/^The claim states no figure, so it cannot be checked/);
  });

  test('checkClaim(…) with a period variant reports the answer under each period length', () => {
    const check = checkClaim(parseClaim('captures 50 % of incidents in 25 % of the area'), makeRun(['naive']), {
      ...options,
      variants: [{ term: 'period', label: 'month', run: makeRun(['kde']) }],
    });
    const period = check.undefined.find((t) => t.term === 'period')!;
    expect(period.choices.map((c) => [c.label, c.answer.verdict])).toEqual([
      ['week', 'beats-baselines'],
      ['month', 'below-baselines'],
    ]);
    expect(period.range).toEqual({ lo: 0.25, hi: 0.75 });
    expect(period.changesVerdict).toBe(true);
    // A period length the claim does not state must not decide the verdict: it is undefined and names the term.
    expect(check.conclusion.kind).toBe('undefined');
    expect(check.conclusion.needs).toEqual(['the period length']);
    expect(check.conclusion.sentence).toBe(
      'The verdict depends on the period length, which the claim leaves open (week: beats the best baseline by more than its interval; month: below the best baseline).',
    );
  });

  test('checkClaim(…) against hotspot maps needs a kde model', () => {
    expect(() => checkClaim(parseClaim('twice as much crime as hotspot maps'), makeRun(['naive']), options)).toThrow(/needs the kde baseline/);
  });
});

describe('claimFoldValues', () => {
  test("claimFoldValues(run, 'hitRate', c, 'hindsight') is the n*/N that PEI* uses (the same hindsight selection)", () => {
    const run = makeRun();
    for (const c of [0.25, 0.5, 0.6]) {
      const ceiling = claimFoldValues(run, 'hitRate', c, 'hindsight');
      const expected = run.forecasts.cutoffs.map((cutoff) => {
        const y = run.panel.counts.subarray(cutoff * 4, (cutoff + 1) * 4);
        const s = hotspotScores(new Float32Array(4), y, run.panel.area, run.region.mask, [c])[0];
        return s.hindsight / s.total;
      });
      expect(Array.from(ceiling)).toEqual(expected);
    }
  });

  test("claimFoldValues(run, 'hotspotRatio', 0.25, i) divides by the kde model's hit rate in the same fold", () => {
    // naive 1/4 ÷ kde 3/4 = 1/3 in every fold; hindsight 3/4 ÷ 3/4 = 1
    expect(Array.from(claimFoldValues(makeRun(), 'hotspotRatio', 0.25, 1))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(Array.from(claimFoldValues(makeRun(), 'hotspotRatio', 0.25, 'hindsight'))).toEqual([1, 1, 1]);
  });
});

describe('claimVerdict', () => {
  const best = { mean: 0.2, lo: 0.18, hi: 0.22 };
  const ceiling = { mean: 0.35, lo: 0.33, hi: 0.37 };
  test.each([
    [0.4, 'impossible'],
    [0.37, 'beats-baselines'], // at the ceiling's upper bound: still possible
    [0.25, 'beats-baselines'],
    [0.22, 'consistent'],
    [0.18, 'consistent'],
    [0.1, 'below-baselines'],
  ])('claimVerdict(%d, best 0.18–0.22, ceiling 0.33–0.37) → %s', (value, kind) => {
    expect(claimVerdict(value, best, ceiling)).toBe(kind);
  });

  test('claimVerdict(…) falls back to the means when there is no interval', () => {
    expect(claimVerdict(0.21, { mean: 0.2, lo: NaN, hi: NaN }, { mean: 0.3, lo: NaN, hi: NaN })).toBe('beats-baselines');
  });

  test('CLAIM_VERDICT_RULE is one sentence', () => {
    expect(CLAIM_VERDICT_RULE.split(/\.\s/)).toHaveLength(1);
  });
});
