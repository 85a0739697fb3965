import { describe, expect, it } from 'vitest';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';
import { CENTRE, forecastOf, tinyHistory } from './tiny-history';

describe('baselineForecaster', () => {
  const make = () =>
    baselineForecaster({ name: 'last(test)', minHistory: 2, fit: (h) => h.counts.slice(h.counts.length - h.cells.length), predict: flatForecast });
  const { history } = tinyHistory({ [CENTRE]: [1, 2, 5] });

  it('fit then predict(2) runs the spec’s functions: [5, 5]', () => {
    expect(Array.from(forecastOf(make(), history, 2))).toEqual([5, 5]);
  });

  it('predict before fit throws', () => {
    expect(() => make().predict(1)).toThrow('last(test): predict() was called before fit()');
  });

  it.each([0, -1, 1.5])('predict(%s) throws', (horizon) => {
    const model = make();
    model.fit(history, { seed: 1, validation: 0 });
    expect(() => model.predict(horizon)).toThrow(`last(test): horizon must be a whole number ≥ 1, got ${horizon}`);
  });

  it('fit throws on fewer than minHistory periods', () => {
    const short = tinyHistory({ [CENTRE]: [1] }).history;
    expect(() => make().fit(short, { seed: 1, validation: 0 })).toThrow('last(test) needs at least 2 training periods, got 1');
  });

  it('fit honours an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => make().fit(history, { seed: 1, validation: 0, signal: controller.signal })).toThrow('The run was cancelled');
  });

  it('a refit on a longer history replaces the state', () => {
    const model = make();
    model.fit(tinyHistory({ [CENTRE]: [1, 2] }).history, { seed: 1, validation: 0 });
    expect(Array.from(model.predict(1))).toEqual([2]);
    model.fit(history, { seed: 1, validation: 0 });
    expect(Array.from(model.predict(1))).toEqual([5]);
  });
});
