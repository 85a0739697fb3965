/**
 * The GRU trains in the app's worker (issue 14): its backward pass is a hand-written tfjs
 * `customGrad` op (src/lib/forecast/tf/gru-recurrence.ts), checked against automatic
 * differentiation in Node; this runs it where users run it — the production build's worker, on
 * the WASM backend of a cross-origin-isolated page — over one fold of the bundled sample, and
 * reads the forecasts file back: one finite, non-negative forecast per cell, not all the same.
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../../src/lib/evaluate/protocol';
import { defaultExperiment } from '../../src/app/experiment';
import { encodeExperiment } from '../../src/app/experiment-url';
import { download, runLinkedSample, useApp } from './harness';

const { open } = useApp();
const experiment = defaultExperiment({ kind: 'sample', id: 'chicago-3-types-2014-2018' });
const GRU_ONE_FOLD = `?workers=1#${encodeExperiment({ ...experiment, models: ['gru'], protocol: protocolOf({ ...experiment.protocol, folds: 1 }) })}`;

describe('the GRU in the browser', () => {
  it('trains with its hand-written backward pass in the worker and writes finite forecasts', async () => {
    const app = await open(GRU_ONE_FOLD);
    const { page } = app;
    await runLinkedSample(page, 'Run 1 model × 1 folds');
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 600_000 });
    const table = tableFromIPC(await download(page, 'Forecasts (Arrow)'));
    const column = table.schema.fields.find((f) => f.name.startsWith('gru('));
    expect(column?.name, table.schema.fields.map((f) => f.name).join(', ')).toBe('gru(hidden=16,window=26)');
    const values = [...table.getChild(column!.name)!].map(Number);
    expect(values.length).toBeGreaterThan(100);
    expect(values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(10);
    await app.screenshot('gru-run');
    expect(app.pageErrors).toEqual([]);
  }, 900_000);
});
