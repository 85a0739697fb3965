/**
 * `hexcast backtest --areas` on the real Plainfield files (2018 crime reports, 35 census block
 * groups): the area accounting printed, the apportioned attributes kept in the forecasts file,
 * and bad area inputs refused before any work, naming file and column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const REPORTS = '../shared/data/plainfield-nj-crime-reports-2018.arrow';
const AREAS = '../shared/data/plainfield-nj-block-groups.geojson';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-cli-areas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SETTINGS = ['--res', '8', '--bucket', 'week', '--models', 'naive,historic-average', '--folds', '6'];

describe('hexcast backtest --areas', () => {
  it('apportions the 35 block groups to the 36 res-8 cells, prints the accounting and keeps area_<column> in the forecasts file', async () => {
    const out = join(dir, 'report.json');
    const forecasts = join(dir, 'forecasts.arrow');
    const { code, stderr } = await hexcast('backtest', REPORTS, ...SETTINGS, '--areas', AREAS, '--out', out, '--forecasts', forecasts);
    expect(code).toBe(0);
    expect(stderr).toContain(`areas ${AREAS}: 35 features, 35 used, 0 dropped`);
    expect(stderr).toContain('repaired: 35 rings rewound'); // the file's rings are clockwise
    expect(stderr).toContain('not apportioned: identifiers geoid, pred_pop_rank, state, county, tract, block_group; text department, affgeoid');
    expect(stderr).toContain('groups: asian_lb, black_lb, white_lb; total: total_race_lb');
    expect(stderr).toMatch(/cells: 15\.\d+ km² of 26\.63 km² covered by polygons \(58\.\d %\)/);
    expect(stderr).toContain('polygons: 34 inside the cells, 1 partly, 0 outside');
    const table = tableFromIPC(readFileSync(forecasts));
    const names = table.schema.fields.map((f) => f.name);
    expect(names.filter((n) => n.startsWith('area_') && n !== 'area_m2')).toEqual([
      'area_asian_lb',
      'area_black_lb',
      'area_white_lb',
      'area_total_race_lb',
      'area_pred_count',
      'area_total_income_lb',
      'area_lt_45k_lb',
      'area_bw_75_100l_lb',
      'area_gt_200k_lb',
      'area_aland',
      'area_covered',
    ]);
    // One fold-step's rows hold each cell once: its apportioned people sum to the file's 35,480 less the 1.7 % of one block group outside the cells.
    const rows = table.toArray().filter((r) => r.fold === 0 && r.step === 1);
    expect(rows).toHaveLength(36);
    const total = rows.reduce((s, r) => s + Number(r.area_total_race_lb), 0);
    expect(total).toBeGreaterThan(35_400);
    expect(total).toBeLessThan(35_480);
    expect(JSON.parse(table.schema.metadata.get('hexcast.areas')!)).toMatchObject({ groups: ['asian_lb', 'black_lb', 'white_lb'], total: 'total_race_lb' });
  }, 120_000);

  it('takes --area-groups and --area-total, and refuses a column that is not numeric before reading the reports', async () => {
    const out = join(dir, 'groups.json');
    const given = await hexcast(
      'backtest',
      REPORTS,
      ...SETTINGS,
      '--areas',
      AREAS,
      '--area-groups',
      'lt_45k_lb,gt_200k_lb',
      '--area-total',
      'total_income_lb',
      '--out',
      out,
    );
    expect(given.code).toBe(0);
    expect(given.stderr).toContain('groups: lt_45k_lb, gt_200k_lb; total: total_income_lb');
    const bad = await hexcast('backtest', REPORTS, ...SETTINGS, '--areas', AREAS, '--area-groups', 'department', '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/group column 'department' is a text column there; numeric columns: pred_count, asian_lb/);
    expect(bad.stderr).not.toContain('loading and binning');
  }, 120_000);

  it('refuses a file that is not a FeatureCollection, naming it, and the column flags without --areas', async () => {
    const notAreas = join(dir, 'point.geojson');
    writeFileSync(notAreas, JSON.stringify({ type: 'Point', coordinates: [0, 0] }));
    const bad = await hexcast('backtest', REPORTS, ...SETTINGS, '--areas', notAreas, '--out', join(dir, 'x.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`Area file '${notAreas}' is a GeoJSON Point; expected a FeatureCollection`);
    const usage = await hexcast('backtest', REPORTS, ...SETTINGS, '--area-total', 'x', '--out', join(dir, 'x.json'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--area-groups and --area-total need --areas FILE');
  }, 120_000);
});
