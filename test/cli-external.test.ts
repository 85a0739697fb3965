/**
 * `hexcast backtest --external NAME=FILE` on the real Portland file: the forecasts of a built-in
 * model, written out as a vendor's file, score as that model did — on the folds the file covers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';
import { externalForecastBytes, rowsOfModel } from './fixtures/external-forecast-file';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-cli-external-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SETTINGS = ['--crs', 'EPSG:2913', '--res', '7', '--bucket', 'week', '--models', 'naive,historic-average,kde', '--folds', '8', '--quiet'];

describe('hexcast backtest --external', () => {
  it("scores a model's own forecasts, given back as a vendor's file covering folds 2–7, exactly as the model on those folds", async () => {
    const first = join(dir, 'first.json');
    const forecasts = join(dir, 'forecasts.arrow');
    expect((await hexcast('backtest', PORTLAND, ...SETTINGS, '--out', first, '--forecasts', forecasts)).code).toBe(0);
    const table = tableFromIPC(readFileSync(forecasts));
    const rows = table.toArray().filter((r) => Number(r.fold) >= 2);
    const vendor = join(dir, 'vendor.arrow');
    writeFileSync(vendor, externalForecastBytes(rowsOfModel(rows, 'historic-average')));
    const out = join(dir, 'second.json');
    const md = join(dir, 'second.md');
    const html = join(dir, 'second.html');
    const { code, stderr } = await hexcast(
      'backtest',
      PORTLAND,
      ...SETTINGS.filter((s) => s !== '--quiet'),
      '--external',
      `vendor=${vendor}`,
      '--out',
      out,
      '--md',
      md,
      '--html',
      html,
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const before = JSON.parse(readFileSync(first, 'utf8'));
    expect(report.external.folds.scored).toEqual([2, 3, 4, 5, 6, 7]);
    expect(report.cutoffs.map((c: { cutoff: number }) => c.cutoff)).toEqual(before.cutoffs.slice(2).map((c: { cutoff: number }) => c.cutoff));
    const metrics = (r: typeof report, name: string) => r.models.find((m: { name: string }) => m.name === name).metrics;
    expect(metrics(report, 'vendor')).toEqual(metrics(report, 'historic-average'));
    const folds = (r: typeof report, name: string) => r.folds.filter((f: { model: string }) => f.model === name).map((f: { metrics: unknown }) => f.metrics);
    expect(folds(report, 'naive')).toEqual(folds(before, 'naive').slice(2));
    const file = report.external.files[0];
    expect(file).toMatchObject({
      name: 'vendor',
      file: 'vendor.arrow',
      shape: 'cell',
      kind: 'count',
      columns: { period: 'period', cell: 'cell', forecast: 'forecast' },
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.rows.read).toBe(rows.length);
    expect(file.rows.used).toBe(rows.length);
    expect(stderr).toContain('Scored on the 6 of 8 folds every external file covers (folds 2–7)');
    expect(stderr).toContain('External forecasts are scored as given');
    const markdown = readFileSync(md, 'utf8');
    expect(markdown).toContain('## External forecasts');
    expect(readFileSync(html, 'utf8')).toContain('<h2>External forecasts</h2>');
    expect(markdown).toContain(`- Rows: ${rows.length.toLocaleString('en-US')} read = ${rows.length.toLocaleString('en-US')} used + 0 dropped`);
  });

  it.each([
    [['--external', 'vendor'], "hexcast backtest: --external must be NAME=FILE, got 'vendor' (usage)", 2],
    [['--external', 'v=x.arrow', '--external-kind', 'guess'], "hexcast backtest: --external-kind must be one of count, score, flags, got 'guess' (usage)", 2],
    [['--external', `v=${join(dir, 'missing.arrow')}`], `hexcast backtest: cannot read '${join(dir, 'missing.arrow')}': no such file (file-unreadable)`, 1],
  ])('%j is refused with a line that says why', async (flags, line, exit) => {
    const { code, stderr } = await hexcast('backtest', PORTLAND, ...SETTINGS, ...flags, '--out', join(dir, 'x.json'));
    expect(code).toBe(exit);
    expect(stderr.split('\n')[0]).toBe(line);
  });
});
