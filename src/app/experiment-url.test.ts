import { describe, expect, it } from 'vitest';
import { protocolOf } from '../lib/evaluate/protocol';
import { defaultExperiment, type Experiment } from './experiment';
import { decodeExperiment, encodeExperiment } from './experiment-url';

const portland: Experiment = {
  source: { kind: 'files', files: [{ name: 'a@b.arrow', sha256: 'ab'.repeat(32) }] },
  mapping: { time: { column: 'occ_date' }, location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: '+proj=lcc +units=ft' }, category: 'category' },
  binning: { res: 9, unit: 'day', timeZone: 'America/Los_Angeles', categories: ['BURGLARY', 'A|B, "quoted"'] },
  boundary: { name: 'city limits.geojson', sha256: 'cd'.repeat(32) },
  models: ['naive', 'ewma:alpha=0.3', 'mlp:epochs=2:hidden=8'],
  protocol: protocolOf({ horizon: 2, folds: 4, step: 3, window: 52, refitEvery: 2, validation: 0, coverage: [0.05, 0.01], seed: 7 }),
  backend: 'wasm',
};

describe('encodeExperiment / decodeExperiment', () => {
  it.each([
    ['the default experiment on a sample', defaultExperiment({ kind: 'sample', id: 'chicago-3-types-2014-2018' })],
    ['user files, a proj4 CRS, categories with separators, a boundary, model parameters, a sliding window', portland],
  ])('round-trips %s', (_, experiment) => {
    expect(decodeExperiment(encodeExperiment(experiment))).toEqual(experiment);
  });

  it('keeps built models side by side, their features joined by + and names with spaces, through the link', () => {
    const models = ['naive', 'build:name=my glm:features=lag1-4+ring1-3+dow+rate-offset', 'build:arch=mlp:features=default+ewma0.3:layers=3:dropout=0.1'];
    const text = encodeExperiment({ ...portland, models });
    expect(decodeExperiment(text)?.models).toEqual(models);
    // a '+' typed by hand into a link arrives as a space; the features grammar reads it as '+'
    expect(decodeExperiment(text.replace('lag1-4%2Bring1-3', 'lag1-4+ring1-3'))?.models[1]).toBe('build:name=my glm:features=lag1-4 ring1-3+dow+rate-offset');
  });

  it('names each external forecast file by name, kind and SHA-256, and reads it back', () => {
    const external = [
      { name: 'vendor', kind: 'auto' as const, file: 'vendor forecasts.arrow', sha256: 'ef'.repeat(32) },
      { name: 'predpol.v2', kind: 'flags' as const, file: 'boxes@2018.arrow', sha256: '01'.repeat(32) },
    ];
    const text = encodeExperiment({ ...portland, external });
    expect(new URLSearchParams(text).getAll('external')).toEqual([
      `vendor:auto=vendor forecasts.arrow@${'ef'.repeat(32)}`,
      `predpol.v2:flags=boxes@2018.arrow@${'01'.repeat(32)}`,
    ]);
    expect(decodeExperiment(text)).toEqual({ ...portland, external });
    expect(() => decodeExperiment(`${text}&external=vendor:guess=x.arrow@${'ef'.repeat(32)}`)).toThrow(
      `URL parameter 'external' is 'vendor:guess=x.arrow@${'ef'.repeat(32)}': expected NAME:KIND=file@sha256, KIND one of auto, count, score, flags`,
    );
  });

  it("writes the categories left out as 'xcats' when that is the selection's form, and reads them back", () => {
    const experiment: Experiment = { ...portland, binning: { ...portland.binning, categories: { except: ['THEFT'] } } };
    const text = encodeExperiment(experiment);
    expect(new URLSearchParams(text).get('xcats')).toBe('["THEFT"]');
    expect(new URLSearchParams(text).has('cats')).toBe(false);
    expect(decodeExperiment(text)?.binning.categories).toEqual({ except: ['THEFT'] });
  });

  it.each([
    ['sample=x&cats=["A"]&xcats=["B"]', "URL parameters 'cats' and 'xcats' are both given: expected at most one (the categories kept, or those left out)"],
    ['sample=x&xcats={"except":1}', "URL parameter 'xcats' is '{\"except\":1}': expected a JSON list of category names"],
  ])('decodeExperiment(%j) refuses the category parameters', (text, message) => {
    expect(() => decodeExperiment(text)).toThrow(message);
  });

  it('writes readable parameters in a fixed order', () => {
    const text = encodeExperiment(defaultExperiment({ kind: 'sample', id: 'chicago' }));
    expect(text).toBe(
      'v=1&sample=chicago&res=8&bucket=week&model=naive&model=seasonal-naive&model=historic-average&model=shrunk-average&model=window-average&model=ewma&model=kde&model=prospective' +
        '&horizon=1&folds=auto&step=1&window=expanding&refit=1&validation=8&coverage=0.01%2C0.05%2C0.1&seed=42&backend=auto',
    );
  });

  it('decodeExperiment fills what a short link leaves out with the defaults', () => {
    expect(decodeExperiment('sample=chicago&res=9')).toEqual({
      ...defaultExperiment({ kind: 'sample', id: 'chicago' }),
      binning: { res: 9, unit: 'week', timeZone: null, categories: null },
    });
  });

  it("folds: 'auto' when absent or 'auto'; a number in an older link stays that number (the link reproduces its run)", () => {
    expect(decodeExperiment('sample=chicago')?.protocol.folds).toBe('auto');
    expect(decodeExperiment('sample=chicago&folds=auto')?.protocol.folds).toBe('auto');
    expect(decodeExperiment('sample=chicago&folds=26')?.protocol.folds).toBe(26);
  });

  it('decodeExperiment of a hash without a data source is null', () => {
    expect(decodeExperiment('')).toBeNull();
    expect(decodeExperiment('#res=8')).toBeNull();
  });

  it.each([
    ['sample=x&res=16', "URL parameter 'res' is 16: expected an H3 resolution from 0 to 15"],
    ['sample=x&bucket=year', "URL parameter 'bucket' is 'year': expected one of hour, day, week, month"],
    ['sample=x&tz=Mars/Base', "URL parameter 'tz' is 'Mars/Base'"],
    ['sample=x&folds=two', "URL parameter 'folds' is 'two': expected a number"],
    ['sample=x&folds=0', 'protocol.folds must be a whole number ≥ 1, got 0'],
    ['file=a.arrow@123', "URL parameter 'file' is 'a.arrow@123': expected name@sha256"],
    ['sample=x&boundary=b.geojson', "URL parameter 'boundary' is 'b.geojson': expected name@sha256"],
    ['sample=x&mapping={"time":{}}', 'mapping.location is missing: expected an object'],
    ['sample=x&model=Bad Model', "'Bad Model' is not a model id"],
  ])('decodeExperiment(%s) throws naming the parameter', (text, message) => {
    expect(() => decodeExperiment(text)).toThrow(message);
  });
});
