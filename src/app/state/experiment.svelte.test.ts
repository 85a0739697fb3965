import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import { ALL_MODELS, modelInfo } from '../../lib/forecast/models';
import { ExperimentState } from './experiment.svelte';

function withCatalogue(): ExperimentState {
  const experiment = new ExperimentState(fakeWorker().client);
  experiment.catalogue = { models: ALL_MODELS.map(modelInfo), notes: [] };
  return experiment;
}

describe('ExperimentState', () => {
  it('setProtocol applies a valid value and reports an invalid one under its field without applying it', () => {
    const experiment = withCatalogue();
    experiment.setProtocol('folds', 12);
    expect(experiment.protocol.folds).toBe(12);
    experiment.setProtocol('folds', 0);
    expect(experiment.protocol.folds).toBe(12);
    expect(experiment.errors).toEqual({ folds: 'protocol.folds must be a whole number ≥ 1, got 0' });
    experiment.setProtocol('folds', 6);
    expect(experiment.errors).toEqual({});
    experiment.setProtocol('coverage', [0.1, 0.05, 0.1]);
    expect(experiment.protocol.coverage).toEqual([0.05, 0.1]);
  });

  it('toggle and setParam edit the model specs; a parameter out of range is reported under that parameter', () => {
    const experiment = withCatalogue();
    experiment.toggle('window-average', false);
    expect(experiment.models).toEqual(['naive', 'seasonal-naive', 'historic-average', 'shrunk-average', 'ewma', 'kde', 'prospective']);
    experiment.toggle('window-average', true);
    expect(experiment.models).toEqual(['naive', 'seasonal-naive', 'historic-average', 'shrunk-average', 'window-average', 'ewma', 'kde', 'prospective']);
    experiment.setParam(5, 'alpha', 0.5);
    expect(experiment.models[5]).toBe('ewma:alpha=0.5');
    experiment.setParam(5, 'alpha', 3);
    expect(experiment.models[5]).toBe('ewma:alpha=0.5');
    expect(experiment.errors['model:ewma:alpha']).toMatch(/^Model 'ewma', parameter 'alpha' must lie in \[/);
    experiment.toggle('naive', false);
    expect(experiment.models[0]).toBe('seasonal-naive');
    expect(Object.keys(experiment.errors)).toEqual(['model:ewma:alpha']);
    // Switching the model off clears its parameter errors, so nothing invisible blocks Run.
    experiment.toggle('ewma', false);
    expect(experiment.errors).toEqual({});
  });
});
