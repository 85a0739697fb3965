/**
 * The scoring path's speed work must not change one printed number: the report JSON of a real
 * backtest — every baseline, 52 weekly folds, Chicago at H3 resolution 9 (the workload of issue
 * 14's target) — is compared byte for byte with a fixture written before that work began
 * (test/fixtures/reports/chicago-res9-baselines.json.gz). Only what is a clock reading (every
 * `…Ms` field, `createdAt`) is blanked first. `WRITE_REPORT_FIXTURE=1` rewrites the fixture;
 * do that only for a change that is meant to move the numbers, and say why in the commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backtest } from '../src/lib/evaluate/backtest';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { reportJson } from '../src/lib/evaluate/report-json';
import { BASELINES } from '../src/lib/forecast/baselines';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { readArrow } from '../src/lib/io/read-arrow';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';

const DATA = new URL('../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url);
const FIXTURE = new URL('./fixtures/reports/chicago-res9-baselines.json.gz', import.meta.url);
const environment = { hexcast: 'test', runtime: 'test', libraries: {} };

/** The report with every clock reading blanked: durations (`…Ms`) to 0, `createdAt` to the epoch. */
function withoutClocks(json: string): string {
  const report = JSON.parse(json) as unknown;
  const blank = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(blank);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === 'createdAt' ? '1970-01-01T00:00:00.000Z' : /Ms$/.test(key) && typeof v === 'number' ? 0 : blank(v),
      ]),
    );
  };
  return `${JSON.stringify(blank(report), null, 2)}\n`;
}

describe('backtest(all baselines, 52 weekly folds, Chicago res 9) report JSON', () => {
  it('is byte-identical to the fixture written before the scoring speed work', async () => {
    const source = readArrow(new Uint8Array(readFileSync(DATA)), 'chicago-crimes-2014-2018.arrow');
    const mapping = detectMapping([source]).mapping!;
    const { panel, data } = preparePanel([source], 'sha', { mapping, bin: { res: 9, unit: 'week' } });
    const result = await backtest({
      panel,
      protocol: protocolOf({ horizon: 1, folds: 52, step: 1, validation: 0, coverage: [0.01, 0.05, 0.1] }),
      models: BASELINES.map((d) => ({ id: d.id, params: {} })),
      definitions: BASELINES,
      data,
      environment,
    });
    const got = withoutClocks(reportJson(result.report));
    if (process.env.WRITE_REPORT_FIXTURE === '1') writeFileSync(FIXTURE, gzipSync(got, { level: 9 }));
    expect(existsSync(FIXTURE), 'the fixture is missing: WRITE_REPORT_FIXTURE=1 writes it (only from a run before the change)').toBe(true);
    const expected = gunzipSync(readFileSync(FIXTURE)).toString('utf8');
    expect(got.length).toBe(expected.length);
    expect(got === expected, 'the report JSON differs from the fixture').toBe(true);
    // What the fixture holds, so that a fixture of the wrong run cannot pass unnoticed.
    const report = JSON.parse(got) as { models: unknown[]; cutoffs: unknown[]; panel: { resolution: number; cells: number } };
    expect([report.models.length, report.cutoffs.length, report.panel.resolution, report.panel.cells]).toEqual([BASELINES.length, 52, 9, 5216]);
  }, 120_000);
});
