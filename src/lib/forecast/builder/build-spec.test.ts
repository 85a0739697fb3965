import { describe, expect, it } from 'vitest';
import { readBuildSpec, writeBuildSpec } from './build-spec';
import { contractPanel } from '../../../../test/contract/forecaster-contract';
import { FEATURE_GUIDE, setFeature } from './feature-guide';
import { featurePreview } from './feature-preview';

describe('readBuildSpec(text) and writeBuildSpec(values)', () => {
  it.each([
    ['build', 'build'],
    ['build:arch=glm:features=default', 'build'],
    ['build:features=lag1-3+seasonal+mean+ring1-2+rate+area+cal', 'build'],
    ['build:features=lag1-4+ring1+dow:arch=glm', 'build:features=lag1-4+ring1+dow'],
    [
      'build:name=deep one:arch=mlp:layers=3:units=16:activation=tanh:dropout=0.1',
      'build:name=deep one:arch=mlp:layers=3:units=16:activation=tanh:dropout=0.1',
    ],
    ['build:arch=gru:window=12:optimizer=sgd:learningRate=0.01:seed=7', 'build:arch=gru:window=12:optimizer=sgd:learningRate=0.01:seed=7'],
    ['build:arch=graph:graphLayers=1:warmStart=false:refit=yes', 'build:arch=graph:graphLayers=1:warmStart=false:refit=yes'],
  ])('%s is written back as %s, and that again reads to the same values', (text, canonical) => {
    const values = readBuildSpec(text);
    expect(writeBuildSpec(values)).toBe(canonical);
    expect(readBuildSpec(canonical)).toEqual(values);
  });

  it('fills every default', () => {
    expect(readBuildSpec('build')).toMatchObject({ name: '', arch: 'glm', features: 'default', iterations: 25, l2: 1e-6, refit: 'auto', seed: 0 });
  });

  it.each([
    ['naive', /is not a built model \(it starts with 'naive', not 'build'\)/],
    ['build:arch=rnn', /parameter 'arch' must be one of glm, mlp, gru, graph, got rnn/],
    ['build:layers=9', /parameter 'layers' must lie in \[1, 4\], got 9/],
    ['build:features=lag1+holiday', /parameter 'features': feature 'holiday': no holiday calendar/],
    ['build:features=lag1,dow', /parameter 'features': feature 'lag1,dow' is not known/],
    ['build:name=a=b', /parameter 'name': use letters, digits/],
    ['build:depth=3', /Model 'build' has no parameter 'depth'/],
  ])('rejects %s with a message naming what is wrong', (text, message) => {
    expect(() => readBuildSpec(text)).toThrow(message);
  });
});

describe('setFeature(features, guide, numbers)', () => {
  const guide = (kind: string) => FEATURE_GUIDE.find((g) => g.kind === kind)!;
  it.each([
    ['lag1-3+ring1', 'lag', [5], 'lag1-5+ring1'],
    ['lag1-3+ring1', 'ring', null, 'lag1-3'],
    ['lag1', 'parent', [6, 4], 'lag1+parent6w4'],
    ['default', 'dow', [], 'default+dow'],
    ['default', 'ewma', [0.5], 'default+ewma0.5'],
    ['default', 'lag', [3], 'default'],
  ] as const)('%s with %s %j → %s', (features, kind, numbers, expected) => {
    expect(setFeature(features, guide(kind), numbers as readonly number[] | null)).toBe(expected);
  });

  it('refuses to leave a model without features, and marks holidays unavailable offline', () => {
    expect(() => setFeature('lag1', guide('lag'), null)).toThrow('a model needs at least one feature');
    expect(guide('holiday').unavailable).toMatch(/No holiday calendar is available offline/);
  });
});

describe('featurePreview(panel, features, cell)', () => {
  const panel = contractPanel();
  const C = panel.cells.length;
  it('gives each column of the busiest cell for periods 1…P−1, each from the periods before', () => {
    const preview = featurePreview(panel, 'lag1+lag2+ring1+rate-offset', null);
    const totals = panel.cells.map((_, c) => panel.counts.reduce((s, y, i) => (i % C === c ? s + y : s), 0));
    expect(preview.cell).toBe(totals.indexOf(Math.max(...totals)));
    expect(preview.busiest[0].total).toBe(Math.max(...totals));
    expect(preview.columns.map((col) => col.name)).toEqual(['lag1', 'lag2', 'ring1-lag1', 'ring1-mean4']);
    expect(preview.periods.length).toBe(panel.periods.length - 1);
    const lag1 = preview.columns[0].values;
    // lag1 at period t is log1p of the count at t − 1
    for (const t of [1, 10, 79]) expect(lag1[t - 1]).toBe(Math.fround(Math.log1p(panel.counts[(t - 1) * C + preview.cell])));
    expect(preview.offset!.length).toBe(panel.periods.length - 1);
  });

  it('previews the cell asked for', () => {
    expect(featurePreview(panel, 'lag1', 3).cellId).toBe(panel.cells[3]);
  });
});
