import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import type { HexGeometry } from '../../lib/plots/hex-geometry';
import type { BinResult } from '../../lib/worker/protocol';
import { BinningState } from './binning.svelte';

const geometry = {
  width: 10,
  height: 10,
  paths: ['M0,0Z'],
  centres: new Float32Array(2),
  metresPerPixel: 1,
  outline: null,
  projection: { scale: 1, translate: [0, 0] },
} as HexGeometry;
const answer = (res: number, withGeometry: boolean) => ({ res, geometry: withGeometry ? geometry : null, geometryKey: 'k' }) as unknown as BinResult;
const settings = (res: number) => ({ res, unit: 'week' as const, timeZone: null, categories: null });

describe('BinningState', () => {
  it('shows only the newest answer, but keeps geometry that came with an older one', async () => {
    const worker = fakeWorker();
    const binning = new BinningState(worker.client);
    const first = binning.apply(settings(7));
    const firstId = worker.last().id;
    const second = binning.apply(settings(8));
    const secondId = worker.last().id;
    expect(binning.settings.res).toBe(8);
    worker.reply({ type: 'done', id: firstId, request: 'bin', result: answer(7, true) });
    expect(await first).toBe(false);
    expect(binning.result).toBeNull();
    expect(binning.geometry).toBe(geometry); // the worker will not send it again
    expect(binning.busy).toBe(true);
    worker.reply({ type: 'done', id: secondId, request: 'bin', result: answer(8, false) });
    expect(await second).toBe(true);
    expect(binning.result?.res).toBe(8);
    expect(binning.geometry).toBe(geometry);
    expect(binning.busy).toBe(false);
  });

  it('shows an error, and ignores an AbortError from a superseded request', async () => {
    const worker = fakeWorker();
    const binning = new BinningState(worker.client);
    const first = binning.apply(settings(7));
    worker.reply({
      type: 'error',
      id: worker.last().id,
      error: { name: 'HexcastError', code: 'panel-too-large', message: 'A panel of 43800 hour periods × 5000 cells is too large' },
    });
    expect(await first).toBe(false);
    expect(binning.error).toBe('A panel of 43800 hour periods × 5000 cells is too large');
    const second = binning.apply(settings(8));
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'AbortError', code: 'aborted', message: 'Superseded by a newer request' } });
    expect(await second).toBe(false);
    expect(binning.error).toBe('A panel of 43800 hour periods × 5000 cells is too large');
    await settle();
  });

  it('countCells asks the worker once per set of categories and keeps the counts it answers', async () => {
    const worker = fakeWorker();
    const binning = new BinningState(worker.client);
    const counting = binning.countCells([7, 8], null);
    expect(worker.last()).toMatchObject({ type: 'resolution-cells', resolutions: [7, 8], categories: null });
    const sent = worker.sent.length;
    void binning.countCells([7, 8], null);
    expect(worker.sent.length).toBe(sent); // already asked
    worker.reply({
      type: 'done',
      id: worker.last().id,
      request: 'resolution-cells',
      result: {
        counts: [
          { res: 7, cells: 150 },
          { res: 8, cells: 828 },
        ],
        ms: 1,
      },
    });
    await counting;
    expect([...binning.cellCounts!]).toEqual([
      [7, 150],
      [8, 828],
    ]);
    binning.reset();
    expect(binning.cellCounts).toBeNull();
  });
});
