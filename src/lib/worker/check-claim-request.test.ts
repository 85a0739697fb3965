import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkClaim, parseClaim } from '../claims';
import { protocolOf } from '../evaluate/protocol';
import type { ColumnMapping } from '../io/column-mapping';
import { readArrow } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { resolveModels, runBacktest } from '../pipeline/run';
import { applyBoundary } from '../pipeline/region';
import { preparePanel } from '../pipeline/prepare-panel';
import { Session } from './session';
import { externalForecastBytes } from '../../../test/fixtures/external-forecast-file';

const PORTLAND = new URL('../../../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url);
const MAPPING: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ENVIRONMENT = { hexcast: 'test', runtime: 'node', libraries: {} };
const MODELS = ['naive', 'historic-average', 'kde'];
const PROTOCOL = protocolOf({ folds: 6, validation: 0 });
const CLAIM = 'captures 40 % of incidents in 3 % of the area';

/** A session with the Portland sample loaded and binned at res 7 by month (no tfjs). */
async function portlandSession(): Promise<{ session: Session; bytes: Buffer }> {
  const bytes = readFileSync(PORTLAND);
  const session = new Session(() => Promise.reject(new Error('no tfjs in this test')));
  await session.open([{ name: 'portland.arrow', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }]);
  await session.load(MAPPING);
  session.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
  return { session, bytes };
}

describe('Session.checkClaim', () => {
  it('answers as the CLI pipeline does on the same file, binning, models and protocol (Portland, res 7, months)', async () => {
    const { session, bytes } = await portlandSession();
    await session.run({ models: MODELS, protocol: PROTOCOL, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
    const stages: string[] = [];
    const { check, skipped } = await session.checkClaim(CLAIM, ['period'], (p) => stages.push(p.stage));

    // The CLI's way: preparePanel, runBacktest, checkClaim.
    const source = readArrow(new Uint8Array(bytes), 'portland.arrow');
    const prepared = preparePanel([source], await sha256Hex(new Uint8Array(bytes)), { mapping: MAPPING, bin: { res: 7, unit: 'month' } });
    const models = await resolveModels(MODELS);
    const run = await runBacktest(
      prepared.binned,
      applyBoundary(prepared.panel, undefined),
      { models, protocol: PROTOCOL, environment: ENVIRONMENT, timings: {} },
      {},
    );
    const direct = checkClaim(parseClaim(CLAIM), run, { seed: PROTOCOL.seed });

    expect(check.baselines).toEqual(direct.baselines);
    expect(check.ceiling).toEqual(direct.ceiling);
    expect(check.random.mean).toBeCloseTo(0.03, 12); // random selection of 3 % of the area captures 3 % of the region's incidents
    expect(check.ceiling.mean).toBeLessThan(0.4);
    expect(check.conclusion.kind).toBe('impossible');
    const period = check.undefined.find((t) => t.term === 'period')!;
    expect(period.choices.map((c) => c.label)).toEqual(['month', 'day', 'week']);
    expect(skipped).toEqual([]);
    expect(stages).toContain('forecast');
  });

  it('after a run with external forecasts, checks the claim on the built-in models alone, on every fold (the file is no baseline)', async () => {
    const { session } = await portlandSession();
    const spec = { models: MODELS, protocol: PROTOCOL, backend: 'auto' as const, environment: ENVIRONMENT };
    await session.run(spec, new AbortController().signal, () => {});
    const plain = await session.checkClaim(CLAIM, [], () => {});

    // A "vendor" file: twice the naive forecasts, for the last three folds only.
    const rows = tableFromIPC(session.forecastsFile())
      .toArray()
      .filter((r) => Number(r.fold) >= 3);
    const file = externalForecastBytes(rows.map((r) => ({ period: Number(r.period), cell: String(r.cell), forecast: 2 * Number(r.naive) })));
    await session.setExternal([
      { name: 'vendor', file: { name: 'vendor.arrow', bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer } },
    ]);
    const result = await session.run(spec, new AbortController().signal, () => {});
    expect(result.report.models.map((m) => m.name)).toContain('vendor');
    expect(result.report.cutoffs).toHaveLength(3);

    const checked = await session.checkClaim(CLAIM, [], () => {});
    expect(checked.check.baselines).toEqual(plain.check.baselines);
    expect(checked.check.ceiling).toEqual(plain.check.ceiling);
    expect(checked.check.measured.folds).toBe(6);
  });

  it('the leakage lab runs on the panel of the last run, not on a binning chosen after it (the export puts the two side by side)', async () => {
    const { session } = await portlandSession();
    const protocol = protocolOf({ folds: 6, validation: 0 });
    const result = await session.run({ models: ['naive'], protocol, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
    session.bin({ res: 8, unit: 'week', timeZone: null, categories: null });
    const lab = await session.leakage({ models: ['naive'], protocol, environment: ENVIRONMENT }, new AbortController().signal, () => {});
    expect(lab.panel).toEqual({ resolution: 7, bucket: 'month', cells: result.report.panel.cells, periods: result.report.panel.periods });
  });

  it('asks for a run first', async () => {
    const session = new Session(() => Promise.reject(new Error('unused')));
    await expect(session.checkClaim(CLAIM, [], () => {})).rejects.toThrow(/run a backtest first/);
  });
});

describe('Session.checkClaim on a streamed file', () => {
  it('after a re-bin with another category filter, the binning variants of the run filtered as the run did: same as the whole-file path, none skipped', async () => {
    const bytes = readFileSync(PORTLAND);
    const check = async (streamFrom: number | undefined): Promise<Awaited<ReturnType<Session['checkClaim']>>> => {
      const session = new Session(() => Promise.reject(new Error('no tfjs in this test')));
      await session.open([{ name: 'portland.arrow', file: new Blob([new Uint8Array(bytes)]) }], undefined, { streamFrom });
      await session.load(MAPPING);
      const burglary = { res: 7, unit: 'month', timeZone: null, categories: ['BURGLARY'] } as const;
      await session.prepareBin(burglary);
      session.bin(burglary);
      await session.run({ models: MODELS, protocol: PROTOCOL, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
      // Another filter replaces the one held decode of the load (a streamed load keeps no rows to decode it from again).
      const other = { ...burglary, categories: ['MOTOR VEHICLE THEFT'] };
      await session.prepareBin(other);
      session.bin(other);
      return session.checkClaim(CLAIM, ['period'], () => {});
    };
    const streamed = await check(0);
    const whole = await check(undefined);
    expect(streamed.skipped).toEqual([]);
    expect(whole.skipped).toEqual([]);
    expect(streamed.check).toEqual(whole.check);
    expect(streamed.check.undefined.find((t) => t.term === 'period')!.choices.map((c) => c.label)).toEqual(['month', 'day', 'week']);
  }, 120_000);

  it('a bin with another filter finishing while the run runs (runs skip the request queue) leaves the claim check on the run’s filter and panel', async () => {
    const bytes = readFileSync(PORTLAND);
    const session = new Session(() => Promise.reject(new Error('no tfjs in this test')));
    await session.open([{ name: 'portland.arrow', file: new Blob([new Uint8Array(bytes)]) }], undefined, { streamFrom: 0 });
    await session.load(MAPPING);
    const burglary = { res: 7, unit: 'month', timeZone: null, categories: ['BURGLARY'] } as const;
    await session.prepareBin(burglary);
    session.bin(burglary);
    // The other filter's decode replaces the load's one held decode before the run; its bin lands during the run.
    const other = { ...burglary, categories: ['MOTOR VEHICLE THEFT'] };
    await session.prepareBin(other);
    let binnedDuringRun = false;
    const result = await session.run({ models: MODELS, protocol: PROTOCOL, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, (p) => {
      if (p.stage !== 'forecast' || binnedDuringRun) return;
      binnedDuringRun = true;
      session.bin(other);
    });
    expect(binnedDuringRun).toBe(true);
    expect(result.report.data).toMatchObject({ kind: 'incidents', mapping: { categories: ['BURGLARY'] } });
    const checked = await session.checkClaim(CLAIM, ['period'], () => {});

    // The same claim on the same run without the race, through the whole-file path.
    const plain = new Session(() => Promise.reject(new Error('no tfjs in this test')));
    await plain.open([{ name: 'portland.arrow', file: new Blob([new Uint8Array(bytes)]) }]);
    await plain.load(MAPPING);
    plain.bin(burglary);
    await plain.run({ models: MODELS, protocol: PROTOCOL, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
    const expected = await plain.checkClaim(CLAIM, ['period'], () => {});
    expect(checked.skipped).toEqual([]);
    expect(checked.check).toEqual(expected.check);
  }, 120_000);
});
