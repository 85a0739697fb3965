import { describe, expect, it } from 'vitest';
import { cellOf } from '../../grid/h3';
import type { BucketUnit } from '../../grid/time-bucket';
import { createModel, formatModelSpec, parseModelSpec, resolveParams, type ModelContext } from '../model-definition';
import { BASELINES } from './index';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

const contextFor = (unit: BucketUnit): ModelContext => ({ res: 8, bucket: { ...WEEKLY_RES8.bucket, unit } });
const defaults = (context: ModelContext) => BASELINES.map((d) => createModel({ id: d.id, params: {} }, BASELINES, context));

describe('BASELINES', () => {
  it('lists eight models with unique, well-formed ids, all of kind baseline', () => {
    const ids = BASELINES.map((d) => d.id);
    expect(ids).toEqual(['naive', 'seasonal-naive', 'historic-average', 'shrunk-average', 'window-average', 'ewma', 'kde', 'prospective']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of BASELINES) {
      expect(d.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(d.kind).toBe('baseline');
    }
  });

  // Auto (0) periods by bucket: seasonal-naive m, window-average k, kde window, prospective periods.
  it.each([
    { unit: 'hour', m: 24, k: 672, window: 2184, periods: 1344 },
    { unit: 'day', m: 7, k: 28, window: 91, periods: 56 },
    { unit: 'week', m: 52, k: 4, window: 13, periods: 8 },
    { unit: 'month', m: 12, k: 3, window: 3, periods: 2 },
  ] as const)('default instances on $unit buckets: m = $m, k = $k, window = $window, periods = $periods; names unique', ({ unit, m, k, window, periods }) => {
    const names = defaults(contextFor(unit)).map((model) => model.name);
    expect(names).toEqual([
      'naive',
      `seasonal-naive(m=${m})`,
      'historic-average',
      'shrunk-average',
      `window-average(k=${k})`,
      'ewma(alpha=0.3)',
      `kde(window=${window}, rings=1)`,
      `prospective(rings=2, periods=${periods})`,
    ]);
    expect(new Set(names).size).toBe(BASELINES.length);
  });

  it('an explicit period count wins over the bucket: seasonal-naive:m=3 on days', () => {
    const model = createModel({ id: 'seasonal-naive', params: { m: 3 } }, BASELINES, contextFor('day'));
    expect([model.name, model.minHistory]).toEqual(['seasonal-naive(m=3)', 3]);
  });

  it('every parameter default passes resolveParams and documents its unit', () => {
    for (const d of BASELINES) {
      const resolved = resolveParams(d, {});
      expect(Object.keys(resolved)).toEqual(d.params.map((p) => p.name));
      for (const p of d.params) expect(p.doc.length).toBeGreaterThan(10);
    }
  });

  it("a spec string round-trips: 'kde:rings=2:window=8' → kde(window=8, rings=2)", () => {
    const spec = parseModelSpec('kde:rings=2:window=8');
    expect(
      formatModelSpec(
        spec,
        BASELINES.find((d) => d.id === 'kde'),
      ),
    ).toBe('kde:window=8:rings=2');
    expect(createModel(spec, BASELINES, WEEKLY_RES8).name).toBe('kde(window=8, rings=2)');
  });

  it('resolveParams rejects an α of 0 and a negative window with the model and parameter named', () => {
    expect(() => createModel({ id: 'ewma', params: { alpha: 0 } }, BASELINES, WEEKLY_RES8)).toThrow(
      "Model 'ewma', parameter 'alpha' must lie in [0.001, 1], got 0",
    );
    expect(() => createModel({ id: 'window-average', params: { k: -1 } }, BASELINES, WEEKLY_RES8)).toThrow("Model 'window-average', parameter 'k'");
  });

  it('neighbourRings: kde 1, prospective 2, the others 0', () => {
    expect(defaults(WEEKLY_RES8).map((m) => m.neighbourRings ?? 0)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
  });

  describe('short history', () => {
    const models = defaults(WEEKLY_RES8).filter((m) => m.minHistory > 1);

    it.each(models.map((m) => [m.name, m] as const))('%s: fit on minHistory − 1 periods throws naming both numbers', (_, model) => {
      const P = model.minHistory - 1;
      const { history } = tinyHistory({ [CENTRE]: new Array<number>(P).fill(1), [RING1[0]]: new Array<number>(P).fill(0) });
      expect(() => model.fit(history, { seed: 1, validation: 0 })).toThrow(`${model.name} needs at least ${model.minHistory} training periods, got ${P}`);
    });

    it.each(defaults(WEEKLY_RES8).map((m) => [m.name, m] as const))('%s: fit on exactly minHistory periods works', (_, model) => {
      const P = model.minHistory;
      const { history } = tinyHistory({ [CENTRE]: new Array<number>(P).fill(1), [RING1[0]]: new Array<number>(P).fill(0) });
      expect(forecastOf(model, history, 1).length).toBe(2);
    });
  });

  // A cell never hit, and far (> 2 rings) from every incident, is forecast 0 by every baseline
  // except the shrunk average, which by design pulls it toward the area-wide mean.
  const far = cellOf({ lat: 41.95, lng: -87.75, res: 8 });
  const quiet = () => {
    const P = 60;
    const busy = Array.from({ length: P }, (_, p) => 1 + (p % 3));
    return tinyHistory({ [CENTRE]: busy, [RING1[0]]: busy, [far]: new Array<number>(P).fill(0) });
  };
  it.each(
    defaults(WEEKLY_RES8)
      .filter((m) => m.name !== 'shrunk-average')
      .map((m) => [m.name, m] as const),
  )('%s forecasts 0 for a cell with no incidents anywhere near', (_, model) => {
    const { history, cells } = quiet();
    expect(seriesOf(forecastOf(model, history, 2), cells, far)).toEqual([0, 0]);
  });

  it('shrunk-average forecasts a never-active cell above 0 (pulled toward the area mean)', () => {
    const { history, cells } = quiet();
    const model = createModel({ id: 'shrunk-average', params: {} }, BASELINES, WEEKLY_RES8);
    expect(seriesOf(forecastOf(model, history, 1), cells, far)[0]).toBeGreaterThan(0);
  });

  it('kde and prospective give a quiet cell next to a busy one a positive forecast (documented)', () => {
    const { history, cells } = tinyHistory({ [CENTRE]: new Array<number>(13).fill(2), [RING1[0]]: new Array<number>(13).fill(0) });
    for (const id of ['kde', 'prospective']) {
      const out = forecastOf(createModel({ id, params: {} }, BASELINES, WEEKLY_RES8), history, 1);
      expect(seriesOf(out, cells, RING1[0])[0]).toBeGreaterThan(0);
    }
  });

  it('a model reading 2 rings refuses neighbour lists built with k = 1', () => {
    const { history } = tinyHistory({ [CENTRE]: new Array<number>(8).fill(1) }, 1);
    const model = createModel({ id: 'prospective', params: {} }, BASELINES, WEEKLY_RES8);
    expect(() => model.fit(history, { seed: 1, validation: 0 })).toThrow(
      'prospective(rings=2, periods=8) reads 2 rings of neighbours, but history.neighbours was built with k = 1',
    );
  });
});
