import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { FEATURE_GUIDE } from '../../lib/forecast/builder/feature-guide';
import { BuilderState } from './builder.svelte';
import { ExperimentState } from './experiment.svelte';

const guide = (kind: string) => FEATURE_GUIDE.find((g) => g.kind === kind)!;

function setUp() {
  const worker = fakeWorker();
  const experiment = new ExperimentState(worker.client);
  experiment.models = ['naive'];
  return { worker, experiment, builder: new BuilderState(worker.client, experiment) };
}

describe('BuilderState', () => {
  it('builds two models side by side in the experiment, edits one in place and removes the other', () => {
    const { experiment, builder, worker } = setUp();
    builder.setParam('name', 'a');
    builder.setFeature(guide('lag'), [4]);
    builder.setFeature(guide('dow'), []);
    expect(builder.spec).toBe('build:name=a:features=lag1-4+seasonal+mean+ring1-2+rate+area+cal+dow');
    // every change asks the worker for the features' preview
    expect(worker.last()).toMatchObject({ type: 'feature-preview', features: 'lag1-4+seasonal+mean+ring1-2+rate+area+cal+dow', cell: null });
    builder.commit();
    builder.setParam('name', 'b');
    builder.setParam('arch', 'mlp');
    builder.commit();
    expect(experiment.models).toEqual([
      'naive',
      'build:name=a:features=lag1-4+seasonal+mean+ring1-2+rate+area+cal+dow',
      'build:name=b:arch=mlp:features=lag1-4+seasonal+mean+ring1-2+rate+area+cal+dow',
    ]);
    expect(builder.built).toEqual([1, 2]);

    builder.edit(1);
    builder.setFeature(guide('dow'), null);
    builder.commit();
    expect(experiment.models[1]).toBe('build:name=a:features=lag1-4+seasonal+mean+ring1-2+rate+area+cal');
    builder.remove(2);
    expect(experiment.models).toEqual(['naive', 'build:name=a:features=lag1-4+seasonal+mean+ring1-2+rate+area+cal']);
  });

  it('keeps an invalid value out and says why; refuses a model already in the list', () => {
    const { experiment, builder } = setUp();
    builder.setParam('layers', 9);
    expect(builder.error).toBe("Model 'build', parameter 'layers' must lie in [1, 4], got 9");
    expect(builder.values.layers).toBe(2);
    builder.setSpec('build:features=lag1+holiday');
    expect(builder.error).toMatch(/no holiday calendar is available offline/);
    builder.setSpec('build:features=lag1');
    builder.commit();
    builder.commit();
    expect(builder.error).toBe('This model is already in the list: change a feature, a setting or its name.');
    expect(experiment.models).toEqual(['naive', 'build:features=lag1']);
  });
});
