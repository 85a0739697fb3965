/**
 * The app and the CLI are two shells over one pipeline (src/lib/pipeline): the same files,
 * mapping, category filter, binning, boundary, models and protocol give the same result at every
 * stage — loaded counts, panel, study region, forecasts and report — whether they go through the
 * worker's Session (messages in, messages out) or through the `hexcast` commands (flags in, files
 * out). Only timings, the creation time and the runtime may differ.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliLoadWarnings } from '../src/cli/load-warnings';
import { main } from '../src/cli/main';
import { mappingFromFlags } from '../src/cli/mapping-flags';
import { protocolOf } from '../src/lib/evaluate/protocol';
import type { Report } from '../src/lib/evaluate/report';
import type { ColumnMapping } from '../src/lib/io/column-mapping';
import { readArrow } from '../src/lib/io/read-arrow';
import { readPanelFile } from '../src/lib/grid/panel-file';
import { panelTotals } from '../src/lib/pipeline/bin';
import { reportJson } from '../src/lib/pipeline/run';
import type { BinResult, LoadResult, RunResult } from '../src/lib/worker/protocol';
import { Session } from '../src/lib/worker/session';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const FLAGS = { x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913', tz: 'America/Los_Angeles' };
const CLI_MAPPING = ['--x', FLAGS.x, '--y', FLAGS.y, '--crs', FLAGS.crs, '--tz', FLAGS.tz];
const CATEGORIES = ['BURGLARY'];
const MODELS = ['naive', 'historic-average', 'kde:window=8'];
const PROTOCOL = protocolOf({ horizon: 2, folds: 4, step: 2, validation: 0, coverage: [0.05, 0.2] });
// A rectangle over east Portland and beyond (WGS84 lng/lat), so the boundary adds empty cells and leaves some data cells out.
const RING = [
  [-122.7, 45.5],
  [-122.5, 45.5],
  [-122.5, 45.62],
  [-122.7, 45.62],
  [-122.7, 45.5],
];
const BOUNDARY = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [RING] } });

const dir = mkdtempSync(join(tmpdir(), 'hexcast-parity-'));
const path = (name: string): string => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `hexcast …args` in this process; returns its exit code and stdout. */
async function hexcast(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A report without what may differ between two runs of the same thing: creation time, runtime, timings. */
function comparable(report: Report): unknown {
  const { createdAt: _c, environment: _e, timings: _t, models, ...rest } = report;
  return { ...rest, models: models.map(({ timing: _m, ...model }) => model) };
}

/** An Arrow table as plain columns of numbers and strings. */
function columns(table: Table): Record<string, unknown[]> {
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, Array.from(table.getChild(f.name)!, (v) => (typeof v === 'bigint' ? Number(v) : v))]));
}

describe('the worker session and the CLI give the same result at every stage', () => {
  const bytes = readFileSync(PORTLAND);
  const name = basename(PORTLAND);
  let mapping: ColumnMapping;
  let app: { load: LoadResult; panel: BinResult; bounded: BinResult; run: RunResult; forecasts: Uint8Array };

  beforeAll(async () => {
    // The mapping the CLI derives from its flags; the app sends the same mapping and the categories with the binning.
    const { categories: _, ...withoutFilter } = mappingFromFlags([readArrow(new Uint8Array(bytes), name)], FLAGS, CATEGORIES);
    mapping = withoutFilter;
    const session = new Session(() => Promise.reject(new Error('no tfjs in this test')));
    await session.open([{ name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }]);
    const load = await session.load(mapping);
    const settings = { res: 8, unit: 'week' as const, timeZone: null, categories: CATEGORIES };
    await session.prepareBin(settings); // as the worker's 'bin' does: the streamed file decoded with the category filter
    const panel = session.bin(settings);
    await session.setBoundary({ name: 'east.geojson', text: BOUNDARY });
    const bounded = session.bin(settings);
    const run = await session.run(
      { models: MODELS, protocol: PROTOCOL, backend: 'auto', environment: { hexcast: 'test', runtime: 'node', libraries: {} } },
      new AbortController().signal,
      () => {},
    );
    app = { load, panel, bounded, run, forecasts: session.forecastsFile() };
    writeFileSync(path('east.geojson'), BOUNDARY);
  }, 60_000);

  it('loaded counts: the same rows read, kept and dropped by reason, with the same examples and warnings', async () => {
    const { code, stdout } = await hexcast('inspect', PORTLAND, ...CLI_MAPPING, '--json');
    expect(code).toBe(0);
    const cli = JSON.parse(stdout);
    expect(app.load.report.read).toBe(15_206);
    expect(cli.rows).toEqual({ read: app.load.report.read, kept: app.load.report.kept, dropped: app.load.report.dropped });
    expect(cli.examples).toEqual(app.load.report.examples);
    // The same warnings, each remedy worded as the CLI's flag (the app words them as its controls).
    const { clock, timeZone } = app.load.summary;
    expect(cli.warnings).toEqual(cliLoadWarnings({ clock, timeZone, report: app.load.report }, mapping));
    expect(cli.warnings).toHaveLength(app.load.report.warnings.length);
    // Not two empty lists: Portland repeats 66 rows whole (--tz declares the zone, so no zone warning), in each shell's words.
    const repeats =
      '66 rows repeat an earlier row in every column (in portland-nij-burglary-vehicle-2012-2017.arrow: row 545 repeats row 544; row 604 repeats row 602; row 770 repeats row 768; row 1,322 repeats row 1,319; row 1,654 repeats row 1,651; …): kept';
    expect(app.load.report.warnings).toEqual([`${repeats}; drop them with the duplicates setting`]);
    expect(cli.warnings).toEqual([`${repeats}; drop them with --duplicates drop`]);
    expect(cli.categories).toEqual(app.load.summary.categories);
  });

  it('panel: the same cells, periods and counts per cell and per period, and the same incidents left out by the category filter', async () => {
    const { code } = await hexcast(
      'bin',
      PORTLAND,
      ...CLI_MAPPING,
      '--res',
      '8',
      '--bucket',
      'week',
      '--category',
      ...CATEGORIES,
      '--out',
      path('panel.arrow'),
    );
    expect(code).toBe(0);
    const { panel } = readPanelFile([readArrow(readFileSync(path('panel.arrow')), 'panel.arrow')]);
    const totals = panelTotals(panel);
    expect(panel.cells).toEqual(app.panel.cells);
    expect(Array.from(panel.periods)).toEqual(Array.from(app.panel.periods)); // wall-clock data: readings are the periods
    expect(Array.from(totals.cellTotals)).toEqual(Array.from(app.panel.cellTotals));
    expect(Array.from(totals.periodTotals)).toEqual(Array.from(app.panel.periodTotals));
    expect(app.panel.filtered).toBe(9_842); // the MOTOR VEHICLE THEFT rows, as the CLI's row accounting says (15,206 − 5,364)
  });

  describe('with a boundary, through hexcast backtest', () => {
    let report: Report;
    let forecasts: Table;

    beforeAll(async () => {
      const args = ['backtest', PORTLAND, ...CLI_MAPPING, '--category', ...CATEGORIES, '--res', '8', '--bucket', 'week', '--boundary', path('east.geojson')];
      const protocol = ['--horizon', '2', '--folds', '4', '--step', '2', '--validation', '0', '--coverage', '0.05,0.2', '--models', MODELS.join(',')];
      const { code } = await hexcast(...args, ...protocol, '--out', path('report.json'), '--forecasts', path('forecasts.arrow'), '--quiet');
      expect(code).toBe(0);
      report = JSON.parse(readFileSync(path('report.json'), 'utf8'));
      forecasts = tableFromIPC(readFileSync(path('forecasts.arrow')));
    }, 60_000);

    it('regions: the same cells, the boundary cover as study region, and the same in-region flags', () => {
      expect(app.bounded.boundary!.added).toBeGreaterThan(0);
      expect(app.bounded.boundary!.outside).toBeGreaterThan(0);
      const C = app.run.cells.length;
      const cells = columns(forecasts).cell.slice(0, C);
      expect(cells).toEqual(app.run.cells);
      expect(app.run.cells).toEqual(app.bounded.cells);
      expect(columns(forecasts).in_region.slice(0, C).map(Number)).toEqual(Array.from(app.run.region));
      expect(report.panel.studyRegion).toEqual(app.run.report.panel.studyRegion);
      expect(report.panel.studyRegion).toMatchObject({ source: 'boundary', cells: app.bounded.boundary!.cells });
    });

    it('forecasts: the same Arrow table, row for row and column for column', () => {
      const fromApp = tableFromIPC(app.forecasts);
      expect(fromApp.numRows).toBe(PROTOCOL.folds * PROTOCOL.horizon * app.run.cells.length);
      expect(columns(forecasts)).toEqual(columns(fromApp));
    });

    it('reports: the same JSON file but for creation time, runtime and timings', () => {
      expect(report.models.map((m) => m.name)).toEqual(['naive', 'historic-average', 'kde(window=8, rings=1)']);
      expect(comparable(report)).toEqual(comparable(JSON.parse(reportJson(app.run.report)))); // as the app's export writes it
      // The same load warnings in both reports, in the neutral words each shell's rendering words as its own control: the burglaries' repeated rows.
      expect(report.data.warnings).toHaveLength(1);
      expect(report.data.warnings![0]).toMatch(
        /^\d+ rows repeat an earlier row in every column \(in portland-nij-.+\): kept; drop them with the duplicates setting$/,
      );
    });
  });
});
