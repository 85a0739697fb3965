/**
 * Trained models saved and re-tested on later data, through the `hexcast` command on the real
 * Portland file: `fit` trains the Poisson GLM once on 2012–2015 and saves it; `backtest
 * --frozen-model` forecasts the later folds with it, never refitting, next to the baselines and
 * the GLM refitted at every fold; a model saved for another binning is refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const BINNING = ['--crs', 'EPSG:2913', '--res', '7', '--bucket', 'week', '--quiet'];
const dir = mkdtempSync(join(tmpdir(), 'hexcast-cli-saved-model-'));
const model = join(dir, 'glm.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { code, stderr } = await hexcast('fit', PORTLAND, ...BINNING, '--model', 'poisson-glm', '--until', '2016-01-01', '--out', model);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 120_000);

describe('hexcast fit', () => {
  it('saves the GLM fitted on the weeks that end by 2016-01-01 as one JSON file with its span, binning and weights', () => {
    const saved = JSON.parse(readFileSync(model, 'utf8'));
    expect(saved).toMatchObject({ format: 'hexcast-saved-model', version: 1, res: 7, bucket: { unit: 'week', clock: 'wall' } });
    expect(saved.model).toMatchObject({ id: 'poisson-glm', name: 'poisson-glm' });
    // Weeks from Monday 2012-03-05 (the first whole week) to the week of 2015-12-21, which ends on Monday 2015-12-28.
    expect(saved.trainedOn.periods).toBe(199);
    expect(new Date(saved.trainedOn.first).toISOString().slice(0, 10)).toBe('2012-03-05');
    expect(new Date(saved.trainedOn.end).toISOString().slice(0, 10)).toBe('2015-12-28');
    // GLM weights w (one per feature) and the intercept b, as the tfjs weights manifest describes them.
    expect(saved.weightSpecs).toEqual([
      { name: 'v0', shape: [saved.features.length, 1], dtype: 'float32' },
      { name: 'v1', shape: [1], dtype: 'float32' },
    ]);
    expect(Buffer.from(saved.weightData, 'base64').length).toBe(4 * (saved.features.length + 1));
  });
});

describe('hexcast backtest --frozen-model', () => {
  it('scores the GLM trained on 2012–2015 on later folds without refitting and marks it frozen with its span', async () => {
    const out = join(dir, 'report.json');
    const md = join(dir, 'report.md');
    const { code, stderr } = await hexcast(
      'backtest',
      PORTLAND,
      ...BINNING,
      '--models',
      'historic-average,poisson-glm',
      '--folds',
      '8',
      '--frozen-model',
      model,
      '--out',
      out,
      '--md',
      md,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.models.map((m: { name: string }) => m.name)).toEqual(['historic-average', 'poisson-glm', 'frozen-poisson-glm(until 2015-12-28)']);
    const frozen = report.models[2];
    expect(frozen.origin).toEqual({
      kind: 'frozen',
      file: model,
      sha256: createHash('sha256').update(readFileSync(model)).digest('hex'),
      model: 'poisson-glm',
      trainedOn: { first: '2012-03-05T00:00:00', last: '2015-12-21T00:00:00', periods: 199, cells: 90 },
    });
    expect(frozen.training.every((log: { epochs: unknown[]; notes: string[] }) => log.epochs.length === 0 && log.notes[0].startsWith('frozen: weights'))).toBe(
      true,
    );
    expect(report.cutoffs[0].testStart > '2016').toBe(true);
    expect(Number.isFinite(frozen.metrics.poissonDeviance.mean)).toBe(true);
    expect(readFileSync(md, 'utf8')).toContain('frozen: poisson-glm saved in');
    expect(readFileSync(md, 'utf8')).toContain('| frozen-poisson-glm(until 2015-12-28) (frozen) |');
  }, 180_000);

  it('refuses the model on another resolution, and folds inside its training span, saying why', async () => {
    const finer = await hexcast(
      'backtest',
      PORTLAND,
      ...BINNING.map((a) => (a === '7' ? '8' : a)),
      '--models',
      'naive',
      '--frozen-model',
      model,
      '--out',
      join(dir, 'x.json'),
    );
    expect(finer.code).toBe(1);
    expect(finer.stderr).toContain('was fitted on H3 resolution 7 with week buckets');
    expect(finer.stderr).toContain('this panel has resolution 8 with week buckets');
    expect(finer.stderr).toContain('(saved-model-mismatch)');
    const early = await hexcast('backtest', PORTLAND, ...BINNING, '--models', 'naive', '--folds', '100', '--frozen-model', model, '--out', join(dir, 'y.json'));
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('was trained on periods up to 2015-12-28; a fold with its cutoff at 2015-');
    const notModel = await hexcast('backtest', PORTLAND, ...BINNING, '--models', 'naive', '--frozen-model', PORTLAND, '--out', join(dir, 'z.json'));
    expect(notModel.stderr).toContain("saved model '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow': not a JSON file");
    expect(notModel.stderr).toContain('(saved-model-invalid)');
  }, 180_000);
});
