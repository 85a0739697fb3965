import { describe, expect, it } from 'vitest';
import { resultSummary } from './result-summary';

const entry = (label: string, kind: 'picks' | 'model' | 'oracle' | 'random', captured: number) => ({
  label,
  kind,
  captured,
  hitRate: captured / 200,
  pai: captured / 200 / 0.05,
  flags: new Float32Array(0),
});
const result = (mine: number) => ({
  total: 200,
  scores: [
    entry('Your picks', 'picks', mine),
    entry('Naive', 'model', 30),
    entry('Historic average', 'model', 41.5),
    entry('KDE', 'model', 41.5),
    entry('Hindsight', 'oracle', 90),
    entry('Random', 'random', 10),
  ],
});

describe('resultSummary', () => {
  it('words the picks against the best rule (ties to the first listed), hindsight and random, from the numbers', () => {
    expect(resultSummary(result(25), 'week')).toBe(
      'Your picks caught 25 of the 200 incidents of that week (13 %, PAI 2.5). The best rule, Historic average, caught 41.5 (21 %). ' +
        'In hindsight the same area could have caught 90; random cells catch 10 on average. Historic average beat you by 16.5 incidents.',
    );
  });

  it('says so when the picks win or tie', () => {
    expect(resultSummary(result(50), 'week')).toMatch(/You beat every rule this week, by 8\.5 incidents; try other weeks/);
    expect(resultSummary(result(41.5), 'day')).toMatch(/You tied with Historic average\.$/);
  });
});
