/**
 * The `hexcast` command as a user runs it: real files from ../shared/data, real processes,
 * exit codes, JSON on stdout, files written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dictionary, Int32, Utf8, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { arrowTableBytes, vectorOfValues } from '../src/lib/io/arrow-table-bytes';
import { hexcast } from './fixtures/run-hexcast';

const CHICAGO = '../shared/data/chicago-crimes-2014-2018.arrow';
const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const dir = mkdtempSync(join(tmpdir(), 'hexcast-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hexcast inspect', () => {
  it('accounts for every row of the Chicago file: 1,306,393 read = 1,293,304 kept + 13,084 null locations + 5 outliers', async () => {
    const { code, stdout } = await hexcast('inspect', CHICAGO, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows.read).toBe(1_306_393);
    expect(out.rows.kept).toBe(1_293_304);
    expect(Object.fromEntries(Object.entries(out.rows.dropped).filter(([, n]) => n !== 0))).toEqual({ 'location-null': 13_084, 'location-outlier': 5 });
    expect(out.mapping.location).toEqual({ kind: 'latlng', lat: 'latitude', lng: 'longitude' });
    expect(out.timeZone).toBe('America/Chicago');
    expect(out.categories[0]).toEqual({ name: 'THEFT', count: 298_128 });
    expect(out.categories).toHaveLength(33);
  });

  it('prints names from the file with their control characters shown, not obeyed: no terminal escape reaches the screen', async () => {
    const sample = tableFromIPC(readFileSync('public/samples/chicago-3-types-2014-2018.arrow'));
    const n = 50;
    const hostile = ['THEFT\u001b[2J\u001b[H', 'ROBBERY\u001b]0;owned\u0007', 'BURGLARY\u202eexe.arrow'];
    const path = join(dir, 'escapes\u001b[31m.arrow');
    writeFileSync(
      path,
      arrowTableBytes({
        occurred_at: sample.getChild('occurred_at')!.slice(0, n),
        latitude: sample.getChild('latitude')!.slice(0, n),
        longitude: sample.getChild('longitude')!.slice(0, n),
        ['primary_type\u001b[8m']: vectorOfValues(
          Array.from({ length: n }, (_, i) => hostile[i % 3]),
          new Dictionary(new Utf8(), new Int32()),
        ),
      }),
    );
    const { code, stdout } = await hexcast('inspect', path);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u001b\u0007\u202e]/); // eslint-disable-line no-control-regex -- the controls must be gone
    expect(stdout).toContain('escapes\\x1b[31m.arrow: 50 rows');
    expect(stdout).toContain('category  primary_type\\x1b[8m');
    expect(stdout).toContain('  THEFT\\x1b[2J\\x1b[H');
    expect(stdout).toContain('  ROBBERY\\x1b]0;owned\\x07');
    expect(stdout).toContain('  BURGLARY\\u202eexe.arrow');
  });

  it('reads the zone-less Chicago sample as UTC instants with --clock instant, and says so', async () => {
    const sample = 'public/samples/chicago-3-types-2014-2018.arrow';
    const wall = JSON.parse((await hexcast('inspect', sample, '--json')).stdout);
    const { code, stdout } = await hexcast('inspect', sample, '--clock', 'instant', '--tz', 'America/Chicago');
    expect(code).toBe(0);
    expect(stdout).toContain('  time      occurred_at → instants, America/Chicago');
    const utc = JSON.parse((await hexcast('inspect', sample, '--clock', 'instant', '--json')).stdout);
    expect([wall.clock, utc.clock]).toEqual(['wall', 'instant']);
    expect(utc.mapping.time.clock).toBe('instant');
    expect(utc.rows).toEqual(wall.rows);
  });

  it('asks for a CRS on the projected Portland file, and loads all 15,206 rows with --crs EPSG:2913', async () => {
    const refused = await hexcast('inspect', PORTLAND);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/declare their CRS/);
    const { code, stdout } = await hexcast('inspect', PORTLAND, '--x', 'x_coordinate', '--y', 'y_coordinate', '--crs', 'EPSG:2913', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows).toMatchObject({ read: 15_206, kept: 15_206 });
    expect(out.categories).toEqual([
      { name: 'MOTOR VEHICLE THEFT', count: 9_842 },
      { name: 'BURGLARY', count: 5_364 },
    ]);
    expect(out.extent.south).toBeGreaterThan(45.4);
    expect(out.extent.north).toBeLessThan(45.7);
  });

  it('--crs takes any registry code: Portland read as EPSG:2269 (NAD83 / Oregon North (ft), not bundled) keeps every row, in Portland', async () => {
    const { code, stdout } = await hexcast('inspect', PORTLAND, '--x', 'x_coordinate', '--y', 'y_coordinate', '--crs', '2269', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows).toMatchObject({ read: 15_206, kept: 15_206 });
    expect(out.extent.south).toBeGreaterThan(45.4);
    expect(out.extent.north).toBeLessThan(45.7);
  });

  it.each([
    [['inspect', '/nonexistent.arrow'], 1, "cannot read '/nonexistent.arrow': no such file"],
    [['inspect', 'package.json'], 1, "file 'package.json' is JSON but an object of type 'module', not GeoJSON"], // package.json's own "type",
    [['inspect', PORTLAND, '--lat', 'a', '--x', 'b'], 2, 'give either --lat/--lng or --x/--y, not both'],
    [['inspect', PORTLAND, '--clock', 'utc'], 2, "--clock must be instant (zone-less times are UTC) or wall (epoch numbers are local readings), got 'utc'"],
    [['inspect', PORTLAND, '--frobnicate'], 2, "Unknown option '--frobnicate'"],
    [['frobnicate'], 2, "unknown command 'frobnicate'"],
    [['bin', PORTLAND, '--res', '99', '--bucket', 'week', '--out', 'x'], 2, '--res must be a whole number from 0 to 15'],
    [
      ['inspect', PORTLAND, '--crs', 'EPSG:99999', '--x', 'x_coordinate', '--y', 'y_coordinate'],
      1,
      "unknown CRS 'EPSG:99999': the EPSG registry Hexcast ships (6983 projected and geographic 2D CRSs) has no such code",
    ],
    [
      ['inspect', PORTLAND, '--crs', 'PROJCS["x",GEOGCS["y"', '--x', 'x_coordinate', '--y', 'y_coordinate'],
      1,
      `cannot use the CRS WKT 'PROJCS["x",GEOGCS["y"': unable to parse string`,
    ],
    [
      ['inspect', PORTLAND, '--crs', 'EPSG:2913', '--x', 'x_coordinate', '--y', 'y_coordinate', '--category', 'category'],
      2,
      "'category' is a column: to choose the category column, use --category-column category",
    ],
  ])('hexcast %j exits %i with a one-line reason', async (args, exit, message) => {
    const { code, stderr } = await hexcast(...args);
    expect(code).toBe(exit);
    expect(stderr).toContain(message);
  });

  it.each([
    [['inspect', '/nonexistent.arrow'], 1, 'file-unreadable'],
    [['inspect', 'package.json'], 1, 'geojson-invalid'],
    [['inspect', PORTLAND, '--crs', 'EPSG:9999', '--x', 'x_coordinate', '--y', 'y_coordinate'], 1, 'crs-unknown'],
    [['inspect', PORTLAND, '--frobnicate'], 2, 'usage'],
    [['bin', PORTLAND, '--res', '99', '--bucket', 'week', '--out', 'x'], 2, 'usage'],
  ])('hexcast %j exits %i and ends its reason with the code (%s)', async (args, exit, errorCode) => {
    const { code, stderr } = await hexcast(...args);
    expect(code).toBe(exit);
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`: .+ \\(${errorCode}\\)$`));
  });
});

describe('hexcast bin and backtest', () => {
  const panel = join(dir, 'portland-weekly.arrow');

  it('bins Portland burglaries weekly at res 8 into a panel file', async () => {
    const { code, stderr } = await hexcast(
      'bin',
      PORTLAND,
      '--crs',
      'EPSG:2913',
      '--x',
      'x_coordinate',
      '--y',
      'y_coordinate',
      '--res',
      '8',
      '--bucket',
      'week',
      '--category',
      'BURGLARY',
      '--out',
      panel,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/15,206 rows read, 5,364 kept/);
    const table = tableFromIPC(readFileSync(panel));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['cell', 'period', 'count', 'area_m2']);
    let total = 0;
    for (const v of table.getChild('count')!) total += Number(v);
    // 5,364 burglaries minus those in the partial first week (data starts Thursday 2012-03-01).
    expect(total).toBeLessThan(5_364);
    expect(total).toBeGreaterThan(5_300);
  });

  it('backtests the panel file and writes JSON, Markdown, HTML and forecasts; the same run gives the same numbers', async () => {
    const args = [
      'backtest',
      panel,
      '--folds',
      '20',
      '--horizon',
      '2',
      '--step',
      '2',
      '--models',
      'naive,historic-average,kde,sepp',
      '--coverage',
      '0.02,0.1',
      '--quiet',
    ];
    const first = await hexcast(
      ...args,
      '--out',
      join(dir, 'a.json'),
      '--md',
      join(dir, 'a.md'),
      '--html',
      join(dir, 'a.html'),
      '--forecasts',
      join(dir, 'a.arrow'),
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(a.format).toBe('hexcast-report');
    expect(a.data.kind).toBe('panel');
    expect(a.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.panel).toMatchObject({ resolution: 8, bucket: 'week', clock: 'wall' });
    expect(a.protocol).toMatchObject({ horizon: 2, folds: 20, step: 2, coverage: [0.02, 0.1] });
    expect(a.models.map((m: { name: string }) => m.name)).toEqual(['naive', 'historic-average', 'kde(window=13, rings=1)', 'sepp']);
    for (const m of a.models) {
      for (const key of ['mae', 'rmse', 'poissonDeviance', 'mase', 'brier']) expect(Object.keys(m.metrics[key])).toEqual(['mean', 'lo', 'hi', 'n', 'nanCount']);
      for (const key of ['hitRate', 'pai', 'pei']) expect(Object.keys(m.metrics[key])).toEqual(['0.02', '0.1']);
    }
    expect(a.folds).toHaveLength(4 * 20);
    for (const file of ['a.md', 'a.capture.svg', 'a.folds.svg', 'a.html', 'a.arrow']) expect(existsSync(join(dir, file))).toBe(true);
    expect(tableFromIPC(readFileSync(join(dir, 'a.arrow'))).numRows).toBe(20 * 2 * a.panel.cells);

    await hexcast(...args, '--out', join(dir, 'b.json'));
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    const numbers = (r: typeof a) =>
      JSON.stringify({
        models: r.models.map((m: { metrics: unknown; comparisons: unknown }) => [m.metrics, m.comparisons]),
        folds: r.folds,
        summary: r.summary,
      });
    expect(numbers(b)).toBe(numbers(a));
  });

  it('uses a GeoJSON boundary as the study region, empty cells included', async () => {
    // A rectangle over central Portland (WGS84 lng/lat), about 6 × 5 km.
    const boundary = join(dir, 'central.geojson');
    const ring = [
      [-122.7, 45.5],
      [-122.62, 45.5],
      [-122.62, 45.545],
      [-122.7, 45.545],
      [-122.7, 45.5],
    ];
    writeFileSync(boundary, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
    const { code } = await hexcast(
      'backtest',
      panel,
      '--folds',
      '8',
      '--models',
      'naive,historic-average',
      '--boundary',
      boundary,
      '--out',
      join(dir, 'boundary.json'),
      '--quiet',
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'boundary.json'), 'utf8'));
    expect(report.panel.studyRegion.source).toBe('boundary');
    // ≈ 30 km² of res-8 cells (≈ 0.74 km² each); the whole city has ≈ 480.
    expect(report.panel.studyRegion.cells).toBeGreaterThan(25);
    expect(report.panel.studyRegion.cells).toBeLessThan(60);
    expect(report.panel.studyRegion.area_m2 / 1e6).toBeGreaterThan(20);
    expect(report.panel.studyRegion.area_m2 / 1e6).toBeLessThan(45);
  });

  it('stops with a clear error when the panel is too short for the protocol', async () => {
    const { code, stderr } = await hexcast('backtest', panel, '--folds', '400', '--out', join(dir, 'x.json'), '--quiet');
    expect(code).toBe(1);
    expect(stderr).toMatch(/The panel has \d+ periods; 400 folds of horizon 1 stepping by 1 need at least 401 \(panel-too-short\)$/m);
  });

  it('calls a protocol value given as a flag a usage error, keeping its code', async () => {
    const { code, stderr } = await hexcast('backtest', panel, '--horizon', '0', '--out', join(dir, 'x.json'), '--quiet');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('hexcast backtest: --horizon must be a whole number ≥ 1, got 0 (protocol-invalid)');
  });

  it('records in the panel file where it came from, and hexcast inspect shows it: 15,206 read = 5,364 kept, the partial first week trimmed', async () => {
    const { code, stdout } = await hexcast('inspect', panel, '--json');
    expect(code).toBe(0);
    const facts = JSON.parse(stdout);
    expect(facts.kind).toBe('panel');
    expect(facts.panel).toMatchObject({ resolution: 8, bucket: { unit: 'week', clock: 'wall' } });
    const origin = facts.origins[0].origin;
    expect(origin.files).toEqual([{ name: 'portland-nij-burglary-vehicle-2012-2017.arrow', bytes: 366_058, rows: 15_206 }]);
    expect(origin.rows.read).toBe(15_206);
    expect(origin.rows.kept).toBe(5_364);
    // The first ISO week (from Monday 2012-02-27) is covered only from Thursday 2012-03-01: its burglaries are left out.
    expect(origin.binning.trimmedFirst).toBeGreaterThan(0);
    expect(origin.binning.binned + origin.binning.trimmedFirst + origin.binning.trimmedLast).toBe(5_364);
    expect(origin.binning.binned).toBe(facts.panel.incidents);
    expect(origin.binning.notes[0]).toMatch(/^the first week \(starting 2012-02-27\) is only partly covered/);
    const text = await hexcast('inspect', panel);
    expect(text.stdout).toContain('was binned from portland-nij-burglary-vehicle-2012-2017.arrow (15,206 rows)');
    expect(text.stdout).toMatch(/Rows +15,206 read = 5,364 kept \+ 9,842 dropped/);
    expect(text.stdout).toContain('the first week (starting 2012-02-27) is only partly covered');
  });

  it('writes its outputs whole or not at all: a missing --md folder fails before the run, leaving no JSON or forecasts', async () => {
    const out = join(dir, 'partial.json');
    const forecasts = join(dir, 'partial.arrow');
    const { code, stderr } = await hexcast(
      'backtest',
      panel,
      '--models',
      'naive',
      '--out',
      out,
      '--md',
      join(dir, 'missing-dir', 'x.md'),
      '--forecasts',
      forecasts,
      '--quiet',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`--md ${join(dir, 'missing-dir', 'x.md')}: the folder '${join(dir, 'missing-dir')}' does not exist`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(forecasts)).toBe(false);
    const clash = await hexcast('backtest', panel, '--models', 'naive', '--out', out, '--forecasts', out, '--quiet');
    expect(clash.stderr).toContain(`--forecasts ${out}: the same file as --out`);
    expect(existsSync(out)).toBe(false);
  });

  it('re-renders a report with hexcast report', async () => {
    const { code } = await hexcast('report', join(dir, 'a.json'), '--md', join(dir, 'c.md'));
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'c.md'), 'utf8')).toMatch(/^# Hexcast backtest report/);
  });
});

describe('defaults on the data a user has: Portland burglaries cut to 30 weeks (2016-10-31 to 2017-05-28)', () => {
  const short = join(dir, 'portland-30-weeks.arrow');
  const binning = [
    '--crs',
    'EPSG:2913',
    '--x',
    'x_coordinate',
    '--y',
    'y_coordinate',
    '--res',
    '8',
    '--bucket',
    'week',
    '--category',
    'BURGLARY',
    '--keep-partial',
  ];
  {
    // The file is sorted by date: rows [a, b) are the 30 ISO weeks, kept as the original Arrow schema.
    const table = tableFromIPC(readFileSync(PORTLAND));
    const dates = table.getChild('occ_date')!;
    let a = 0;
    while (Number(dates.get(a)) < Date.UTC(2016, 9, 31)) a++;
    let b = a;
    while (b < table.numRows && Number(dates.get(b)) < Date.UTC(2017, 4, 29)) b++;
    writeFileSync(short, tableToIPC(table.slice(a, b), 'file'));
  }

  it('runs the baselines with default settings: 17 folds (kde’s 13 weeks fit), seasonal-naive left out with its reason in JSON, Markdown and HTML', async () => {
    const { code, stderr } = await hexcast(
      'backtest',
      short,
      ...binning,
      '--out',
      join(dir, 's.json'),
      '--md',
      join(dir, 's.md'),
      '--html',
      join(dir, 's.html'),
      '--quiet',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(report.panel.periods).toBe(30);
    expect(report.protocol.folds).toBe(17);
    expect(report.cutoffs[0].cutoff).toBe(13);
    expect(report.fitToPanel.requested.folds).toBe('auto');
    const reason =
      'seasonal-naive(m=52) needs 52 training periods, but the panel has only 29 before its last cutoff (30 periods, horizon 1) (a season is never shortened)';
    expect(report.fitToPanel.leftOut).toEqual([{ model: 'seasonal-naive(m=52)', reason }]);
    expect(report.models.map((m: { name: string }) => m.name)).toEqual([
      'naive',
      'historic-average',
      'shrunk-average',
      'window-average(k=4)',
      'ewma(alpha=0.3)',
      'kde(window=13, rings=1)',
      'prospective(rings=2, periods=8)',
    ]);
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toContain(`  - Left out: ${reason}`);
    expect(readFileSync(join(dir, 's.html'), 'utf8')).toContain(`Left out: ${reason}.`);
  });

  it('runs the learned models with default settings (few epochs): 10 folds, and the GRU’s 26-week window shrinks to 4', async () => {
    const models = 'sepp,poisson-glm,mlp:epochs=1,gru:epochs=1,graph:epochs=1';
    const { code, stderr } = await hexcast('backtest', short, ...binning, '--models', models, '--refit', '5', '--out', join(dir, 'l.json'), '--quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'l.json'), 'utf8'));
    // Each learned model needs 4 + 8 periods plus 8 for validation: folds = 29 − 20 + 1 = 10.
    expect(report.protocol.folds).toBe(10);
    expect(report.fitToPanel.leftOut).toEqual([]);
    expect(report.fitToPanel.choices.map((c: { setting: string; value: number }) => [c.setting, c.value])).toEqual([
      ['folds', 10],
      ['gru: window', 4],
      ['graph: window', 4],
    ]);
    expect(report.models.map((m: { name: string }) => m.name)).toEqual([
      'sepp',
      'poisson-glm',
      'mlp(hidden=32,epochs=1)',
      'gru(hidden=16,window=4,epochs=1)',
      'graph(hidden=16,layers=2,window=4,epochs=1)',
    ]);
  });

  it('keeps today’s precise errors for explicit settings that cannot fit', async () => {
    const folds = await hexcast('backtest', short, ...binning, '--folds', '26', '--models', 'poisson-glm', '--out', join(dir, 'e.json'), '--quiet');
    expect(folds.code).toBe(1);
    expect(folds.stderr).toContain(
      "Model 'poisson-glm' needs 12 training periods plus 8 for validation, but the first fold has only 4 (cutoff at period 4 of 30); use fewer folds, a shorter horizon or a longer window",
    );
    const season = await hexcast('backtest', short, ...binning, '--models', 'naive,seasonal-naive:m=52', '--out', join(dir, 'e.json'), '--quiet');
    expect(season.code).toBe(1);
    expect(season.stderr).toContain(
      "Model 'seasonal-naive(m=52)' needs 52 training periods, but the panel has only 29 before its last cutoff (30 periods, horizon 1); lower m or set it to 0 (auto)",
    );
    const none = await hexcast('backtest', short, ...binning, '--models', 'seasonal-naive', '--out', join(dir, 'e.json'), '--quiet');
    expect(none.stderr).toContain('No model can run on this panel of 30 periods: seasonal-naive(m=52) needs 52 training periods');
    expect(existsSync(join(dir, 'e.json'))).toBe(false);
  });
});
