/**
 * Your own forecaster from code, through the `hexcast` command: `check-model` runs the contract
 * on a model file and says in plain words what fails (exit 1); `backtest --model-file` scores it
 * with the baselines on the real Portland file and names it in the report as user code.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const EXAMPLE = 'examples/same-week-four-year-mean.ts';
const FIXTURES = 'test/fixtures/model-files';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-cli-model-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('hexcast check-model', () => {
  it('passes the worked example: six ✓ lines, exit 0', async () => {
    const { code, stdout } = await hexcast('check-model', EXAMPLE);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.startsWith('  ✓'))).toHaveLength(6);
    expect(stdout).toContain(`(SHA-256 ${sha256(EXAMPLE)})`);
    expect(stdout).toContain('all 6 checks pass');
  });

  const broken: [string, string, string][] = [
    ['negative.ts', 'values', '✗ every forecast is a finite number ≥ 0: 3 of 57 forecasts are negative'],
    ['peeks.ts', 'cutoff-counts', '✗ forecasts ignore every count after the cutoff: the forecast changed when only counts after the cutoff changed'],
    ['random.ts', 'deterministic', '✗ two fits with the same seed give identical forecasts: two fits with seed 3 gave different forecasts'],
    ['shape.ts', 'shape', '✗ predict(horizon) returns a Float32Array of horizon × cells: predict(3) returned 19 values for 19 cells'],
    ['throws.ts', 'shape', 'fit() threw: no data source configured'],
  ];
  it.each(broken)('%s fails with the check named on stderr and the reason on stdout, exit 1', async (file, id, words) => {
    const { code, stdout, stderr } = await hexcast('check-model', `${FIXTURES}/${file}`);
    expect(code).toBe(1);
    expect(stdout).toContain(words);
    expect(stderr).toMatch(new RegExp(`fails \\d contract checks? \\(.*${id}.*\\) \\(model-contract\\)`));
  });

  it('refuses a file that is not a module, and a module without a model, saying why', async () => {
    const csv = await hexcast('check-model', `${FIXTURES}/not-a-module.csv`);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain("model file 'test/fixtures/model-files/not-a-module.csv' cannot be loaded as a JavaScript or TypeScript module");
    const none = await hexcast('check-model', `${FIXTURES}/no-export.ts`);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('exports no model');
    expect((await hexcast('check-model', join(dir, 'missing.ts'))).stderr).toContain('no such file (file-unreadable)');
  });
});

describe('hexcast backtest --model-file', () => {
  it('scores the example with the baselines on Portland and names it as user code with its SHA-256', async () => {
    const out = join(dir, 'report.json');
    const md = join(dir, 'report.md');
    const settings = ['--crs', 'EPSG:2913', '--res', '7', '--bucket', 'week', '--models', 'naive,historic-average', '--folds', '6', '--quiet'];
    const { code, stderr } = await hexcast('backtest', PORTLAND, ...settings, '--model-file', EXAMPLE, '--out', out, '--md', md);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.models.map((m: { name: string }) => m.name)).toEqual(['naive', 'historic-average', 'same-week-mean(years=4)']);
    const own = report.models[2];
    expect(own.origin).toEqual({ kind: 'user-code', file: EXAMPLE, sha256: sha256(EXAMPLE) });
    expect(own.kind).toBe('learned');
    expect(Number.isFinite(own.metrics.poissonDeviance.mean)).toBe(true);
    expect(report.folds.filter((f: { model: string }) => f.model === own.name)).toHaveLength(6);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`- \`same-week-mean(years=4)\`: user code from ${EXAMPLE} (SHA-256 ${sha256(EXAMPLE)})`);
    expect(text).toContain('| same-week-mean(years=4) (user code) |');
  });

  it('refuses two model files defining the same model id', async () => {
    const { code, stderr } = await hexcast(
      'backtest',
      PORTLAND,
      '--crs',
      'EPSG:2913',
      '--res',
      '7',
      '--bucket',
      'week',
      '--model-file',
      `${FIXTURES}/fine.ts`,
      '--model-file',
      `${FIXTURES}/fine.ts`,
      '--out',
      join(dir, 'x.json'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain("the id 'last-value-none' is already taken");
  });
});
