import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../evaluate/protocol';
import type { MetricSummary } from '../evaluate/summarise-scores';
import { leakageBars } from './leakage-bars';
import type { LeakageLab } from './leakage-lab';
import { leakageMarkdown } from './leakage-markdown';
import { leakageTable } from './leakage-table';
import { inflationSign, inflationText, metricTitle, relativeInflation } from './leakage-text';
import { MISTAKES, MISTAKE_IDS } from './mistake-catalogue';

const summary = (mean: number, lo = NaN, hi = NaN): MetricSummary => ({ mean, lo, hi, n: 26, nanCount: 0 });
const pai = { metric: 'pai' as const, coverage: 0.05 };
// A lab by hand: dropping the zeros takes historic-average's PAI at 5 % from 3 to 7.5 (inflation 4.5 [4, 5]).
const lab: LeakageLab = {
  format: 'hexcast-leakage',
  version: 1,
  createdAt: '2026-12-04T00:00:00.000Z',
  data: { files: [{ name: 'a|b.arrow', bytes: 1, rows: 1 }], sha256: 'x' },
  panel: { resolution: 8, bucket: 'week', cells: 10, periods: 100 },
  studyRegion: { source: 'history', cells: 9 },
  protocol: { ...DEFAULT_PROTOCOL, folds: 26 },
  models: ['historic-average'],
  mistakes: MISTAKE_IDS.map((id) => ({
    ...MISTAKES[id],
    appliesTo: 'the chosen models',
    rows:
      id === 'zeros-dropped'
        ? [
            { model: 'historic-average', ...pai, honest: summary(3), leaky: summary(7.5), inflation: summary(4.5, 4, 5) },
            { model: 'historic-average', metric: 'mae', honest: summary(0.25), leaky: summary(1), inflation: summary(-0.75, -0.8, -0.7) },
          ]
        : id === 'features-on-all-data'
          ? [{ model: 'lag-regression', ...pai, honest: summary(3.2), leaky: summary(3.2), inflation: summary(0, -0.1, 0.1) }]
          : [],
    ...(id === 'tuning-on-test' && { skipped: 'the first fold has no room for 8 validation periods' }),
  })),
};

describe('the lab’s renderings', () => {
  it('writes a row’s title, inflation, relative change and sign', () => {
    const row = lab.mistakes[3].rows[0];
    expect([metricTitle(pai), metricTitle({ metric: 'mae' })]).toEqual(['PAI @ 5 %', 'MAE']);
    expect(inflationText(row)).toBe('+4.50 [4.00, 5.00] (+150 %)');
    expect([relativeInflation(row), inflationSign(row), inflationSign(lab.mistakes[3].rows[1]), inflationSign(lab.mistakes[1].rows[0])]).toEqual([
      1.5,
      'up',
      'down',
      'unclear',
    ]);
  });

  it('draws one bar per mistake: the picked model where the mistake ran on it, its own model otherwise, a reason where it did not run', () => {
    const bars = leakageBars(lab, pai, 'historic-average');
    expect(bars.map((b) => [b.mistake, b.model, b.value, b.lo, b.hi])).toEqual([
      ['random-split', undefined, NaN, NaN, NaN],
      ['features-on-all-data', 'lag-regression', 0, -0.1 / 3.2, 0.1 / 3.2],
      ['tuning-on-test', undefined, NaN, NaN, NaN],
      ['zeros-dropped', 'historic-average', 1.5, 4 / 3, 5 / 3],
      ['region-from-all-data', undefined, NaN, NaN, NaN],
      ['future-geography', undefined, NaN, NaN, NaN],
    ]);
    expect(bars[2].skipped).toBe('the first fold has no room for 8 validation periods');
  });

  it('prints a terminal table and a Markdown section, escaping file names and bolding a flattered metric', () => {
    const table = leakageTable(lab, ['pai']).join('\n');
    expect(table).toContain('  historic-average  PAI @ 5 %    3.00   7.50  +4.50 [4.00, 5.00] (+150 %)');
    expect(table).toContain('  not run: the first fold has no room for 8 validation periods');
    const md = leakageMarkdown(lab);
    expect(md).toContain('same data (a\\|b.arrow)');
    expect(md).toContain('| historic-average | PAI @ 5 % ↑ | 3.00 | 7.50 | **+4.50 [4.00, 5.00] (+150 %)** |');
    expect(md).toContain('| historic-average | MAE ↓ | 0.250 | 1.00 | −0.750 [−0.800, −0.700] (−300 %) |');
    expect(md).toContain('_Not run on this panel: the first fold has no room for 8 validation periods._');
  });
});
