/**
 * Save → load → run through the worker's Session: a learned model of a run, saved, loaded back
 * as a frozen model and run again forecasts its first fold exactly as the model refitted there
 * (both are the same fit on the same periods), and every later fold without refitting.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../evaluate/protocol';
import { ensureBackend } from '../forecast/tf';
import type { ColumnMapping } from '../io/column-mapping';
import { Session } from './session';

const PORTLAND = readFileSync(new URL('../../../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url));
const MAPPING: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ENVIRONMENT = { hexcast: 'test', runtime: 'node', libraries: {} };
const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('Session.saveModel → setFrozen → run', () => {
  it('forecasts fold 0 Float32-identically to the refitted GLM and later folds frozen; another resolution is refused', async () => {
    const session = new Session(async () => (await ensureBackend()).backend);
    await session.open([{ name: 'portland.arrow', bytes: buffer(PORTLAND) }]);
    await session.load(MAPPING);
    session.bin({ res: 7, unit: 'week', timeZone: null, categories: null });
    const protocol = protocolOf({ folds: 4, validation: 4, coverage: [0.05] });
    const run = (models: string[]) => session.run({ models, protocol, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
    const first = await run(['naive', 'poisson-glm']);
    const saved = await session.saveModel('poisson-glm');
    expect(saved.name).toBe('poisson-glm');
    expect(saved.periods).toBe(first.report.cutoffs[0].cutoff);

    const [info] = await session.setFrozen([{ name: 'glm.json', bytes: buffer(saved.bytes) }]);
    expect(info).toMatchObject({ id: 'frozen-poisson-glm', file: 'glm.json', model: 'poisson-glm', trainedOn: { periods: saved.periods } });
    const second = await run(['naive', 'poisson-glm']);
    expect(second.models).toEqual(['naive', 'poisson-glm', `frozen-poisson-glm(until ${first.report.cutoffs[0].testStart.slice(0, 10)})`]);
    expect(second.report.models[2].origin).toMatchObject({ kind: 'frozen', file: 'glm.json' });
    const C = first.cells.length;
    const at = (fold: number, m: number) => Array.from(session.stepSlice(fold, 0).forecasts.subarray(m * C, (m + 1) * C));
    expect(at(0, 2)).toEqual(at(0, 1)); // the same fit on the same periods
    expect(at(3, 2)).not.toEqual(at(3, 1)); // refitted on three more weeks vs frozen

    session.bin({ res: 8, unit: 'week', timeZone: null, categories: null });
    await expect(session.setFrozen([{ name: 'glm.json', bytes: buffer(saved.bytes) }])).rejects.toMatchObject({
      code: 'saved-model-mismatch',
      message: expect.stringContaining('was fitted on H3 resolution 7 with week buckets'),
    });
  }, 180_000);

  it('saves a built model and re-tests it frozen: fold 0 equal to the refitted one', async () => {
    const session = new Session(async () => (await ensureBackend()).backend);
    await session.open([{ name: 'portland.arrow', bytes: buffer(PORTLAND) }]);
    await session.load(MAPPING);
    session.bin({ res: 7, unit: 'week', timeZone: null, categories: null });
    const protocol = protocolOf({ folds: 2, validation: 4, coverage: [0.05] });
    const spec = 'build:features=lag1-2+cal+ring1';
    const run = () => session.run({ models: [spec], protocol, backend: 'auto', environment: ENVIRONMENT }, new AbortController().signal, () => {});
    const first = await run();
    const saved = await session.saveModel(spec);
    const [info] = await session.setFrozen([{ name: 'built.json', bytes: buffer(saved.bytes) }]);
    expect(info).toMatchObject({ id: 'frozen-build', file: 'built.json' });
    const second = await run();
    expect(second.models).toHaveLength(2);
    const C = first.cells.length;
    const at = (fold: number, m: number) => Array.from(session.stepSlice(fold, 0).forecasts.subarray(m * C, (m + 1) * C));
    expect(at(0, 1)).toEqual(at(0, 0));
  }, 180_000);
});
